"""Stepping out: everything is kept, a kind goodbye, and where to find a person to talk to.

Reachable with s from every screen (and the palette). Everything is already saved at each step;
the scene keeps any half-written answer as a draft when this screen covers it. Enter leaves; the
app then prints the same support text into the terminal, so it stays in view after the window
closes. Esc is there for a press of s that was not meant: it goes back to where the reader was.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...care.words import GOODBYE, IF_IT_STIRRED, NOTHING_SENT
from ..widgets.footer import KeyFooter
from ..widgets.support import SupportText

STAYING = (
    "Press Enter to leave. These words will stay in your terminal after the window closes. "
    "If you pressed s by mistake, Esc takes you back."
)


class StepOutScreen(Screen[bool]):
    """Dismissed with True to leave, False to stay."""

    BINDINGS = [
        Binding("enter", "leave", "Leave", key_display="enter"),
        Binding("q", "leave", "Leave", show=False),
        Binding("escape", "stay", "Stay a while"),
        Binding("s", "noop", show=False),  # already stepping out: a second s does nothing
    ]

    def compose(self) -> ComposeResult:
        with Center(id="step-out-center"):
            with VerticalScroll(id="step-out", classes="card"):
                yield Static("Stepping out", classes="title")
                yield Static(GOODBYE, classes="body", markup=False)
                yield Static(IF_IT_STIRRED, classes="body", markup=False)
                yield SupportText()
                yield Static(NOTHING_SENT, classes="hint", markup=False)
                yield Static(STAYING, classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#step-out").focus()  # arrows and page keys scroll the support lines

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_noop(self) -> None:
        pass
