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

from ...care.words import IF_IT_STIRRED, Worded
from ...i18n import N_, _, lazy
from ...tui.contract import SUPPORT_BINDING
from ...tui.widgets.choices import ChoiceList
from ...tui.widgets.footer import KeyFooter
from ...tui.widgets.support import EmergencyNumbers, SupportButton
from ..keepsake import ON_ITS_WAY
from .arrival import HELD_FOR_THE_SESSION

BEFORE_YOU_GO = lazy(
    "What you wrote is about to go. {held} If you would like to keep your words, download your journal first.",
    held=HELD_FOR_THE_SESSION,
)


class FarewellReply(Worded):
    """The participant's answers before they go, in the order offered."""

    DOWNLOAD = lazy("Download my journal")
    LEAVE = lazy("Leave now")
    STAY = lazy("Stay a little longer")


class FarewellScreen(ModalScreen[FarewellReply]):
    """Dismissed with LEAVE or STAY; DOWNLOAD calls `download` and stays open, on Leave now."""

    BINDINGS = [Binding("escape", "stay", N_("Stay")), SUPPORT_BINDING]

    def __init__(self, download: Callable[[], None]) -> None:
        super().__init__()
        self._download = download

    def compose(self) -> ComposeResult:
        with Vertical(id="farewell"):
            yield Static(_("Before you go"), classes="title", markup=False)
            yield Static(str(BEFORE_YOU_GO), classes="body", markup=False)
            yield Static("", id="farewell-status", classes="hint", markup=False)
            yield ChoiceList(id="farewell-replies")
            yield Static(str(IF_IT_STIRRED), classes="hint", markup=False)
            yield EmergencyNumbers()
            yield SupportButton(id=None)
        yield KeyFooter()

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([reply.label for reply in FarewellReply])
        replies.focus()

    def action_stay(self) -> None:
        self.dismiss(FarewellReply.STAY)

    @on(OptionList.OptionSelected, "#farewell-replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        replies = list(FarewellReply)
        reply = replies[event.option_index]
        if reply is FarewellReply.DOWNLOAD:
            self._download()
            self.query_one("#farewell-status", Static).update(
                _("{on_its_way} Go gently.").format(on_its_way=ON_ITS_WAY)
            )
            self.query_one(ChoiceList).highlighted = replies.index(FarewellReply.LEAVE)
        else:
            self.dismiss(reply)
