"""Stepping out: everything is kept, a calm goodbye, what this is not, and where to find a person
to talk to, for everyone who leaves this way.

Reached by leaving for now (at an ending, or from the support screen) and from the palette.
Everything is already saved at each step; the scene keeps any half-written answer as a draft
when this screen covers it. Enter leaves; the app then prints the same support text into the
terminal, so it stays in view after the window closes. Esc goes back to where the reader was.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...care.words import GOODBYE, IF_IT_STIRRED, NOTHING_SENT, WHAT_IT_IS_NOT
from ...i18n import N_, _, lazy
from ..widgets.footer import KeyFooter
from ..widgets.support import SupportText

STAYING = lazy(
    "Press Enter to leave. These words will stay in your terminal after the window closes. "
    "If you would rather stay a while, Esc takes you back."
)


class StepOutScreen(Screen[bool]):
    """Dismissed with True to leave, False to stay."""

    BINDINGS = [
        Binding("enter", "leave", N_("Leave"), key_display="enter"),
        Binding("q", "leave", N_("Leave"), show=False),
        Binding("escape", "stay", N_("Stay a while")),
    ]

    def compose(self) -> ComposeResult:
        with Center(id="step-out-center"):
            with VerticalScroll(id="step-out", classes="card"):
                yield Static(_("Stepping out"), classes="title")
                yield Static(str(GOODBYE), classes="body", markup=False)
                yield Static(str(WHAT_IT_IS_NOT), classes="body", markup=False)
                yield Static(str(IF_IT_STIRRED), classes="body", markup=False)
                yield SupportText()
                yield Static(str(NOTHING_SENT), classes="hint", markup=False)
                yield Static(str(STAYING), classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#step-out").focus()  # arrows and page keys scroll the support lines

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)
