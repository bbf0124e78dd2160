"""The shared screen: the movement the group is in and the time, large and calm, and how to join.

It shows nothing private: no notes, no names. Before the session begins it is the lobby: how to
join (the address, the code, a QR code of the address) and how many have joined. Once begun, the
counts show only if the facilitator chooses (c on the console), and the way to join stays below
for anyone arriving late, as long as the screen has room for it. When the time set runs out it
says so in words as well as in colour.

Because a projector shows whatever is on the screen it mirrors, the safest way is a window of its
own, `experience facilitate --projector`, which only ever shows this screen; the console's v key
shows it too, for a single screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Digits, Static

from ...i18n import N_, _, lazy
from ..facilitation import Facilitation, Moment
from ..qr import qr_lines
from ..room_words import gate_line
from ..serving import SOMEWHERE_UNKNOWN, shown_address
from ..timer import clock
from .room_screen import RoomScreen

WELCOME = lazy("Welcome. We will begin together in a moment.")
TIME_UP = lazy("Time is up.")
ROOM_AROUND_QR = 14  # rows the rest of the screen needs beside the code: below that, words only


class ProjectorScreen(RoomScreen):
    BINDINGS = [
        Binding("escape", "close", N_("Back to the console"), show=False),
        Binding("v", "close", N_("Back to the console"), show=False),
    ]

    def __init__(self, facilitation: Facilitation, *, standalone: bool = False) -> None:
        super().__init__(facilitation)
        self._standalone = standalone  # the only screen of a projector window: nothing to go back to
        self._qr_for: str | None = None
        self._qr_rows = 0  # lines of the QR code drawn, 0 if none could be

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static(self.facilitation.story.title, id="projector-story", markup=False)
            yield Static("", id="projector-movement", markup=False)
            yield Digits("0:00", id="projector-timer")
            yield Static(str(TIME_UP), id="projector-time-up", markup=False)
            yield Static("", id="projector-counts", markup=False)
            with Center(id="projector-join"), Horizontal():
                yield Static("", id="projector-qr", markup=False)
                with Vertical(id="projector-join-words"):
                    yield Static(_("Join at"), classes="label", markup=False)
                    yield Static("", id="projector-url", classes="value", markup=False)
                    # Translators: the label above the join code on the shared screen.
                    yield Static(_("Code"), id="projector-code-label", classes="label", markup=False)
                    yield Static("", id="projector-code", classes="value", markup=False)

    def show_moment(self, moment: Moment) -> None:
        facilitation = self.facilitation
        movements, room = facilitation.movements, moment.room
        self.query_one("#projector-movement", Static).update(
            movements.name(facilitation.opened) if room.begun else str(WELCOME)
        )
        timer = self.query_one("#projector-timer", Digits)
        timer.update(clock(moment.remaining))
        timer.set_class(moment.time_up, "-over")
        timer.display = room.begun
        self.query_one("#projector-time-up").display = room.begun and moment.time_up
        counts = self.query_one("#projector-counts", Static)
        counts.display = (room.projector_counts or not room.begun) and (moment.counts.present > 0 or not room.begun)
        counts.update(gate_line(moment, movements))
        self._show_join(moment)

    def _show_join(self, moment: Moment) -> None:
        room = moment.room
        self.query_one("#projector-join").display = bool(room.join_url)
        if not room.join_url:
            return
        self.query_one("#projector-url", Static).update(shown_address(room.join_url))
        self.query_one("#projector-code", Static).update(room.join_code or "")
        self.query_one("#projector-code").display = self.query_one("#projector-code-label").display = bool(
            room.join_code
        )
        qr = self.query_one("#projector-qr", Static)
        if self._qr_for != room.join_url:
            self._qr_for = room.join_url
            lines = (qr_lines(room.join_url) if SOMEWHERE_UNKNOWN not in room.join_url else None) or []
            qr.update("\n".join(lines))
            self._qr_rows = len(lines)
        qr.display = bool(self._qr_rows) and self.size.height >= self._qr_rows + ROOM_AROUND_QR

    def on_resize(self) -> None:
        self._show_join(self.facilitation.moment)

    def action_close(self) -> None:
        if not self._standalone:
            self.dismiss()
