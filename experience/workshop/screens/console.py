"""The facilitator's main screen: the room at a glance above, the run-sheet below.

Above: which movement is open, how many have reached the gate (never who), and the timer, large.
Below: the run-sheet of one movement (the open one, or any other the facilitator browses to
with the arrow keys to prepare), with the facilitator's notes, timings and content notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Markdown, Static

from ...tui.widgets.footer import KeyFooter
from ..runsheet import movement_markdown
from ..timer import clock, overrun

if TYPE_CHECKING:
    from ..console import FacilitatorApp, Moment


class ConsoleScreen(Screen[None]):
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

    def __init__(self) -> None:
        super().__init__()
        self._browsing: int | None = None  # None: follow the open movement
        self._shown_sheet: int | None = None

    @property
    def facilitator(self) -> FacilitatorApp:
        return self.app  # type: ignore[return-value]

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

    def on_mount(self) -> None:
        self.show_moment(self.facilitator.moment)

    # -- drawing ----------------------------------------------------------------------------------------
    def show_moment(self, moment: Moment) -> None:
        from ..console import gate_line, spread_line

        app = self.facilitator
        movements = app.movements
        room = moment.room
        opened = min(room.open_movement, movements.last)
        self.query_one("#room-name", Static).update(f"Room “{room.name}” · {app.story.title}")
        following = app.next_movement
        then = (
            f"   Next: {movements.name(following)} (n opens it)"
            if following is not None
            else "   Every movement is open."
        )
        self.query_one("#room-open", Static).update(
            f"Open: {opened + 1} of {len(movements)} · {movements.name(opened)}{then}"
        )
        self.query_one("#room-gate", Static).update(gate_line(moment, movements))
        self.query_one("#room-spread", Static).update(spread_line(moment, movements))

        timer = room.timer
        left = moment.remaining
        digits = self.query_one("#timer", Digits)
        digits.update(clock(left))
        digits.set_class(not timer.running, "paused")
        state = "running" if timer.running else "paused"
        past = overrun(left)
        counts_note = " · counts on projector" if room.projector_counts else ""
        self.query_one("#timer-state", Static).update(
            f"{past or state + ' · ' + _minutes(timer.seconds) + ' set'}{counts_note}"
        )
        self._show_sheet(opened if self._browsing is None else self._browsing)

    def _show_sheet(self, index: int) -> None:
        if index == self._shown_sheet:
            return
        self._shown_sheet = index
        app = self.facilitator
        opened = min(app.moment.room.open_movement, app.movements.last)
        where = "the open movement" if index == opened else ("open" if index < opened else "not open yet")
        self.query_one("#sheet-hint", Static).update(
            f"Run-sheet: {index + 1} of {len(app.movements)}, {where} · ← → to look at the others"
        )
        self.query_one("#sheet-text", Markdown).update(movement_markdown(self.facilitator.sheet, index))
        self.query_one("#sheet", VerticalScroll).scroll_home(animate=False)

    # -- actions ------------------------------------------------------------------------------------------
    def action_open_next(self) -> None:
        app = self.facilitator
        app.refresh_room()  # the question quotes the room as it is now, not as it was at the last look
        index = app.next_movement
        if index is None:
            self.notify("Every movement is already open.", timeout=4)
            return
        from .confirm import ConfirmScreen

        name, minutes = app.movements.name(index), app.movements.minutes[index]
        waiting = app.moment.counts.waiting
        detail = (
            f"{waiting} {'person is' if waiting == 1 else 'people are'} waiting at the gate and will go on by "
            f"themselves. The timer will be set to {_minutes(minutes * 60)} and started. "
            "Once open, a movement stays open."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._browsing = None
                app.open_next()

        self.app.push_screen(ConfirmScreen(f"Open “{name}” for everyone?", detail, yes=f"Open “{name}” now"), answered)

    def action_timer(self) -> None:
        self.facilitator.toggle_timer()

    def action_extend(self) -> None:
        self.facilitator.extend_timer()

    def action_reset(self) -> None:
        self.facilitator.reset_timer()

    def action_counts(self) -> None:
        self.facilitator.toggle_projector_counts()

    def action_projector(self) -> None:
        from .projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen())

    def action_browse(self, step: int) -> None:
        app = self.facilitator
        current = (
            self._browsing if self._browsing is not None else min(app.moment.room.open_movement, app.movements.last)
        )
        self._browsing = max(0, min(app.movements.last, current + step))
        self._show_sheet(self._browsing)


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:g} min" if minutes else "no time"
