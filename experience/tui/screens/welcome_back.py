"""A returning reader: where they were, what changed, and whether to go on or begin again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...care.words import JOURNAL_KEPT_EITHER_WAY, welcome_back_lead
from ..content import as_content
from ..widgets.footer import KeyFooter


class WelcomeBackScreen(Screen[str]):
    """Dismissed with "continue" or "restart"."""

    BINDINGS = [
        Binding("f2", "app.settings", "Settings"),
        Binding("c", "finish('continue')", "Continue", show=False),
        Binding("r", "finish('restart')", "Start again", show=False),
    ]  # s is Step out everywhere

    def __init__(self, where: str, notices: tuple[str, ...] = (), *, ended: bool = False) -> None:
        super().__init__()
        self._where = where
        self._notices = notices
        self._ended = ended

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                yield Static("Welcome back", classes="title")
                lead = welcome_back_lead(ended=self._ended)
                yield Static(Content.assemble(f"{lead} ", as_content(self._where, "italic"), "."), classes="body")
                for notice in self._notices:
                    yield Static(as_content(notice), classes="notice")
                yield Static(JOURNAL_KEPT_EITHER_WAY, classes="hint", markup=False)
                with Horizontal(classes="buttons"):
                    yield Button("Continue where I left off", id="continue", variant="primary", compact=True)
                    yield Button("Start again", id="restart", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#continue").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_finish(event.button.id or "continue")

    def action_finish(self, how: str) -> None:
        self.dismiss(how)
