"""Reading a story folder into a `Story`, reporting every problem with its place.

The folder holds `story.yaml` (the manifest) and one chapter per other `*.yaml` file. The
manifest is read first, for the variables every chapter is checked against. Then each chapter
file is read and built in one go, and its node tree (two Mark objects for every node) is freed
before the next file is opened, so memory holds one file's tree, not the whole story's. A `goto`
or a `seen(...)` may name a scene in a chapter not read yet, so references are kept by name and
checked against every scene at the end. Problems never stop the load early: each is reported and
the loader carries on, so an author sees all of them at once.

The reading itself is split by construct, as Ink splits its parser: `load_nodes` (mappings,
lists, text, flags, numbers, with their messages), `load_text` (expressions, placeholders,
paragraphs), `load_scenes` (chapters, scenes, choices, reflections), `load_manifest`
(`story.yaml`) and `load_refs` (references between scenes, and their messages).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import ENGLISH, _
from . import format as fmt
from .codes import Code
from .diagnostics import Diagnostic, Location, StoryError, sort_key
from .load_manifest import MANIFEST_NAME, ManifestReader
from .load_nodes import Context
from .load_scenes import ChapterReader
from .model import Chapter, Scene, Story, reading_order
from .source import YamlFile
from .strings import STORY_TITLE
from .translation import find_translation, no_translation, read_translation
from .validation import validate
from .values_shown import shown_values

_NAME = re.compile(fmt.NAME_PATTERN)


@dataclass(frozen=True)
class LoadResult:
    """The story (None when there are errors) and every problem found.

    `draft` is the story as far as it could be read, errors and all, for tools that help an
    author while it is still wrong (the language server's completion and go to definition).
    It is never played: only `story` has been checked whole.
    """

    story: Story | None
    diagnostics: list[Diagnostic]
    draft: Story | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


OnFile = Callable[[YamlFile, "str | None"], None]


def load_story(root: Path | str, lang: str | None = None) -> Story:
    """Load a story for playing (in `lang`, when it has a translation into it: see
    `translation.py`); raise StoryError (with every diagnostic) if it has errors."""
    result = check_story(root, lang)
    if result.story is None:
        raise StoryError(result.diagnostics)
    return result.story


def check_story(root: Path | str, lang: str | None = None, *, on_file: OnFile | None = None) -> LoadResult:
    """Load a story and report everything wrong with it, errors and warnings alike; with `lang`,
    read it in that language and report everything about its translation too. `on_file` is
    called with each file just after it is read (and its chapter, None for story.yaml)."""
    enabled = gc.isenabled()
    gc.disable()  # a load makes many small objects and no cycles: collection is wasted time here
    try:
        return _load(Path(root), lang, on_file)
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, lang: str | None = None, on_file: OnFile | None = None) -> LoadResult:
    context = Context()
    report = context.report
    here = Location(root)
    if not root.exists():
        report(Diagnostic(Code.STORY_FOLDER, _("there is no story folder here"), here))
        return _result(context, None)
    if not root.is_dir():
        report(
            Diagnostic(
                Code.STORY_FOLDER,
                _("a story is a folder holding {manifest} and chapter files, not a single file").format(
                    manifest=MANIFEST_NAME
                ),
                here,
            )
        )
        return _result(context, None)
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        report(
            Diagnostic(
                Code.STORY_FOLDER,
                _(
                    "no {manifest} in this folder; a story needs one (try 'experience new' for a working example)"
                ).format(manifest=MANIFEST_NAME),
                here,
            )
        )
        return _result(context, None)

    for odd in sorted(root.glob("*.yml")):
        said = _("'{file}' is not read: chapter files end in .yaml").format(file=odd.name)
        report(Diagnostic(Code.FILE_NOT_READ, said, Location(odd)))

    po = find_translation(root, lang) if lang is not None else None
    if po is not None:
        context.translation = read_translation(po, po, report)
    if context.translation is not None:
        context.on_file.append(context.translation.apply)
    if on_file is not None:
        context.on_file.append(on_file)
    manifest_file = _open(manifest_path, context)
    chapter_paths = sorted(p for p in root.glob("*.yaml") if p.name != MANIFEST_NAME and p.is_file())
    if not chapter_paths:
        report(
            Diagnostic(
                Code.STORY_FOLDER,
                _("the story has no chapters: add a chapter file next to {manifest}").format(manifest=MANIFEST_NAME),
                Location(manifest_path),
            )
        )

    manifest = ManifestReader(manifest_file, context) if manifest_file is not None else None
    title, story_id, start_node, stop_node, welcome, own, careful_as = (
        manifest.read() if manifest is not None else ("", "", None, None, None, ENGLISH, None)
    )
    translation = context.translation
    source_title = (translation.source_text(STORY_TITLE) if translation else None) or title
    if lang is not None and po is None and manifest is not None:
        missing = no_translation(root, root, lang, own)
        if missing is not None:
            report(missing)

    chapters: dict[str, Chapter] = {}
    scenes: dict[str, Scene] = {}
    for path in chapter_paths:
        chapter = _chapter(path, context, scenes)
        if chapter is not None:
            chapters[chapter.id] = chapter
    start = ""
    if manifest is not None and start_node is not None:
        start = manifest.start(start_node) or ""  # after the chapters, to suggest a real scene
    stop = manifest.stop(stop_node, scenes) if manifest is not None and stop_node is not None else None
    context.diagnostics.extend(context.references.check())
    if context.format_2_use is not None and context.format < 2:
        what, where = context.format_2_use
        report(
            Diagnostic(
                Code.FORMAT_NOT_DECLARED,
                # Translators: {what} is what the story uses, like "a list of branches in goto".
                _(
                    "the story uses {what}, which format 2 added: say 'format: 2' in {manifest}, so that "
                    "an older version of experience says plainly that it cannot read the story"
                ).format(what=what, manifest=MANIFEST_NAME),
                where,
            )
        )

    chapters, scenes = _in_story_order(start, chapters, scenes)
    story = Story(
        title=title,
        start=start,
        root=root,
        variables=context.variables,
        chapters=chapters,
        scenes=scenes,
        manifest=manifest_path,
        id=story_id,
        stop=stop,
        welcome=welcome,
        careful_as=careful_as,
        format=context.format,
        language=translation.language if translation is not None else own,
        source_language=own,
        source_title=source_title,
    )
    if translation is not None:
        translation.check_values(shown_values(story))
        translation.finish()
    complete = manifest is not None and not any(d.is_error for d in context.diagnostics)
    if start and start in scenes:
        context.diagnostics.extend(validate(story, complete=complete))
    has_errors = any(d.is_error for d in context.diagnostics)
    return _result(context, None if has_errors else story, draft=story)


def _chapter(path: Path, context: Context, scenes: dict[str, Scene]) -> Chapter | None:
    """Read one chapter file, adding its scenes to `scenes`; None if it could not be read."""
    chapter_id = path.stem
    if not _NAME.match(chapter_id):
        context.report(
            Diagnostic(
                Code.INVALID_NAME,
                _(
                    "'{file}' cannot be a chapter: file names use letters, digits, "
                    "- and _ (the name is how scenes refer to it)"
                ).format(file=path.name),
                Location(path),
            )
        )
        return None
    file = _open(path, context, chapter_id)
    if file is None:
        context.references.broken_chapters.add(chapter_id)
        return None
    reader = ChapterReader(file, context)
    head = reader.head(chapter_id)
    if head is None:
        return None
    scenes.update(reader.scenes(head))
    file.root = None  # done with this file: only one node tree is ever alive
    return head.chapter(file.display)


def _open(path: Path, context: Context, chapter: str | None = None) -> YamlFile | None:
    file = YamlFile(path, context.report)
    if not file.read():
        return None
    for on_file in context.on_file:
        on_file(file, chapter)
    return file


def _result(context: Context, story: Story | None, draft: Story | None = None) -> LoadResult:
    unique = list(dict.fromkeys(context.diagnostics))
    return LoadResult(story, sorted(unique, key=sort_key), draft)


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
