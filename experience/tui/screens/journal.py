"""The reader's own answers, by chapter, newest last, exactly as they were typed (anything in
them that would act on the terminal shown as a placeholder: see tui/content.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...care.words import local_date
from ..content import as_content
from ..contract import PlayerScreen
from ..widgets.footer import KeyFooter


class JournalScreen(PlayerScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back to the story"),
        Binding("j", "close", "Back to the story", show=False),
    ]

    def compose(self) -> ComposeResult:
        groups = self.session.journal_by_chapter()
        with Vertical(id="page"):
            yield Static(
                Content.assemble(
                    ("Your journal", "bold $text-primary"), "\n", as_content(self.session.story.title, "$text-muted")
                ),
                id="journal-heading",
            )
            with VerticalScroll(id="entries"):
                if not groups:
                    yield Static(self.player.JOURNAL_EMPTY, classes="empty", markup=False)
                for title, entries in groups:
                    yield Static(as_content(title), classes="chapter")
                    for entry in entries:
                        with Vertical(classes="entry"):
                            yield Static(as_content(entry.prompt), classes="prompt")
                            yield Static(as_content(entry.answer), classes="answer")
                            yield Static(Content(local_date(entry.created)), classes="date")
        yield KeyFooter()

    def on_mount(self) -> None:
        entries = self.query_one("#entries", VerticalScroll)
        entries.focus()
        entries.scroll_end(animate=False, immediate=True)  # newest last, so start with the newest

    def action_close(self) -> None:
        self.dismiss()
