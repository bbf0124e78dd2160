"""A participant's first screen in a room: what this is, and what happens to what they write.

It says plainly what differs from playing at home: the facilitator sets the pace, never sees
anyone's answers, and nothing written is kept on this computer after the session ends, so the
journal is theirs to download before they go.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from ...care.words import WHAT_IT_IS_NOT, WHAT_THIS_IS
from ...tui.widgets.footer import KeyFooter
from ...tui.widgets.support import SupportHint

IN_THIS_ROOM = (
    "You are in a workshop room. The group moves through the story together: now and "
    "then you may be asked to wait until everyone is ready to go on."
)
YOURS = (
    "What you write is yours. The facilitator never sees it, and nothing is kept on this "
    "computer once you leave: press d at any time to download your journal."
)
HOW_TO_LEAVE = "Press p to pause and breathe, b to go back a step, j to read your journal, and ctrl+q to leave."


class ArrivalScreen(Screen[str]):
    """Dismissed with "begin"."""

    BINDINGS = [Binding("enter", "begin", "Begin", show=False)]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(WHAT_THIS_IS, classes="body", markup=False)
                yield Static(WHAT_IT_IS_NOT, classes="body", markup=False)
                yield Static(IN_THIS_ROOM, classes="body", markup=False)
                yield Static(YOURS, classes="body", markup=False)
                yield Static(HOW_TO_LEAVE, classes="body", markup=False)
                yield SupportHint(classes="support")
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
