"""Checking a story as the editor has it, unsaved changes and all.

The checker reads a story folder from disk. An author's editor holds newer text than the disk
for every file they are changing, so the story is checked in a scratch copy of its folder with
those files written as the editor has them; every place the checker names is then mapped back
to the author's own folder. `experience/story` stays the one checker, and knows nothing of
editors.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..story import Code, Diagnostic, Location, Scene, Story, Variable, check_story
from ..story.load_manifest import MANIFEST_NAME

#: The files a story folder is read from (the checker warns about `.yml`, so it is copied too).
STORY_FILES = ("*.yaml", "*.yml")
#: Problems that stop a file being read at all: its scenes are unknown until they are fixed.
UNREADABLE = frozenset(
    {Code.NOT_UTF8, Code.FILE_TOO_LARGE, Code.YAML_SYNTAX, Code.ALIASES_EXPAND_TOO_FAR, Code.YAML_FEATURE_NOT_ALLOWED}
)


def story_root(path: Path) -> Path | None:
    """The story a file belongs to: the folder beside it, when that folder has a story.yaml."""
    folder = path.parent
    return folder if (folder / MANIFEST_NAME).is_file() else None


@dataclass(frozen=True)
class Checked:
    """One check of one story: every problem by file, and the story as far as it could be read."""

    root: Path
    diagnostics: Mapping[Path, list[Diagnostic]]  # every file of the story, problems or not
    draft: Story | None

    def named(self, kind: str, name: str) -> Scene | Variable | None:
        """The scene (by its full id) or the variable that a name in a file stands for."""
        if self.draft is None:
            return None
        if kind == "scene":
            return self.draft.scenes.get(name)
        return self.draft.variables.get(name) if kind == "variable" else None

    def keeping(self, earlier: Checked | None) -> Checked:
        """This check, with the scenes of each chapter that cannot be read now (half-typed YAML)
        as they were at the `earlier` check, so completion and definitions keep working while
        the author types. The problems are this check's own."""
        if earlier is None or earlier.draft is None or self.draft is None:
            return self
        unreadable = {
            path.stem for path, problems in self.diagnostics.items() if any(p.code in UNREADABLE for p in problems)
        }
        kept = {sid: scene for sid, scene in earlier.draft.scenes.items() if scene.chapter in unreadable}
        if not kept:
            return self
        return Checked(self.root, self.diagnostics, replace(self.draft, scenes={**kept, **self.draft.scenes}))


@dataclass
class _Shadow:
    """A scratch copy of a story folder, and how to map its paths back to the real one."""

    real: Path
    copy: Path
    names: list[str] = field(default_factory=list)

    def back(self, path: Path) -> Path:
        if path == self.copy:
            return self.real / MANIFEST_NAME  # a problem of the folder as a whole shows on story.yaml
        if path.parent == self.copy:
            return self.real / path.name
        return path

    def location(self, location: Location | None) -> Location | None:
        return location._replace(path=self.back(location.path)) if location is not None else None


def check(root: Path, buffers: Mapping[Path, str]) -> Checked:
    """Check the story in `root`, reading each file in `buffers` as given instead of from disk."""
    root = root.resolve()
    with tempfile.TemporaryDirectory(prefix="experience-lsp-") as scratch:
        shadow = _Shadow(root, Path(scratch))
        _copy(shadow, {path.resolve(): text for path, text in buffers.items()})
        result = check_story(shadow.copy)
    by_file: dict[Path, list[Diagnostic]] = {root / name: [] for name in shadow.names}
    for diagnostic in result.diagnostics:
        location = shadow.location(diagnostic.location)
        assert location is not None
        by_file.setdefault(location.path, []).append(Diagnostic(diagnostic.code, diagnostic.message, location))
    draft = result.draft
    return Checked(root, by_file, _mapped(draft, shadow) if draft is not None else None)


def _copy(shadow: _Shadow, buffers: Mapping[Path, str]) -> None:
    """The story's files into the scratch folder: as the editor has them if it does, else as saved."""
    on_disk = {p.resolve(): p for pattern in STORY_FILES for p in shadow.real.glob(pattern) if p.is_file()}
    edited = {p: text for p, text in buffers.items() if p.parent == shadow.real and p.suffix in (".yaml", ".yml")}
    for path in sorted(set(on_disk) | set(edited)):
        target = shadow.copy / path.name
        if path in edited:
            target.write_text(edited[path], encoding="utf-8")
        else:
            try:
                target.write_bytes(path.read_bytes())
            except OSError:
                continue  # gone since it was listed, or unreadable: the check says what is missing
        shadow.names.append(path.name)


def _mapped(story: Story, shadow: _Shadow) -> Story:
    """The draft story with every place in it naming the real files, for go to definition."""
    scenes = {sid: replace(scene, location=shadow.location(scene.location)) for sid, scene in story.scenes.items()}
    variables = {
        name: replace(variable, location=shadow.location(variable.location))
        for name, variable in story.variables.items()
    }
    chapters = {
        cid: replace(chapter, path=shadow.back(chapter.path), location=shadow.location(chapter.location))
        for cid, chapter in story.chapters.items()
    }
    return replace(
        story,
        root=shadow.real,
        scenes=scenes,
        variables=variables,
        chapters=chapters,
        manifest=shadow.real / MANIFEST_NAME,
    )
