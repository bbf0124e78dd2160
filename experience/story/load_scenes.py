"""Building a chapter from its file: its own keys, then each scene with its choices and reflection.

A chapter is read in two steps on the same node tree. `head` reads the chapter's keys and learns
its scenes' names (so that references can be checked against them later), and `scenes` builds
each scene. A scene that cannot be built is left out, with every reason reported; a file whose
aliases blow the budget stops there, and the chapter counts as one that could not be read.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from . import format as fmt
from .codes import Code
from .conditions import Expression, ValueType, unknown_variable_message
from .diagnostics import Diagnostic, Location
from .load_nodes import Entries
from .load_text import TextReader
from .model import DEEP, INTENSITIES, Chapter, Choice, Reflect, Scene
from .source import BudgetExceeded, Refused, describe, is_false, scalar_value

_NAME = re.compile(fmt.NAME_PATTERN)


@dataclass
class ChapterHead:
    id: str
    title: str
    scenes: dict[str, tuple[ScalarNode, Node]]  # by name: the key and the scene's mapping
    movement: str | None
    facilitator: str | None
    minutes: float | None
    location: Location

    def chapter(self, path: Path) -> Chapter:
        return Chapter(
            self.id,
            self.title,
            path,
            tuple(f"{self.id}/{n}" for n in self.scenes),
            self.movement,
            self.facilitator,
            self.minutes,
            self.location,
        )


class ChapterReader(TextReader):
    # -- the chapter's own keys, and its scene names ---------------------------------------------
    def head(self, chapter_id: str) -> ChapterHead | None:
        """The chapter's keys and its scenes' names, or None when it cannot be read at all."""
        broken = self.context.references.broken_chapters
        node = self.file.root
        assert node is not None  # the loader only reads a file that was composed
        what = f"chapter '{chapter_id}'"
        try:
            entries = self.mapping(node, what)
            if entries is None:
                broken.add(chapter_id)
                return None
            self.check_keys(entries, fmt.CHAPTER, what, node)
            title = self.optional(entries, "title", lambda n: self.text(n, "the chapter's title"))
            movement = self.optional(entries, "movement", lambda n: self.text(n, "movement"))
            notes = self.optional(entries, "facilitator", lambda n: self.text(n, "facilitator"))
            minutes = self.optional(entries, "minutes", lambda n: self.number(n, "minutes", positive=True))
            scenes: dict[str, tuple[ScalarNode, Node]] = {}
            if "scenes" in entries:
                scene_entries = self.mapping(entries["scenes"][1], f"the scenes of {what}")
                if scene_entries is None:
                    broken.add(chapter_id)
                elif not scene_entries:
                    self.error(Code.INVALID_VALUE, f"{what} has no scenes", entries["scenes"][1])
                for name, pair in (scene_entries or {}).items():
                    if not _NAME.match(name):
                        self.error(
                            Code.INVALID_NAME, f"'{name}' cannot be a scene name: use letters, digits, - and _", pair[0]
                        )
                        continue
                    scenes[name] = pair
                    self.context.references.scene_ids[f"{chapter_id}/{name}"] = None
            return ChapterHead(chapter_id, title or chapter_id, scenes, movement, notes, minutes, self.at(node))
        except BudgetExceeded:
            self.budget_exceeded()
        except Refused as refused:
            self.refused(refused)
        broken.add(chapter_id)
        return None

    def scenes(self, head: ChapterHead) -> dict[str, Scene]:
        built: dict[str, Scene] = {}
        for name, (key_node, node) in head.scenes.items():
            try:
                scene = self._scene(head.id, name, key_node, node)
            except BudgetExceeded:
                self.budget_exceeded()
                self.context.references.broken_chapters.add(head.id)
                break
            except Refused as refused:
                self.refused(refused)
                continue
            if scene is not None:
                built[scene.id] = scene
        return built

    def scene_ref(self, node: Node, chapter: str, what: str) -> str | None:
        ref = self.text(node, what)
        return None if ref is None else self.context.references.resolve(ref, chapter, self.at(node), what)

    # -- scenes -----------------------------------------------------------------------------
    def _scene(self, chapter: str, name: str, key_node: Node, node: Node) -> Scene | None:
        scene_id = f"{chapter}/{name}"
        what = f"scene '{name}'"
        entries = self.mapping(node, what)
        if entries is None:
            return None
        self.check_keys(entries, fmt.SCENE, what, key_node)
        get = self.optional
        text = get(entries, "text", lambda n: self.rich_text(n, chapter, "text"))
        title = get(entries, "title", lambda n: self.text(n, "title"))
        revisit = get(entries, "revisit", lambda n: self.rich_text(n, chapter, "revisit"))
        goto = get(entries, "goto", lambda n: self.scene_ref(n, chapter, "goto"))
        end = get(entries, "end", self._ending)
        returns = get(entries, "return", lambda n: self.flag(n, "return"))
        reflect = get(entries, "reflect", self._reflect)
        intensity = get(entries, "intensity", self._intensity)
        note = get(entries, "content_note", lambda n: self.text(n, "content_note"))
        gentler = get(entries, "gentler", lambda n: self.scene_ref(n, chapter, "gentler"))
        notes = get(entries, "facilitator", lambda n: self.text(n, "facilitator"))
        minutes = get(entries, "minutes", lambda n: self.number(n, "minutes", positive=True))
        choices: tuple[Choice, ...] = ()
        if "choices" in entries:
            choices = self._choices(entries["choices"][1], scene_id, chapter)

        exits = [
            k
            for k in fmt.SCENE_EXITS
            if k in entries
            and not (k in ("end", "return") and is_false(entries[k][1]))
            and not (k == "choices" and isinstance(entries[k][1], SequenceNode) and not entries[k][1].value)
        ]
        if not exits:
            self.error(
                Code.DEAD_END,
                f"{what} is a dead end: it has no choices, no goto and no 'end: true', "
                "so the reader would be stuck here",
                key_node,
            )
        elif len(exits) > 1:
            self.error(
                Code.CONFLICTING_KEYS,
                f"{what} takes only one of choices, goto, end and return, not {' and '.join(exits)}",
                entries[exits[1]][0],
            )
        if gentler is not None and intensity != DEEP:
            self.error(
                Code.CONFLICTING_KEYS, "'gentler' only applies to a scene with 'intensity: deep'", entries["gentler"][0]
            )

        if text is None:
            return None
        return Scene(
            id=scene_id,
            chapter=chapter,
            name=name,
            text=text,
            title=title,
            revisit=revisit,
            choices=choices,
            goto=goto,
            end=bool(end),
            pause=end == fmt.PAUSE,
            returns=bool(returns),
            reflect=reflect,
            intensity=intensity,
            content_note=note,
            gentler=gentler,
            facilitator=notes,
            minutes=minutes,
            location=self.at(key_node),
        )

    def _ending(self, node: Node) -> bool | str | None:
        """`end`: true, false, or `pause` for an ending that is a pause in the journey."""
        self.file.visit(node)
        if isinstance(node, ScalarNode) and node.value == fmt.PAUSE:
            return fmt.PAUSE
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.error(
                Code.WRONG_TYPE,
                f"end should be true or false (or pause, for a pause in the journey), not {describe(node)}",
                node,
            )
            return None
        return value

    def _intensity(self, node: Node) -> str | None:
        value = self.text(node, "intensity")
        if value is None:
            return None
        if value not in INTENSITIES:
            close = difflib.get_close_matches(value, INTENSITIES, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.error(Code.INVALID_VALUE, f"intensity is 'gentle' or 'deep', not '{value}'{hint}", node)
            return None
        return value

    def _reflect(self, node: Node) -> Reflect | None:
        entries = self.mapping(node, "reflect")
        if entries is None:
            return None
        self.check_keys(entries, fmt.REFLECT, "reflect", node)
        prompt = self.optional(entries, "prompt", lambda n: self.text_template(n, "the prompt"))
        save_as = self._answer_variable(entries, "save_as", ValueType.TEXT)
        withheld_as = self._answer_variable(entries, "withheld_as", ValueType.FLAG)
        if prompt is None:
            return None
        return Reflect(prompt, save_as, self.at(node), withheld_as)

    def _answer_variable(self, entries: Entries, key: str, kind: ValueType) -> str | None:
        """The variable a reflect key names (`save_as`, `withheld_as`): declared, of `kind`."""
        if key not in entries:
            return None
        value_node = entries[key][1]
        name = self.text(value_node, key)
        if name is None:
            return None
        variables = self.context.variable_types
        found = variables.get(name)
        if found is None:
            self.error(Code.UNKNOWN_VARIABLE, unknown_variable_message(name, variables), value_node)
        elif found is not kind:
            self.error(
                Code.TYPE_MISMATCH, f"{key} needs a {kind.value} variable, and '{name}' holds {found.value}", value_node
            )
        else:
            return name
        return None

    # -- choices ----------------------------------------------------------------------------
    def _choices(self, node: Node, scene_id: str, chapter: str) -> tuple[Choice, ...]:
        items = self.sequence(node, "choices")
        if items is None:
            return ()
        choices = []
        for index, item in enumerate(items, start=1):
            choice = self._choice(item, scene_id, chapter, index)
            if choice is not None:
                choices.append(choice)
        return tuple(choices)

    def _choice(self, node: Node, scene_id: str, chapter: str, index: int) -> Choice | None:
        what = f"choice {index}"
        if isinstance(node, ScalarNode):
            self.file.visit(node)
            self.error(Code.WRONG_TYPE, f"{what} should be a mapping with text and goto, not {describe(node)}", node)
            return None
        entries = self.mapping(node, what)
        if entries is None or not self.check_keys(entries, fmt.CHOICE, what, node):
            return None
        get = self.optional
        text = get(entries, "text", lambda n: self.text_template(n, "the choice's text"))
        goto = get(entries, "goto", lambda n: self.scene_ref(n, chapter, "goto"))
        detour = get(entries, "detour", lambda n: self.scene_ref(n, chapter, "detour"))
        returns = get(entries, "return", lambda n: self.flag(n, "return"))
        condition = get(entries, "if", lambda n: self.expression(n, chapter, "if"))
        once = get(entries, "once", lambda n: self.flag(n, "once"))
        fallback = get(entries, "fallback", lambda n: self.flag(n, "fallback"))
        sets = self._sets(entries["set"][1], chapter) if "set" in entries else ()
        exits = [k for k in fmt.CHOICE_EXITS if k in entries and not (k == "return" and is_false(entries[k][1]))]
        if not exits:
            self.error(
                Code.MISSING_KEY, f"{what} needs goto (or detour, or 'return: true') to say where it leads", node
            )
        elif len(exits) > 1:
            self.error(
                Code.CONFLICTING_KEYS,
                f"{what} takes only one of goto, detour and return, not {' and '.join(exits)}",
                entries[exits[1]][0],
            )
        if text is None:
            return None
        return Choice(
            scene=scene_id,
            index=index,
            text=text,
            goto=goto,
            detour=detour,
            returns=bool(returns),
            condition=condition,
            sets=sets,
            once=bool(once),
            fallback=bool(fallback),
            location=self.at(node),
        )

    def _sets(self, node: Node, chapter: str) -> tuple[tuple[str, Expression], ...]:
        entries = self.mapping(node, "set")
        if entries is None:
            return ()
        diagnostics = self.context.diagnostics
        variables = self.context.variable_types
        sets = []
        for name, (key_node, value_node) in entries.items():
            kind = variables.get(name)
            if kind is None:
                self.error(Code.UNKNOWN_VARIABLE, unknown_variable_message(name, variables), key_node)
                continue
            before = len(diagnostics)
            expression = self.expression(value_node, chapter, f"the value for '{name}'")
            if expression is None:
                if (
                    kind is ValueType.TEXT
                    and isinstance(value_node, ScalarNode)
                    and len(diagnostics) > before
                    and diagnostics[-1].code in (Code.EXPRESSION_SYNTAX, Code.UNKNOWN_VARIABLE)
                    and not any(q in value_node.value for q in "\"'")
                ):
                    # the author meant words, not an expression: say how to write words
                    last = diagnostics.pop()
                    self.report(
                        Diagnostic(
                            last.code,
                            f"{last.message.split(';')[0]}; the value of set is an expression, so "
                            f"to set the text itself, put quotes inside the quotes: "
                            f"{name}: '\"{value_node.value}\"'",
                            last.location,
                        )
                    )
                continue
            if expression.type is not kind:
                self.error(
                    Code.TYPE_MISMATCH,
                    f"'{name}' holds {kind.value}, but this value is {expression.type.value}",
                    value_node,
                )
                continue
            sets.append((name, expression))
        return tuple(sets)
