"""A quiet place to breathe; returning leaves the reader exactly where they were.

The screen sits on top of whatever the reader was doing and changes nothing underneath: the
scene, the scroll position and any half-written answer wait as they were.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.breath import Breath
from ..widgets.footer import KeyFooter
from ..widgets.support import SupportLine

STILLNESS = ("There is nowhere you need to be right now. Let your shoulders drop a little. "
             "Feel whatever is holding you up: the chair, the floor, the bed.")
RETURNING = "When you are ready, press Enter or Esc. Everything is where you left it."


class PauseScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "return", "Return"),
        Binding("enter", "return", "Return", show=False),
        Binding("p", "return", "Return", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Center(id="pause-center"):
            with Vertical(id="pause"):
                yield Static("A pause", classes="title")
                yield Breath()
                yield Static(STILLNESS, classes="body", markup=False)
                yield Static(RETURNING, classes="hint", markup=False)
                yield SupportLine(classes="support")
        yield KeyFooter()

    def action_return(self) -> None:
        self.dismiss()
