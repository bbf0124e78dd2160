"""The first thing a new reader sees: what this is, what it is not, and how to step out of it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ..widgets.footer import KeyFooter
from ..widgets.support import SupportLine

WHAT_THIS_IS = ("This is a guided reflection: a quiet story in short scenes, with a few questions "
                "you can answer for yourself, privately, or simply pass by.")
HOW_TO_LEAVE = ("You are free at every moment. Press p to pause and breathe, b to go back a step, "
                "j to read what you have written, and ctrl+q to leave. Your place and your words "
                "are kept on this computer, readable only by you.")


class WelcomeScreen(Screen[str]):
    """Dismissed with "begin"."""

    BINDINGS = [Binding("enter", "begin", "Begin", show=False)]

    def __init__(self, title: str, notices: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._title = title
        self._notices = notices

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                yield Static(Content(self._title), classes="title")
                yield Static(WHAT_THIS_IS, classes="body", markup=False)
                yield SupportLine(classes="support")
                yield Static(HOW_TO_LEAVE, classes="body", markup=False)
                for notice in self._notices:
                    yield Static(Content(notice), classes="notice")
                with Horizontal(classes="buttons"):
                    yield Button("Begin", id="begin", variant="primary", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#begin").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        self.dismiss("begin")
