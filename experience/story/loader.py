"""Reading a story folder into a `Story`, reporting every problem with its place.

The folder holds `story.yaml` (the manifest) and one chapter per other `*.yaml` file. Loading
goes in two passes: the first reads every file and learns every scene's name, the second builds
the scenes, so a `goto` or a `seen(...)` can name a scene in any chapter. Problems never stop the
load early: each is reported and the loader carries on, so an author sees all of them at once.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import format as fmt
from .conditions import RESERVED_NAMES, Expression, ValueType, compile_expression, literal
from .diagnostics import Diagnostic, Location, StoryError, sort_key
from .model import INTENSITIES, Chapter, Choice, Reflect, Scene, Story, Variable, reading_order
from .source import BudgetExceeded, Refused, YamlFile, describe, is_false, is_plain, scalar_value
from .text import PLAIN, Block, Template, parse_template
from .validation import validate

MANIFEST_NAME = "story.yaml"
_NAME = re.compile(fmt.NAME_PATTERN)
_VARIABLE = re.compile(fmt.VARIABLE_PATTERN)

Entries = dict[str, tuple[ScalarNode, Node]]


@dataclass(frozen=True)
class LoadResult:
    """The story (None when there are errors) and every problem found."""

    story: Story | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def load_story(root: Path | str) -> Story:
    """Load a story for playing; raise StoryError (with every diagnostic) if it has errors."""
    result = check_story(root)
    if result.story is None:
        raise StoryError(result.diagnostics)
    return result.story


def check_story(root: Path | str) -> LoadResult:
    """Load a story and report everything wrong with it, errors and warnings alike."""
    enabled = gc.isenabled()
    gc.disable()  # a load makes many small objects and no cycles: collection is wasted time here
    try:
        return _Loader(Path(root)).run()
    finally:
        if enabled:
            gc.enable()


@dataclass
class _ChapterHead:
    id: str
    file: YamlFile
    title: str
    scenes: dict[str, tuple[ScalarNode, Node]]
    movement: str | None
    facilitator: str | None
    minutes: float | None
    location: Location


class _Loader:
    """Reads a story folder one file at a time.

    Each chapter file is read and built in one go and its node tree (two Mark objects for every
    node) is dropped before the next file is opened, so memory holds one file's tree, not the
    whole story's. References between scenes are resolved by name as they are met and checked
    against the full list of scenes at the end.
    """

    def __init__(self, root: Path):
        self.root = root
        self.diagnostics: list[Diagnostic] = []
        self.variable_types: dict[str, ValueType] = {}
        self.variables: dict[str, Variable] = {}
        self.scene_ids: dict[str, None] = {}  # every known scene, in file order
        self.broken_chapters: set[str] = set()  # chapters we could not read: no cascade of errors
        self.expression_cache: dict[tuple[str, str], Expression] = {}
        self.pending: list[
            tuple[str, str, str | None, str, Location]
        ] = []  # (full id, as written, chapter, what, where)
        self.scene_expressions: list[Expression] = []  # expressions that name scenes in seen()/visits()
        self.file: YamlFile | None = None

    # -- reporting --------------------------------------------------------------------------
    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def error(self, code: str, message: str, node: Node | Location) -> None:
        where = node if isinstance(node, Location) else self.file.at(node)  # type: ignore[union-attr]
        self.report(Diagnostic(code, message, where))

    # -- reading the folder -----------------------------------------------------------------
    def run(self) -> LoadResult:
        root = self.root
        here = Location(root)
        if not root.exists():
            self.report(Diagnostic("E006", "there is no story folder here", here))
            return self._result(None)
        if not root.is_dir():
            self.report(
                Diagnostic("E006", "a story is a folder holding story.yaml and chapter files, not a single file", here)
            )
            return self._result(None)
        manifest_path = root / MANIFEST_NAME
        if not manifest_path.is_file():
            self.report(
                Diagnostic(
                    "E006",
                    f"no {MANIFEST_NAME} in this folder; a story needs one "
                    "(try 'experience new' for a working example)",
                    here,
                )
            )
            return self._result(None)

        for odd in sorted(root.glob("*.yml")):
            self.report(Diagnostic("W404", f"'{odd.name}' is not read: chapter files end in .yaml", Location(odd)))

        manifest = self._open(manifest_path)
        chapter_paths = sorted(p for p in root.glob("*.yaml") if p.name != MANIFEST_NAME and p.is_file())
        if not chapter_paths:
            self.report(
                Diagnostic(
                    "E006",
                    f"the story has no chapters: add a chapter file next to {MANIFEST_NAME}",
                    Location(manifest_path),
                )
            )

        title, start_node = "", None
        if manifest is not None:
            title, start_node = self._manifest(manifest)

        chapters: dict[str, Chapter] = {}
        scenes: dict[str, Scene] = {}
        for path in chapter_paths:
            head = self._chapter_head(path)
            if head is None:
                continue
            scenes.update(self._chapter_scenes(head))
            chapters[head.id] = Chapter(
                head.id,
                head.title,
                head.file.display,
                tuple(f"{head.id}/{n}" for n in head.scenes),
                head.movement,
                head.facilitator,
                head.minutes,
                head.location,
            )
            head.file.root = None  # done with this file: only one node tree is ever alive
        start = ""
        if start_node is not None:
            self.file = manifest
            start = self._start(start_node) or ""  # after the chapters, to suggest a real scene
        self._check_references()

        chapters, scenes = _in_story_order(start, chapters, scenes)
        story = Story(
            title=title,
            start=start,
            root=root,
            variables=self.variables,
            chapters=chapters,
            scenes=scenes,
            manifest=manifest_path,
        )
        complete = manifest is not None and not any(d.is_error for d in self.diagnostics)
        if start and start in scenes:
            self.diagnostics.extend(validate(story, complete=complete))
        has_errors = any(d.is_error for d in self.diagnostics)
        return self._result(None if has_errors else story)

    def _result(self, story: Story | None) -> LoadResult:
        unique = list(dict.fromkeys(self.diagnostics))
        return LoadResult(story, sorted(unique, key=sort_key))

    def _open(self, path: Path) -> YamlFile | None:
        file = YamlFile(path, self.report)
        if not file.read():
            return None
        self.file = file
        return file

    def _budget_exceeded(self, file: YamlFile) -> None:
        self.report(
            Diagnostic(
                "E004",
                "anchors and aliases make this file expand far beyond its size; write the repeated parts out instead",
                Location(file.display),
            )
        )

    # -- generic readers --------------------------------------------------------------------
    def mapping(self, node: Node, what: str) -> Entries | None:
        """The entries of a mapping node by key, reporting duplicates and non-mappings."""
        file = self.file
        file.visit(node)
        if not isinstance(node, MappingNode):
            self.error("E100", f"{what} should be a mapping (key: value lines), not {describe(node)}", node)
            return None
        entries: Entries = {}
        for key_node, value_node in node.value:
            file.visit(key_node)
            if not isinstance(key_node, ScalarNode):
                self.error("E100", f"keys in {what} should be plain names, not {describe(key_node)}", key_node)
                continue
            key = key_node.value
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.error(
                    "E103",
                    f"duplicate key '{key}' in {what} (first given on line {first}); "
                    "YAML would silently keep only the last one",
                    key_node,
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def check_keys(self, entries: Entries, spec: tuple[fmt.Key, ...], what: str, node: Node) -> bool:
        """Report unknown and missing keys; False when the mapping was really text with a colon in it."""
        names = fmt.key_names(spec)
        for key, (key_node, _) in entries.items():
            if key not in names:
                if any(c.isspace() for c in key.strip()):
                    self.error(
                        "E100",
                        f"'{_shorten(key)}: ...' was read as a key and a value because of the ': ' "
                        "in it; if this is text, put it all in quotes, or write it as a block with |",
                        key_node,
                    )
                    return False
                self.error("E101", _unknown_key_message(key, names, what), key_node)
        for key in spec:
            if key.required and key.name not in entries:
                self.error("E102", f"{what} needs '{key.name}': {key.doc[0].lower()}{key.doc[1:]}", node)
        return True

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        self.file.visit(node)
        if not isinstance(node, SequenceNode):
            self.error("E100", f"{what} should be a list (lines starting with '- '), not {describe(node)}", node)
            return None
        return node.value

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        """Text as written. Plain numbers and true/false are taken as the words they are."""
        self.file.visit(node)
        if not isinstance(node, ScalarNode):
            self.error("E100", f"{what} should be text, not {describe(node)}", node)
            return None
        if is_plain(node) and scalar_value(node) is None:
            if allow_empty:
                return ""
            self.error("E104", f"{what} is empty", node)
            return None
        return node.value

    def flag(self, node: Node, what: str) -> bool | None:
        self.file.visit(node)
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.error("E100", f"{what} should be true or false, not {describe(node)}", node)
            return None
        return value

    def number(self, node: Node, what: str, *, positive: bool = False) -> float | None:
        self.file.visit(node)
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error("E100", f"{what} should be a number, not {describe(node)}", node)
            return None
        if positive and not value > 0:
            self.error("E104", f"{what} should be more than 0", node)
            return None
        return value

    # -- manifest ---------------------------------------------------------------------------
    def _manifest(self, file: YamlFile) -> tuple[str, Node | None]:
        node = file.root
        try:
            entries = self.mapping(node, MANIFEST_NAME)
            if entries is None:
                return "", None
            self.check_keys(entries, fmt.MANIFEST, MANIFEST_NAME, node)
            title = self.text(entries["title"][1], "the story's title") if "title" in entries else None
            if "variables" in entries:
                self._variables(entries["variables"][1])
            return title or "", entries["start"][1] if "start" in entries else None
        except BudgetExceeded:
            self._budget_exceeded(file)
        except Refused as refused:
            self.error("E005", refused.message, refused.node)
        return "", None

    def _variables(self, node: Node) -> None:
        entries = self.mapping(node, "variables")
        if entries is None:
            return
        for name, (key_node, value_node) in entries.items():
            if not _VARIABLE.match(name):
                self.error(
                    "E106",
                    f"'{name}' cannot be a variable name: use letters, digits and _, starting with a letter",
                    key_node,
                )
                continue
            if name in RESERVED_NAMES or name.startswith("__"):
                self.error("E106", f"'{name}' is a word of the expression language and cannot be a variable", key_node)
                continue
            self.file.visit(value_node)
            value = scalar_value(value_node) if isinstance(value_node, ScalarNode) else None
            kind = ValueType.of(value)
            if kind is None:
                self.error(
                    "E104" if isinstance(value_node, ScalarNode) else "E100",
                    f"variable '{name}' needs a starting value: a number, text in quotes, or "
                    f"true/false (found {describe(value_node)})",
                    value_node,
                )
                continue
            self.variable_types[name] = kind
            self.variables[name] = Variable(name, value, kind, self.file.at(key_node))  # type: ignore[arg-type]

    def _start(self, node: Node) -> str | None:
        ref = self.text(node, "start")
        if ref is None:
            return None
        if "/" not in ref:
            self.error(
                "E104", f"start should name a scene as chapter/scene, like '{_example(self.scene_ids, ref)}'", node
            )
            return None
        return self.resolve(ref, None, node, "start")

    # -- a chapter's own keys, and its scene names --------------------------------------------
    def _chapter_head(self, path: Path) -> _ChapterHead | None:
        chapter_id = path.stem
        display = path
        if not _NAME.match(chapter_id):
            self.report(
                Diagnostic(
                    "E106",
                    f"'{path.name}' cannot be a chapter: file names use letters, digits, "
                    "- and _ (the name is how scenes refer to it)",
                    Location(display),
                )
            )
            return None
        file = self._open(path)
        if file is None:
            self.broken_chapters.add(chapter_id)
            return None
        node = file.root
        what = f"chapter '{chapter_id}'"
        try:
            entries = self.mapping(node, what)
            if entries is None:
                self.broken_chapters.add(chapter_id)
                return None
            self.check_keys(entries, fmt.CHAPTER, what, node)
            title = self.text(entries["title"][1], "the chapter's title") if "title" in entries else None
            movement = self.text(entries["movement"][1], "movement") if "movement" in entries else None
            notes = self.text(entries["facilitator"][1], "facilitator") if "facilitator" in entries else None
            minutes = self.number(entries["minutes"][1], "minutes", positive=True) if "minutes" in entries else None
            scenes: dict[str, tuple[ScalarNode, Node]] = {}
            if "scenes" in entries:
                scene_entries = self.mapping(entries["scenes"][1], f"the scenes of {what}")
                if scene_entries is None:
                    self.broken_chapters.add(chapter_id)
                elif not scene_entries:
                    self.error("E104", f"{what} has no scenes", entries["scenes"][1])
                for name, pair in (scene_entries or {}).items():
                    if not _NAME.match(name):
                        self.error("E106", f"'{name}' cannot be a scene name: use letters, digits, - and _", pair[0])
                        continue
                    scenes[name] = pair
                    self.scene_ids[f"{chapter_id}/{name}"] = None
            return _ChapterHead(chapter_id, file, title or chapter_id, scenes, movement, notes, minutes, file.at(node))
        except BudgetExceeded:
            self._budget_exceeded(file)
        except Refused as refused:
            self.error("E005", refused.message, refused.node)
        self.broken_chapters.add(chapter_id)
        return None

    # -- references -------------------------------------------------------------------------
    @staticmethod
    def full_id(ref: str, chapter: str | None) -> str:
        ref = ref.strip()
        return ref if "/" in ref or chapter is None else f"{chapter}/{ref}"

    def resolve(self, ref: str, chapter: str | None, node: Node, what: str) -> str:
        """The full id a reference stands for; whether that scene exists is checked at the end."""
        full = self.full_id(ref, chapter)
        self.pending.append((full, ref, chapter, what, self.file.at(node)))
        return full

    def scene_ref(self, node: Node, chapter: str, what: str) -> str | None:
        ref = self.text(node, what)
        return None if ref is None else self.resolve(ref, chapter, node, what)

    def _exists(self, full: str) -> bool:
        # a scene in a chapter we could not read gets no error of its own: that chapter's says why
        return full in self.scene_ids or full.split("/", 1)[0] in self.broken_chapters

    def _check_references(self) -> None:
        for full, ref, chapter, what, where in self.pending:
            if not self._exists(full):
                self.report(Diagnostic("E200", _unknown_scene_message(ref, chapter, what, self.scene_ids), where))
        for expression in self.scene_expressions:
            for full in sorted(expression.scenes):
                if not self._exists(full):
                    self.report(
                        Diagnostic(
                            "E200",
                            f"'{expression.source}' names the scene '{full}', which does not exist",
                            expression.location,
                        )
                    )

    # -- expressions and text ---------------------------------------------------------------
    def expression(self, node: Node, chapter: str, what: str) -> Expression | None:
        self.file.visit(node)
        if not isinstance(node, ScalarNode):
            self.error("E100", f"{what} should be an expression, not {describe(node)}", node)
            return None
        value = scalar_value(node)
        location = self.file.at(node)
        if isinstance(value, (bool, int, float)):
            return literal(value, location)
        if value is None:
            self.error("E104", f"{what} is empty", node)
            return None
        source = node.value
        cached = self.expression_cache.get((source, chapter))
        if cached is not None:
            expression = cached.at(location)
        else:
            expression, problem = compile_expression(
                source,
                variables=self.variable_types,
                resolve_scene=lambda r: self.full_id(r, chapter),
                location=location,
                column_offset=1 if node.style in ('"', "'") else 0,
            )
            if problem is not None:
                self.report(problem)
                return None
            self.expression_cache[(source, chapter)] = expression
        if expression.scenes:
            self.scene_expressions.append(expression)
        return expression

    def template(self, node: ScalarNode, text: str) -> Template:
        template, problems = parse_template(
            text,
            self.file.locator(node),
            self.variable_types,
            lambda name: _unknown_variable(name, self.variable_types),
        )
        self.diagnostics.extend(problems)
        return template

    def text_template(self, node: Node, what: str) -> Template | None:
        text = self.text(node, what)
        return None if text is None else self.template(node, text)  # type: ignore[arg-type]

    def rich_text(self, node: Node, chapter: str, what: str) -> tuple[Block, ...] | None:
        """Scene text: plain text, or a list of paragraphs with conditions and variations."""
        if isinstance(node, ScalarNode):
            template = self.text_template(node, what)
            return None if template is None else (Block((template,), PLAIN, None, self.file.at(node)),)
        items = self.sequence(node, f"{what} (text, or a list of paragraphs)")
        if items is None:
            return None
        if not items:
            self.error("E104", f"{what} is an empty list", node)
            return None
        blocks = []
        for item in items:
            if isinstance(item, ScalarNode):
                template = self.text_template(item, "a paragraph")
                if template is not None:
                    blocks.append(Block((template,), PLAIN, None, self.file.at(item)))
                continue
            block = self._block(item, chapter)
            if block is not None:
                blocks.append(block)
        return tuple(blocks)

    def _block(self, node: Node, chapter: str) -> Block | None:
        what = "a paragraph"
        entries = self.mapping(node, f"{what} (text, or a mapping with text, sequence, cycle or shuffle)")
        if entries is None or not self.check_keys(entries, fmt.BLOCK, what, node):
            return None
        bodies = [k for k in fmt.BLOCK_BODIES if k in entries]
        if not bodies:
            self.error("E102", f"{what} needs one of {_or(fmt.BLOCK_BODIES)}", node)
            return None
        if len(bodies) > 1:
            self.error(
                "E105",
                f"{what} takes only one of {_or(fmt.BLOCK_BODIES)}, not {' and '.join(bodies)}",
                entries[bodies[1]][0],
            )
            return None
        condition = self.expression(entries["if"][1], chapter, "if") if "if" in entries else None
        if "if" in entries and condition is None:
            return None
        mode = bodies[0]
        body = entries[mode][1]
        if mode == PLAIN:
            template = self.text_template(body, what)
            return None if template is None else Block((template,), PLAIN, condition, self.file.at(node))
        variants = self.sequence(body, mode)
        if variants is None:
            return None
        if not variants:
            self.error("E104", f"{mode} needs at least one paragraph", body)
            return None
        templates = [self.text_template(v, f"each paragraph of {mode}") for v in variants]
        if any(t is None for t in templates):
            return None
        return Block(tuple(templates), mode, condition, self.file.at(node))  # type: ignore[arg-type]

    # -- scenes -----------------------------------------------------------------------------
    def _scene(self, chapter: str, name: str, key_node: Node, node: Node) -> Scene | None:
        scene_id = f"{chapter}/{name}"
        what = f"scene '{name}'"
        entries = self.mapping(node, what)
        if entries is None:
            return None
        self.check_keys(entries, fmt.SCENE, what, key_node)

        def get(key: str, reader: Callable[[Node], object]) -> object:
            return reader(entries[key][1]) if key in entries else None

        text = get("text", lambda n: self.rich_text(n, chapter, "text"))
        title = get("title", lambda n: self.text(n, "title"))
        revisit = get("revisit", lambda n: self.rich_text(n, chapter, "revisit"))
        goto = get("goto", lambda n: self.scene_ref(n, chapter, "goto"))
        end = get("end", lambda n: self.flag(n, "end"))
        returns = get("return", lambda n: self.flag(n, "return"))
        reflect = get("reflect", lambda n: self._reflect(n))
        intensity = get("intensity", lambda n: self._intensity(n))
        note = get("content_note", lambda n: self.text(n, "content_note"))
        gentler = get("gentler", lambda n: self.scene_ref(n, chapter, "gentler"))
        notes = get("facilitator", lambda n: self.text(n, "facilitator"))
        minutes = get("minutes", lambda n: self.number(n, "minutes", positive=True))
        choices: tuple[Choice, ...] = ()
        if "choices" in entries:
            choices = self._choices(entries["choices"][1], scene_id, chapter)

        exits = [
            k
            for k in fmt.SCENE_EXITS
            if k in entries
            and entries[k][1] is not None
            and not (k in ("end", "return") and is_false(entries[k][1]))
            and not (k == "choices" and isinstance(entries[k][1], SequenceNode) and not entries[k][1].value)
        ]
        if not exits:
            self.error(
                "E201",
                f"{what} is a dead end: it has no choices, no goto and no 'end: true', "
                "so the reader would be stuck here",
                key_node,
            )
        elif len(exits) > 1:
            self.error(
                "E105",
                f"{what} takes only one of choices, goto, end and return, not {' and '.join(exits)}",
                entries[exits[1]][0],
            )
        if gentler is not None and intensity != "deep":
            self.error("E105", "'gentler' only applies to a scene with 'intensity: deep'", entries["gentler"][0])

        if text is None:
            return None
        return Scene(
            id=scene_id,
            chapter=chapter,
            name=name,
            text=text,
            title=title,
            revisit=revisit,  # type: ignore[arg-type]
            choices=choices,
            goto=goto,
            end=bool(end),
            returns=bool(returns),
            reflect=reflect,  # type: ignore[arg-type]
            intensity=intensity,
            content_note=note,
            gentler=gentler,
            facilitator=notes,  # type: ignore[arg-type]
            minutes=minutes,
            location=self.file.at(key_node),
        )  # type: ignore[arg-type]

    def _chapter_scenes(self, head: _ChapterHead) -> dict[str, Scene]:
        self.file = head.file
        built: dict[str, Scene] = {}
        for name, (key_node, node) in head.scenes.items():
            try:
                scene = self._scene(head.id, name, key_node, node)
            except BudgetExceeded:
                self._budget_exceeded(head.file)
                self.broken_chapters.add(head.id)
                break
            except Refused as refused:
                self.error("E005", refused.message, refused.node)
                continue
            if scene is not None:
                built[scene.id] = scene
        return built

    def _intensity(self, node: Node) -> str | None:
        value = self.text(node, "intensity")
        if value is None:
            return None
        if value not in INTENSITIES:
            close = difflib.get_close_matches(value, INTENSITIES, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.error("E104", f"intensity is 'gentle' or 'deep', not '{value}'{hint}", node)
            return None
        return value

    def _reflect(self, node: Node) -> Reflect | None:
        entries = self.mapping(node, "reflect")
        if entries is None:
            return None
        self.check_keys(entries, fmt.REFLECT, "reflect", node)
        prompt = self.text_template(entries["prompt"][1], "the prompt") if "prompt" in entries else None
        save_as = None
        if "save_as" in entries:
            value_node = entries["save_as"][1]
            name = self.text(value_node, "save_as")
            if name is not None:
                kind = self.variable_types.get(name)
                if kind is None:
                    self.error("E301", _unknown_variable(name, self.variable_types), value_node)
                elif kind is not ValueType.TEXT:
                    self.error("E304", f"save_as needs a text variable, and '{name}' holds {kind.value}", value_node)
                else:
                    save_as = name
        if prompt is None:
            return None
        return Reflect(prompt, save_as, self.file.at(node))

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
            self.error("E100", f"{what} should be a mapping with text and goto, not {describe(node)}", node)
            return None
        entries = self.mapping(node, what)
        if entries is None or not self.check_keys(entries, fmt.CHOICE, what, node):
            return None
        text = self.text_template(entries["text"][1], "the choice's text") if "text" in entries else None
        goto = self.scene_ref(entries["goto"][1], chapter, "goto") if "goto" in entries else None
        detour = self.scene_ref(entries["detour"][1], chapter, "detour") if "detour" in entries else None
        returns = self.flag(entries["return"][1], "return") if "return" in entries else None
        condition = self.expression(entries["if"][1], chapter, "if") if "if" in entries else None
        once = self.flag(entries["once"][1], "once") if "once" in entries else None
        fallback = self.flag(entries["fallback"][1], "fallback") if "fallback" in entries else None
        sets = self._sets(entries["set"][1], chapter) if "set" in entries else ()
        exits = [k for k in fmt.CHOICE_EXITS if k in entries and not (k == "return" and is_false(entries[k][1]))]
        if not exits:
            self.error("E102", f"{what} needs goto (or detour, or 'return: true') to say where it leads", node)
        elif len(exits) > 1:
            self.error(
                "E105",
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
            location=self.file.at(node),
        )

    def _sets(self, node: Node, chapter: str) -> tuple[tuple[str, Expression], ...]:
        entries = self.mapping(node, "set")
        if entries is None:
            return ()
        sets = []
        for name, (key_node, value_node) in entries.items():
            kind = self.variable_types.get(name)
            if kind is None:
                self.error("E301", _unknown_variable(name, self.variable_types), key_node)
                continue
            before = len(self.diagnostics)
            expression = self.expression(value_node, chapter, f"the value for '{name}'")
            if expression is None:
                if (
                    kind is ValueType.TEXT
                    and isinstance(value_node, ScalarNode)
                    and len(self.diagnostics) > before
                    and self.diagnostics[-1].code in ("E300", "E301")
                    and not any(q in value_node.value for q in "\"'")
                ):
                    # the author meant words, not an expression: say how to write words
                    last = self.diagnostics.pop()
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
                    "E304", f"'{name}' holds {kind.value}, but this value is {expression.type.value}", value_node
                )
                continue
            sets.append((name, expression))
        return tuple(sets)


def _in_story_order(
    start: str, chapters: dict[str, Chapter], scenes: dict[str, Scene]
) -> tuple[dict[str, Chapter], dict[str, Scene]]:
    """Chapters in the order a reader meets them (main path first, then side paths, then the
    rest by name), so reports, graphs and run-sheets read from beginning to end."""
    order: dict[str, None] = {}
    for follow_detours in (False, True):
        for sid in reading_order(scenes, start, follow_detours=follow_detours):
            scene = scenes.get(sid)
            if scene is not None:
                order.setdefault(scene.chapter)
    for chapter_id in chapters:
        order.setdefault(chapter_id)
    ordered = {cid: chapters[cid] for cid in order if cid in chapters}
    ordered_scenes = {sid: scenes[sid] for chapter in ordered.values() for sid in chapter.scenes if sid in scenes}
    return ordered, ordered_scenes


# -- messages -------------------------------------------------------------------------------
def _or(words: tuple[str, ...] | list[str]) -> str:
    words = list(words)
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


_BELONGS = {  # where a key that is not allowed here does belong, in words an author knows
    "choice": "on a choice (under choices:)",
    "scene": "on a scene",
    "reflect": "under reflect:",
    "chapter": "at the top of a chapter file",
    "story.yaml": "in story.yaml",
    "paragraph": "on a paragraph in a text list",
}


def _unknown_key_message(key: str, names: list[str], what: str) -> str:
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}' in {what}; did you mean '{close[0]}'?"
    if key == "<<":
        return "merge keys (<<) are not supported; write the keys out"
    homes = [kind for kind, keys in fmt.KINDS.items() if key in fmt.key_names(keys)]
    if homes:
        where = " or ".join(_BELONGS[kind] for kind in homes)
        hint = (
            " (to change a variable on the way out of a scene, give the scene one choice with set and goto)"
            if key == "set" and what.startswith("scene")
            else ""
        )
        return f"'{key}' does not belong in {what}: it goes {where}{hint}"
    return f"unknown key '{key}' in {what}; expected {_or(names)}"


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unknown_variable(name: str, variables: dict[str, ValueType]) -> str:
    close = difflib.get_close_matches(name, list(variables), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "; declare it under 'variables' in story.yaml"
    return f"unknown variable '{name}'{hint}"


def _unknown_scene_message(ref: str, chapter: str | None, what: str, known: dict[str, None]) -> str:
    if "/" in ref:
        target_chapter, scene = ref.split("/", 1)
        chapters = {sid.split("/", 1)[0] for sid in known}
        if target_chapter not in chapters:
            close = difflib.get_close_matches(target_chapter, sorted(chapters), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"{what} names the chapter '{target_chapter}', which does not exist{hint}"
        candidates = [sid for sid in known if sid.startswith(target_chapter + "/")]
        close = difflib.get_close_matches(ref, candidates, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"{what} names the scene '{ref}', which does not exist{hint}"
    local = [sid.split("/", 1)[1] for sid in known if chapter and sid.startswith(chapter + "/")]
    close = difflib.get_close_matches(ref, local, n=1, cutoff=0.5)
    if close:
        return f"{what} names the scene '{ref}', which is not in chapter '{chapter}'; did you mean '{close[0]}'?"
    elsewhere = [sid for sid in known if sid.endswith("/" + ref)]
    if elsewhere:
        return (
            f"{what} names the scene '{ref}', which is not in chapter '{chapter}'; "
            f"for another chapter's scene write '{elsewhere[0]}'"
        )
    return f"{what} names the scene '{ref}', which does not exist in chapter '{chapter}'"


def _example(known: dict[str, None], ref: str) -> str:
    for sid in known:
        if sid.split("/", 1)[0] == ref:
            return sid
    return next(iter(known), "chapter/scene")


def iter_story_files(root: Path) -> Iterator[Path]:
    yield root / MANIFEST_NAME
    yield from sorted(p for p in root.glob("*.yaml") if p.name != MANIFEST_NAME)
