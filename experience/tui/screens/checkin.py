"""A word before a heavy scene: what it touches, and the reader's choice whether to go on.

The story marks some scenes `intensity: deep` and says in a content note what they touch. Before
the first of a stretch of them, the reader decides: go on, take the gentler path the author
offers, pause first, or stop for today.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ..widgets.choices import ChoiceList


class CheckInScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Not now")]

    def __init__(self, content_note: str | None, *, has_gentler: bool) -> None:
        super().__init__()
        self._note = content_note
        self._replies = [("go on", "I'd like to go on.")]
        if has_gentler:
            self._replies.append(("gentler", "I'd like a gentler path."))
        self._replies += [("pause", "I'd like to pause first."), ("leave", "I'll stop here for today.")]

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin"):
            yield Static("Before you go on", classes="title")
            yield Static(Content("The next part goes deeper."), classes="body")
            if self._note:  # the author's own words, shown as written (and never read as markup)
                yield Static(Content(self._note.strip()), classes="body note")
            yield Static(Content("Go on only if it feels right today. Every choice here is a good one."),
                         classes="body")
            yield ChoiceList(id="replies")

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([label for _, label in self._replies])
        replies.focus()

    @on(OptionList.OptionSelected, "#replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._replies[event.option_index][0])
