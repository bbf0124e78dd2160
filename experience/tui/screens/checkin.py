"""A word before a heavy scene: what it touches, and the reader's choice whether to go on.

The story marks some scenes `intensity: deep` and says in a content note what they touch. Before
the first of a stretch of them, and again where the note changes, the reader decides: go on, take
the gentler path the author offers, pause first, or stop for today. Pausing comes back to this
same question; stopping goes to the story's own gentle stop, a pause in the journey that the next
sitting can go on from.

A modal screen shuts out the app's own keys, so the ones that must work everywhere (support,
pause, leave) are bound here again, and shown in a footer of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ...care.words import CHECKIN_LEAD, CHECKIN_OK, CHECKIN_TITLE, SUPPORT_LETTER, CheckInReply, checkin_replies
from ...i18n import N_
from ..content import as_content
from ..contract import SUPPORT_BINDING
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from ...progress.session import CheckIn


class CheckInScreen(ModalScreen[CheckInReply | None]):
    """Dismissed with the reader's `CheckInReply`, or None for "not now"."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Not now")),
        Binding("p", f"reply('{CheckInReply.PAUSE.name}')", N_("Pause")),
        SUPPORT_BINDING,
        Binding(SUPPORT_LETTER, "app.support", show=False),
        Binding("ctrl+q", "app.quit", N_("Leave")),  # works anyway (a priority key); shown here too
    ]

    def __init__(self, checkin: CheckIn) -> None:
        super().__init__()
        self._note = checkin.content_note
        self._replies = checkin_replies(has_gentler=checkin.has_gentler)

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin"):
            yield Static(str(CHECKIN_TITLE), classes="title", markup=False)
            yield Static(str(CHECKIN_LEAD), classes="body", markup=False)
            if self._note:  # the author's own words, shown as written (and never read as markup)
                yield Static(as_content(self._note.strip()), classes="body note")
            yield Static(str(CHECKIN_OK), classes="body", markup=False)
            yield ChoiceList(id="replies")
        yield KeyFooter()

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([reply.label for reply in self._replies])
        replies.focus()

    def action_reply(self, name: str) -> None:
        self.dismiss(CheckInReply[name])

    @on(OptionList.OptionSelected, "#replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._replies[event.option_index])
