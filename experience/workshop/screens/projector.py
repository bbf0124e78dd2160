"""The shared screen: the movement the group is in and the time, large and calm.

It shows nothing private: no notes, no names, and counts only if the facilitator chooses (c on
the console). Because a projector shows whatever is on the screen it mirrors, the safest way is
a window of its own, `experience facilitate --projector`, which only ever shows this screen;
the console's v key shows it too, for a single screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Digits, Static

from ..facilitation import Facilitation, Moment, gate_line
from ..timer import clock
from .room_screen import RoomScreen


class ProjectorScreen(RoomScreen):
    BINDINGS = [
        Binding("escape", "close", "Back to the console", show=False),
        Binding("v", "close", "Back to the console", show=False),
    ]

    def __init__(self, facilitation: Facilitation, *, standalone: bool = False) -> None:
        super().__init__(facilitation)
        self._standalone = standalone  # the only screen of a projector window: nothing to go back to

    def compose(self) -> ComposeResult:
        with Vertical(id="projector"):
            yield Static(self.facilitation.story.title, id="projector-story", markup=False)
            yield Static("", id="projector-movement", markup=False)
            yield Digits("0:00", id="projector-timer")
            yield Static("", id="projector-counts", markup=False)

    def show_moment(self, moment: Moment) -> None:
        movements = self.facilitation.movements
        opened = min(moment.room.open_movement, movements.last)
        self.query_one("#projector-movement", Static).update(movements.name(opened))
        self.query_one("#projector-timer", Digits).update(clock(moment.remaining))
        counts = self.query_one("#projector-counts", Static)
        counts.display = moment.room.projector_counts and moment.counts.present > 0
        counts.update(gate_line(moment, movements))

    def action_close(self) -> None:
        if not self._standalone:
            self.dismiss()
