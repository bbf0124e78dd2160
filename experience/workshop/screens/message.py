"""A few words for everyone: the facilitator types a message for every participant's screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...i18n import N_, _, lazy
from ..room import MESSAGE_LIMIT

ASK = lazy("A short message for every participant's screen, such as “Five more minutes.”")
HOW = lazy("Enter sends it to everyone at once; Esc sends nothing. It carries no name, and no one can reply.")


class MessageScreen(ModalScreen[str | None]):
    """Dismissed with the words to send, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Send nothing"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="message", classes="card"):
            yield Static(_("Message to everyone"), classes="title", markup=False)
            yield Static(str(ASK), classes="body", markup=False)
            yield Input(placeholder=_("Five more minutes."), id="message-text", max_length=MESSAGE_LIMIT)
            yield Static(str(HOW), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        words = " ".join(event.value.split())
        self.dismiss(words or None)
