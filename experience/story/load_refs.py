"""References between scenes: resolved by name as they are read, checked once every file is in.

A `goto` may name a scene in a chapter that has not been read yet, so nothing is checked on the
spot: each reference is kept with its place, and `check` compares them all against the scenes
that turned out to exist. A chapter that could not be read names no scenes, and references into
it get no error of their own: that chapter's own error already says why.
"""

from __future__ import annotations

import difflib
from typing import NamedTuple

from ..i18n import _
from .codes import Code
from .conditions import Expression
from .diagnostics import Diagnostic, Location


class _Pending(NamedTuple):
    full: str  # the full id it stands for
    written: str  # as the author wrote it
    chapter: str | None  # the chapter it was written in (None for the manifest's start)
    what: str  # the key that holds it, for the message
    where: Location


class References:
    def __init__(self) -> None:
        self.scene_ids: dict[str, None] = {}  # every known scene, in file order
        self.broken_chapters: set[str] = set()  # chapters we could not read: no cascade of errors
        self._pending: list[_Pending] = []
        self._expressions: list[Expression] = []  # expressions that name scenes in seen()/visits()

    @staticmethod
    def full_id(ref: str, chapter: str | None) -> str:
        ref = ref.strip()
        return ref if "/" in ref or chapter is None else f"{chapter}/{ref}"

    def resolve(self, ref: str, chapter: str | None, where: Location, what: str) -> str:
        """The full id a reference stands for; whether that scene exists is checked at the end."""
        full = self.full_id(ref, chapter)
        self._pending.append(_Pending(full, ref, chapter, what, where))
        return full

    def expression_names_scenes(self, expression: Expression) -> None:
        self._expressions.append(expression)

    def _exists(self, full: str) -> bool:
        return full in self.scene_ids or full.split("/", 1)[0] in self.broken_chapters

    def check(self) -> list[Diagnostic]:
        """Every reference to a scene that does not exist, with a suggestion where there is one."""
        problems = [
            Diagnostic(Code.UNKNOWN_SCENE, unknown_scene_message(p.written, p.chapter, p.what, self.scene_ids), p.where)
            for p in self._pending
            if not self._exists(p.full)
        ]
        for expression in self._expressions:
            for full in sorted(expression.scenes):
                if not self._exists(full):
                    problems.append(
                        Diagnostic(
                            Code.UNKNOWN_SCENE,
                            _("'{expression}' names the scene '{scene}', which does not exist").format(
                                expression=expression.source, scene=full
                            ),
                            expression.location,
                        )
                    )
        return problems

    def example(self, chapter: str) -> str:
        """A real scene to show in a message: one of `chapter`'s if it has any."""
        for sid in self.scene_ids:
            if sid.split("/", 1)[0] == chapter:
                return sid
        return next(iter(self.scene_ids), "chapter/scene")


def unknown_scene_message(ref: str, chapter: str | None, what: str, known: dict[str, None]) -> str:
    """Said of a reference to a scene that does not exist. (The language server turns "did you
    mean 'X'?" and "write 'X'" into quick fixes, in whichever language they are said.)"""
    if "/" in ref:
        target_chapter, scene = ref.split("/", 1)
        chapters = {sid.split("/", 1)[0] for sid in known}
        if target_chapter not in chapters:
            close = difflib.get_close_matches(target_chapter, sorted(chapters), n=1)
            if close:
                return _("{what} names the chapter '{chapter}', which does not exist; did you mean '{close}'?").format(
                    what=what, chapter=target_chapter, close=close[0]
                )
            return _("{what} names the chapter '{chapter}', which does not exist").format(
                what=what, chapter=target_chapter
            )
        candidates = [sid for sid in known if sid.startswith(target_chapter + "/")]
        close = difflib.get_close_matches(ref, candidates, n=1)
        if close:
            return _("{what} names the scene '{scene}', which does not exist; did you mean '{close}'?").format(
                what=what, scene=ref, close=close[0]
            )
        return _("{what} names the scene '{scene}', which does not exist").format(what=what, scene=ref)
    local = [sid.split("/", 1)[1] for sid in known if chapter and sid.startswith(chapter + "/")]
    close = difflib.get_close_matches(ref, local, n=1, cutoff=0.5)
    if close:
        return _(
            "{what} names the scene '{scene}', which is not in chapter '{chapter}'; did you mean '{close}'?"
        ).format(what=what, scene=ref, chapter=chapter, close=close[0])
    elsewhere = [sid for sid in known if sid.endswith("/" + ref)]
    if elsewhere:
        return _(
            "{what} names the scene '{scene}', which is not in chapter '{chapter}'; "
            "for another chapter's scene write '{full}'"
        ).format(what=what, scene=ref, chapter=chapter, full=elsewhere[0])
    return _("{what} names the scene '{scene}', which does not exist in chapter '{chapter}'").format(
        what=what, scene=ref, chapter=chapter
    )
