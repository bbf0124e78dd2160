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

from yaml.nodes import Node, ScalarNode

from ..i18n import Words, _, lazy
from . import format as fmt
from .codes import Code
from .conditions import ValueType, unknown_variable_message
from .diagnostics import Diagnostic, Location
from .load_choices import ChoiceReader
from .load_hints import dead_end_message, swallowed_keys
from .load_nodes import Entries
from .model import DEEP, INTENSITIES, Chapter, Choice, Reflect, Scene
from .source import BudgetExceeded, Refused, describe, scalar_value

_NAME = re.compile(fmt.NAME_PATTERN)
_CHAPTER_TITLE = lazy("the chapter's title")
_PROMPT = lazy("the prompt")


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


class ChapterReader(ChoiceReader):
    # -- the chapter's own keys, and its scene names ---------------------------------------------
    def head(self, chapter_id: str) -> ChapterHead | None:
        """The chapter's keys and its scenes' names, or None when it cannot be read at all."""
        broken = self.context.references.broken_chapters
        node = self.file.root
        assert node is not None  # the loader only reads a file that was composed
        what = lazy("chapter '{name}'", name=chapter_id)
        try:
            entries = self.mapping(node, what)
            if entries is None:
                broken.add(chapter_id)
                return None
            self.check_keys(entries, fmt.CHAPTER, what, node)
            title = self.optional(entries, "title", lambda n: self.text(n, _CHAPTER_TITLE))
            movement = self.optional(entries, "movement", lambda n: self.text(n, "movement"))
            notes = self.optional(entries, "facilitator", lambda n: self.text(n, "facilitator"))
            minutes = self.optional(entries, "minutes", lambda n: self.number(n, "minutes", positive=True))
            scenes: dict[str, tuple[ScalarNode, Node]] = {}
            if "scenes" in entries:
                scene_entries = self.mapping(entries["scenes"][1], lazy("the scenes of {chapter}", chapter=what))
                if scene_entries is None:
                    broken.add(chapter_id)
                elif not scene_entries:
                    self.error(Code.INVALID_VALUE, _("{what} has no scenes").format(what=what), entries["scenes"][1])
                for name, pair in (scene_entries or {}).items():
                    if not _NAME.match(name):
                        said = _("'{name}' cannot be a scene name: use letters, digits, - and _").format(name=name)
                        self.error(Code.INVALID_NAME, said, pair[0])
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

    # -- scenes -----------------------------------------------------------------------------
    def _scene(self, chapter: str, name: str, key_node: Node, node: Node) -> Scene | None:
        scene_id = f"{chapter}/{name}"
        what = lazy("scene '{name}'", name=name)
        entries = self.mapping(node, what)
        if entries is None:
            return None
        self.chapter_id, self.site = chapter, scene_id
        self.check_keys(entries, fmt.SCENE, what, key_node)
        get = self.optional
        text = get(entries, "text", lambda n: self.rich_text(n, chapter, "text"))
        title = get(entries, "title", lambda n: self.text(n, "title"))
        revisit = get(entries, "revisit", lambda n: self.rich_text(n, chapter, "revisit"))
        goto = get(entries, "goto", lambda n: self.goto(n, chapter))
        end = get(entries, "end", self._ending)
        returns = get(entries, "return", lambda n: self.flag(n, "return"))
        detour = get(entries, "detour", lambda n: self.scene_ref(n, chapter, "detour"))
        then = get(entries, "then", lambda n: self.scene_ref(n, chapter, "then"))
        sets = self.sets(entries["set"][1], chapter) if "set" in entries else ()
        reflect = get(entries, "reflect", self._reflect)
        intensity = get(entries, "intensity", self._intensity)
        note = get(entries, "content_note", lambda n: self.text(n, "content_note"))
        gentler = get(entries, "gentler", lambda n: self.scene_ref(n, chapter, "gentler"))
        notes = get(entries, "facilitator", lambda n: self.text(n, "facilitator"))
        minutes = get(entries, "minutes", lambda n: self.number(n, "minutes", positive=True))
        tags = get(entries, "tags", self.tags) or ()
        letter = get(entries, "letter", lambda n: self.flag(n, "letter"))
        choices: tuple[Choice, ...] = ()
        if "choices" in entries:
            choices = self.choices(entries["choices"][1], scene_id, chapter)

        swallowed = swallowed_keys(self.file, entries)
        found = self.ways_on(entries, fmt.SCENE_EXITS, what, key_node, dead_end_message(what, swallowed), scene=True)
        self.keys_inside_text(swallowed, what, ways_on=bool(found))
        self.partners(entries, "scene")
        if gentler is not None and intensity != DEEP:
            self.error(
                Code.CONFLICTING_KEYS,
                _("'gentler' only applies to a scene with 'intensity: deep'"),
                entries["gentler"][0],
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
            goto=goto or (),
            end=bool(end),
            pause=end == fmt.PAUSE,
            returns=bool(returns),
            detour=detour,
            then=then,
            sets=sets,
            reflect=reflect,
            intensity=intensity,
            content_note=note,
            gentler=gentler,
            facilitator=notes,
            minutes=minutes,
            tags=tags,
            letter=bool(letter),
            location=self.at(key_node),
        )

    def keys_inside_text(self, swallowed: list[tuple[int, int, str]], what: Words, *, ways_on: bool) -> None:
        """W408: a line of a text block that reads like one of the scene's keys the scene lacks
        (a dead end's message already names a way on that was swallowed)."""
        for line, column, key in swallowed:
            if not ways_on and key in fmt.SCENE_EXITS:
                continue
            self.report(
                Diagnostic(
                    Code.KEY_INSIDE_TEXT,
                    _(
                        "'{key}:' on this line is part of the text above it, not a key of {what}, because it "
                        "is indented like the text; to make it a key, line it up with 'text:'"
                    ).format(key=key, what=what),
                    Location(self.file.display, line, column),
                )
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
                _("end should be true or false (or pause, for a pause in the journey), not {found}").format(
                    found=describe(node)
                ),
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
            said = (
                _("intensity is 'gentle' or 'deep', not '{value}'; did you mean '{close}'?")
                if close
                else _("intensity is 'gentle' or 'deep', not '{value}'")
            )
            self.error(Code.INVALID_VALUE, said.format(value=value, close=close[0] if close else ""), node)
            return None
        return value

    def _reflect(self, node: Node) -> Reflect | None:
        entries = self.mapping(node, "reflect")
        if entries is None:
            return None
        self.check_keys(entries, fmt.REFLECT, "reflect", node)
        prompt = self.optional(entries, "prompt", lambda n: self.text_template(n, _PROMPT))
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
        if found is None and name in self.context.broken_variables:
            pass  # its declaration has its own error
        elif found is None:
            self.error(Code.UNKNOWN_VARIABLE, unknown_variable_message(name, variables), value_node)
        elif found is not kind:
            self.error(
                Code.TYPE_MISMATCH,
                # Translators: {kind} and {found} are "a number", "text" or "true/false".
                _("{key} needs a {kind} variable, and '{name}' holds {found}").format(
                    key=key, kind=kind.said, name=name, found=found.said
                ),
                value_node,
            )
        else:
            return name
        return None
