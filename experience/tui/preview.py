"""Live preview for authors: the player, watching the story folder as they write.

Every save reloads the story. If the scene the author was reading still exists, they stay on it
with everything the story remembered (variables, visits, history for "back"); if it has gone,
they land where a reader with an old save would. A save that breaks the story shows the checker's
own messages in place of the story, and the next good save brings the story back. Progress and
answers in a preview go to a throwaway folder: an author's trial runs never mix with their own
journey.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..i18n import N_, _, ngettext
from ..story import LoadResult, State, Story, check_story, restore_history, start_at
from ..story.catalogue import LOCALE_FOLDER
from .app import ExperienceApp
from .content import as_content
from .screens.scene import SceneScreen
from .widgets.footer import KeyFooter

if TYPE_CHECKING:
    from ..progress.session import Session
    from ..story.diagnostics import Diagnostic

POLL_SECONDS = 0.4
__all__ = ["PreviewApp", "ProblemsScreen", "carry_over", "fingerprint", "start_at"]  # start_at: "play from here"


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the story folder looks like on disk: a save, a new chapter or a removed one all change
    it, and so does a save of a translation (`locale/*.po`)."""
    entries = []
    for folder, suffixes in ((root, (".yaml", ".yml")), (root / LOCALE_FOLDER, (".po",))):
        try:
            with os.scandir(folder) as found:
                for entry in found:
                    if entry.name.endswith(suffixes) and entry.is_file():
                        stat = entry.stat()
                        entries.append((f"{folder.name}/{entry.name}", stat.st_mtime_ns, stat.st_size))
        except OSError:
            if folder == root:
                return ()
    return tuple(sorted(entries))


def carry_over(story: Story, state: State) -> tuple[State, tuple[str, ...]]:
    """The reader's whole history, replayed into a freshly loaded story, and notes for the author
    on anything that had to move (a reader's wording would say "since your last visit")."""
    restored = restore_history(story, [s.snapshot() for s in state.history()])
    notes: tuple[str, ...] = ()
    if restored.state.scene != state.scene:
        gone = (
            state.scene if state.scene not in story.scenes else _("the way back from {scene}").format(scene=state.scene)
        )
        notes = (
            _("“{gone}” is no longer in the story, so the preview moved to {scene}.").format(
                gone=gone, scene=restored.state.scene
            ),
        )
    return restored.state, notes


class ProblemsScreen(Screen[None]):
    """The checker's messages, shown where the story was, until the next save fixes them."""

    BINDINGS = [Binding("escape", "keep_reading", N_("Keep reading the last good version"))]

    def action_keep_reading(self) -> None:
        self.dismiss()
        self.app.notify(
            _(
                "The files still have errors: you are reading the last version that worked. "
                "The preview reloads when you save a fix."
            ),
            severity="warning",
            timeout=8,
        )

    def __init__(self, result: LoadResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(id="page"):
            yield Static(_heading(len(self.result.errors)), id="problems-heading")
            with VerticalScroll(id="problems"):
                for diagnostic in self.result.diagnostics:
                    yield Static(_line(diagnostic), classes="problem")
        yield KeyFooter()

    def update(self, result: LoadResult) -> None:
        """New problems after another broken save: redraw in place."""
        self.result = result
        self.refresh(recompose=True)


def _heading(errors: int) -> Content:
    """The sentence above the problems, with the count of errors picked out in it."""
    count = ngettext("{count} error", "{count} errors", errors).format(count=errors)
    # Translators: {errors} is "1 error" or "3 errors", shown in bold.
    sentence = _(
        "The story has {errors} since your last save. Mend what is listed here and save: the story comes "
        "back on its own, where you were."
    )
    before, _found, after = sentence.partition("{errors}")
    return Content.assemble((before, "$text-muted"), (count, "bold $error"), (after, "$text-muted"))


def _line(diagnostic: Diagnostic) -> Content:
    style = "bold $error" if diagnostic.is_error else "bold $warning"
    # Translators: before a problem's message in the preview: "error E102: ..." (the code kept as it is).
    said = _("error {code}: ") if diagnostic.is_error else _("warning {code}: ")
    return Content.assemble(
        as_content(str(diagnostic.location), "$text-muted"),  # a message quotes the author's text
        "\n",
        (said.format(code=diagnostic.code), style),
        as_content(diagnostic.message),
    )


class PreviewApp(ExperienceApp):
    """The player for an author: no welcome, and the story reloads itself on every save."""

    SHOW_WELCOME = False

    def __init__(
        self,
        session: Session,
        root: Path,
        *,
        poll_seconds: float = POLL_SECONDS,
        warnings: int = 0,
        kept_in: Path | None = None,
    ) -> None:
        super().__init__(session)
        self.root = root
        self.kept_in = kept_in  # the folder `--data-dir` named, where the place is kept; None: nowhere
        self.poll_seconds = poll_seconds
        self._seen = fingerprint(root)
        self._set_subtitle(warnings)

    def on_mount(self) -> None:
        self.set_interval(self.poll_seconds, self.check_for_changes)
        kept = (
            _("Your place is kept in {place}.").format(place=self.kept_in)
            if self.kept_in is not None
            else _("Nothing here is kept.")
        )
        self.notify(
            _("Previewing {root}: the story reloads each time you save a file. {kept}").format(
                root=self.root, kept=kept
            ),
            timeout=5,
        )

    def _set_subtitle(self, warnings: int) -> None:
        note = (
            ngettext(
                " · {count} warning (experience check)", " · {count} warnings (experience check)", warnings
            ).format(count=warnings)
            if warnings
            else ""
        )
        self.sub_title = _("preview of {root}{note}").format(root=self.root, note=note)

    def check_for_changes(self) -> None:
        now = fingerprint(self.root)
        if now != self._seen:
            self._seen = now
            self.reload()

    def reload(self) -> None:
        """Load the story again; keep the reader's place, or show what is wrong."""
        story = self.session.story  # read again in the language it is being read in
        result = check_story(self.root, story.language if story.language != story.source_language else None)
        problems = next((s for s in self.screen_stack if isinstance(s, ProblemsScreen)), None)
        if result.story is None:
            if problems is not None:
                problems.update(result)
            else:
                self.push_screen(ProblemsScreen(result))
            return
        if problems is not None:
            while self.screen is not problems:
                self.pop_screen()
            self.pop_screen()
        session = self.session
        state, notes = carry_over(result.story, session.state)
        session.story, session.state = result.story, state
        self.title = result.story.title
        self._set_subtitle(len(result.warnings))
        scene = next((s for s in self.screen_stack if isinstance(s, SceneScreen)), None)
        if scene is not None:
            scene.show_current()
        self.notify(" ".join(notes) if notes else _("Reloaded: you are where you were."), timeout=3)
