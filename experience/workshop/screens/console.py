"""The facilitator's main screen: the room at a glance above, the run-sheet below.

Above: which movement is open, how many have reached the gate (never who), and the timer, large.
Below: the run-sheet of one movement (the open one, or any other the facilitator browses to
with the arrow keys to prepare), with the facilitator's notes, timings and content notes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Markdown, Static

from ...tui.widgets.footer import KeyFooter
from ..facilitation import Facilitation, Moment, gate_line, spread_line
from ..runsheet import movement_markdown
from ..timer import clock
from .confirm import ConfirmScreen
from .projector import ProjectorScreen
from .room_screen import RoomScreen


class ConsoleScreen(RoomScreen):
    BINDINGS = [
        Binding("n", "open_next", "Open next"),
        Binding("s", "timer", "Start/pause"),
        Binding("space", "timer", "Start/pause", show=False),
        Binding("e", "extend", "+5 min"),
        Binding("r", "reset", "Reset timer"),
        Binding("v", "projector", "Projector"),
        Binding("c", "counts", "Counts on projector", show=False),
        Binding("left", "browse(-1)", "Browse", key_display="←→", priority=True),  # not the page's own scroll
        Binding("right", "browse(1)", show=False, priority=True),
    ]

    def __init__(self, facilitation: Facilitation) -> None:
        super().__init__(facilitation)
        self._browsing: int | None = None  # None: follow the open movement
        self._shown_sheet: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="console"):
            with Horizontal(id="room-bar"):
                with Vertical(id="room-status"):
                    yield Static("", id="room-name", classes="name", markup=False)
                    yield Static("", id="room-open", markup=False)
                    yield Static("", id="room-gate", classes="counts", markup=False)
                    yield Static("", id="room-spread", classes="muted", markup=False)
                with Vertical(id="timer-box"):
                    yield Digits("0:00", id="timer")
                    yield Static("", id="timer-state", markup=False)
            yield Static("", id="sheet-hint", markup=False)
            with VerticalScroll(id="sheet"):
                yield Markdown("", id="sheet-text")
        yield KeyFooter()

    # -- drawing ----------------------------------------------------------------------------------------
    def show_moment(self, moment: Moment) -> None:
        facilitation = self.facilitation
        movements = facilitation.movements
        room = moment.room
        self.query_one("#room-name", Static).update(f"Room “{room.name}” · {facilitation.story.title}")
        self.query_one("#room-open", Static).update(facilitation.open_line())
        self.query_one("#room-gate", Static).update(gate_line(moment, movements))
        self.query_one("#room-spread", Static).update(spread_line(moment, movements))
        digits = self.query_one("#timer", Digits)
        digits.update(clock(moment.remaining))
        digits.set_class(not room.timer.running, "paused")
        self.query_one("#timer-state", Static).update(facilitation.timer_line())
        self._show_sheet(facilitation.opened if self._browsing is None else self._browsing)

    def _show_sheet(self, index: int) -> None:
        if index == self._shown_sheet:
            return
        self._shown_sheet = index
        self.query_one("#sheet-hint", Static).update(self.facilitation.sheet_hint(index))
        self.query_one("#sheet-text", Markdown).update(movement_markdown(self.facilitation.sheet, index))
        self.query_one("#sheet", VerticalScroll).scroll_home(animate=False)

    # -- actions ------------------------------------------------------------------------------------------
    def action_open_next(self) -> None:
        facilitation = self.facilitation
        facilitation.refresh()  # the question quotes the room as it is now, not as it was at the last look
        index = facilitation.next_movement
        if index is None:
            self.notify("Every movement is already open.", timeout=4)
            return
        question, detail, yes = facilitation.opening_question(index)

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._browsing = None
                self.change(facilitation.open_next)

        self.app.push_screen(ConfirmScreen(question, detail, yes=yes), answered)

    def action_timer(self) -> None:
        self.change(self.facilitation.toggle_timer)

    def action_extend(self) -> None:
        self.change(self.facilitation.extend_timer)

    def action_reset(self) -> None:
        self.change(self.facilitation.reset_timer)

    def action_counts(self) -> None:
        self.change(self.facilitation.toggle_projector_counts)

    def action_projector(self) -> None:
        self.app.push_screen(ProjectorScreen(self.facilitation))

    def action_browse(self, step: int) -> None:
        current = self._browsing if self._browsing is not None else self.facilitation.opened
        self._browsing = max(0, min(self.facilitation.movements.last, current + step))
        self._show_sheet(self._browsing)
