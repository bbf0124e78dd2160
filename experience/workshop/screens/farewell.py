"""Leaving a room: the last chance to take one's journal, since nothing stays behind.

Every way out passes here once when the participant has written something: ctrl+q, "leave for
now" at an ending, "stop for today" before a deep scene. It never keeps anyone: leaving is one
key away.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ...tui.widgets.choices import ChoiceList

BEFORE_YOU_GO = (
    "Nothing you wrote is kept on this computer once you leave. If you would like to "
    "keep your words, download your journal first."
)
REPLIES = (("download", "Download my journal"), ("leave", "Leave now"), ("stay", "Stay a little longer"))


class FarewellScreen(ModalScreen[str]):
    """Dismissed with "leave" or "stay"; "download" calls `download` and stays open."""

    BINDINGS = [Binding("escape", "dismiss('stay')", "Stay")]

    def __init__(self, download: Callable[[], None]) -> None:
        super().__init__()
        self._download = download

    def compose(self) -> ComposeResult:
        with Vertical(id="farewell"):
            yield Static("Before you go", classes="title", markup=False)
            yield Static(BEFORE_YOU_GO, classes="body", markup=False)
            yield Static("", id="farewell-status", classes="hint", markup=False)
            yield ChoiceList(id="farewell-replies")

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([label for _, label in REPLIES])
        replies.focus()

    @on(OptionList.OptionSelected, "#farewell-replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        reply = REPLIES[event.option_index][0]
        if reply == "download":
            self._download()
            self.query_one("#farewell-status", Static).update(
                "Your journal is on its way to your browser's downloads. Go gently."
            )
            self.query_one(ChoiceList).highlighted = 1
        else:
            self.dismiss(reply)
