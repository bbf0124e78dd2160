"""A few words for everyone: the facilitator types a message for every participant's screen, or
picks a ready-made one (↓ ↑), which each participant reads in their own language (presets.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...i18n import N_, _, lazy
from ..presets import PRESETS, Chosen
from ..room import MESSAGE_LIMIT

ASK = lazy("A short message for every participant's screen, such as “Five more minutes.”")
HOW = lazy("Enter sends it to everyone at once; Esc sends nothing. It carries no name, and no one can reply.")
READY = lazy(
    "↓ ↑ offer ready-made words, which each participant reads in their own language; "
    "words you type are shown as you typed them."
)


class MessageScreen(ModalScreen[str | None]):
    """Dismissed with the words to send (a `Chosen` when they are a preset's, unchanged), or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Send nothing")),
        Binding("down", "ready(1)", N_("Ready-made")),
        Binding("up", "ready(-1)", N_("Ready-made"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready: int | None = None  # the preset last offered in the input

    def compose(self) -> ComposeResult:
        with Vertical(id="message", classes="card"):
            yield Static(_("Message to everyone"), classes="title", markup=False)
            yield Static(str(ASK), classes="body", markup=False)
            yield Input(placeholder=_("Five more minutes."), id="message-text", max_length=MESSAGE_LIMIT)
            yield Static(str(READY), classes="hint", markup=False)
            yield Static(str(HOW), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_ready(self, step: int) -> None:
        at = -1 if self._ready is None and step > 0 else (self._ready or 0)
        self._ready = (at + step) % len(PRESETS)
        field = self.query_one(Input)
        field.value = str(PRESETS[self._ready].words)
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        words = " ".join(event.value.split())
        if self._ready is not None and words == str(PRESETS[self._ready].words):
            self.dismiss(Chosen(PRESETS[self._ready]))  # offered, and sent as it was offered
            return
        self.dismiss(words or None)
