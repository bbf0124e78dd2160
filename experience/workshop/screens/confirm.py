"""A second thought before opening a movement: once open, a gate stays open."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ...i18n import N_, _
from ...tui.widgets.choices import ChoiceList


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", N_("Not yet"))]

    def __init__(self, question: str, detail: str, *, yes: str, no: str | None = None) -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._labels = (yes, no or _("Not yet"))

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self._question, classes="title", markup=False)
            yield Static(self._detail, classes="body", markup=False)
            yield ChoiceList(id="confirm-replies")

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show(self._labels)
        replies.focus()

    @on(OptionList.OptionSelected, "#confirm-replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index == 0)
