"""A participant's first screen in a room: what this is, and what happens to what they write.

It says plainly what differs from playing at home: the facilitator sets the pace, never sees
anyone's answers, and what is written is held only while the session lasts, on the machine that
runs the workshop (not the participant's own device), so the journal is theirs to download before
they go. Support is a button here as well as a key: a phone has no f1.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from ...care.words import WHAT_IT_IS_NOT, WHAT_THIS_IS
from ...i18n import N_, _, lazy
from ...tui.widgets.footer import KeyFooter
from ...tui.widgets.support import SupportButton, SupportHint

IN_THIS_ROOM = lazy(
    "You are in a workshop room. The group moves through the story together: now and "
    "then you may be asked to wait until everyone is ready to go on."
)
HELD_FOR_THE_SESSION = lazy(
    "It is held only while your session lasts, on the machine running the workshop, and deleted "
    "from there when you leave."
)  # where a participant's words are: the arrival, the journal and the farewell say it alike
YOURS = lazy(
    "What you write is yours. The facilitator never sees it. {held} Press d at any time to download your journal.",
    held=HELD_FOR_THE_SESSION,
)
HOW_TO_LEAVE = lazy("Press p to pause and breathe, b to go back a step, j to read your journal, and ctrl+q to leave.")


class ArrivalScreen(Screen[str]):
    """Dismissed with "begin"."""

    BINDINGS = [Binding("enter", "begin", N_("Begin"), show=False)]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(str(WHAT_THIS_IS), classes="body", markup=False)
                yield Static(str(WHAT_IT_IS_NOT), classes="body", markup=False)
                yield Static(str(IN_THIS_ROOM), classes="body", markup=False)
                yield Static(str(YOURS), classes="body", markup=False)
                yield Static(str(HOW_TO_LEAVE), classes="body", markup=False)
                yield SupportHint(classes="support")
                with Horizontal(classes="buttons"):
                    yield Button(_("Begin"), id="begin", variant="primary", compact=True)
                    yield SupportButton(id=None)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#begin").focus()

    @on(Button.Pressed, "#begin")
    def _begin_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        self.dismiss("begin")
