"""The reader's own answers, by chapter, newest last, exactly as they were typed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from ...progress.session import Session


class JournalScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back to the story"),
        Binding("j", "close", "Back to the story", show=False),
    ]

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        groups = self.session.journal_by_chapter()
        with Vertical(id="page"):
            yield Static(
                Content.assemble(
                    ("Your journal", "bold $text-primary"), "\n", (self.session.story.title, "$text-muted")
                ),
                id="journal-heading",
            )
            with VerticalScroll(id="entries"):
                if not groups:
                    yield Static(self.app.JOURNAL_EMPTY, classes="empty", markup=False)  # type: ignore[attr-defined]
                for title, entries in groups:
                    yield Static(Content(title), classes="chapter")
                    for entry in entries:
                        with Vertical(classes="entry"):
                            yield Static(Content(entry.prompt), classes="prompt")
                            yield Static(Content(entry.answer), classes="answer")
                            yield Static(Content(when(entry.created)), classes="date")
        yield KeyFooter()

    def on_mount(self) -> None:
        entries = self.query_one("#entries", VerticalScroll)
        entries.focus()
        entries.scroll_end(animate=False, immediate=True)  # newest last, so start with the newest

    def action_close(self) -> None:
        self.dismiss()


def when(stamp: str) -> str:
    """A stored UTC time as the reader's local date and time."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%B %Y, %H:%M}"
