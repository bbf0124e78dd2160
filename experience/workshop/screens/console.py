"""The facilitator's main screen: the room at a glance above, the run-sheet below.

Above: which movement is open, how many have joined and reached the gate (never who), who may
need care (a moment asked for, pausing, stepping out: numbers only), how to join, the last
message sent to everyone, and the timer, large. Below: the run-sheet of one movement (the open
one, or any other the facilitator browses to with the arrow keys to prepare, or to pass over).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Markdown, Static

from ...i18n import N_, _, lazy
from ...tui.widgets.footer import KeyFooter
from ..facilitation import Facilitation, Moment
from ..room_words import (
    care_line,
    gate_line,
    join_line,
    message_line,
    open_line,
    opening_question,
    sheet_hint,
    spread_line,
    timer_line,
)
from ..runsheet import movement_markdown
from ..timer import clock
from .confirm import ConfirmScreen
from .message import MessageScreen
from .projector import ProjectorScreen
from .room_screen import RoomScreen

NEW_CODE = (
    lazy("Make a new join code?"),
    lazy(
        "The code shown now stops working at once: anyone still to join will need the new one. Everyone "
        "already in the room stays in."
    ),
)
NO_CODE = lazy("This room asks for no code: it is served to this computer only, or not served just now.")


class ConsoleScreen(RoomScreen):
    BINDINGS = [
        Binding("n", "open_next", N_("Open next")),
        Binding("k", "skip", N_("Pass over/keep")),
        Binding("s", "timer", N_("Start/pause")),
        Binding("space", "timer", N_("Start/pause"), show=False),
        Binding("e", "extend", N_("+5 min")),
        Binding("r", "reset", N_("Reset timer")),
        Binding("m", "message", N_("Message all")),
        Binding("j", "new_code", N_("New code")),
        Binding("v", "projector", N_("Projector")),
        Binding("c", "counts", N_("Counts on projector"), show=False),
        Binding("left", "browse(-1)", N_("Browse"), key_display="←→", priority=True),  # not the page's own scroll
        Binding("right", "browse(1)", show=False, priority=True),
    ]

    def __init__(self, facilitation: Facilitation) -> None:
        super().__init__(facilitation)
        self._browsing: int | None = None  # None: follow the open movement
        self._shown_sheet: tuple[int, str, str | None] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="console"):
            with Horizontal(id="room-bar"):
                with Vertical(id="room-status"):
                    yield Static("", id="room-name", classes="name", markup=False)
                    yield Static("", id="room-open", markup=False)
                    yield Static("", id="room-gate", classes="counts", markup=False)
                    yield Static("", id="room-care", classes="care", markup=False)
                    yield Static("", id="room-spread", classes="muted", markup=False)
                    yield Static("", id="room-join", classes="muted", markup=False)
                    yield Static("", id="room-message", classes="muted", markup=False)
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
        self.query_one("#room-name", Static).update(
            _("Room “{room}” · {story}").format(room=room.name, story=facilitation.story.title)
        )
        self.query_one("#room-open", Static).update(open_line(facilitation))
        self.query_one("#room-gate", Static).update(gate_line(moment, movements))
        self._line("#room-care", care_line(moment))
        self._line("#room-spread", spread_line(moment, movements))
        self.query_one("#room-join", Static).update(join_line(moment))
        self.query_one("#room-message", Static).update(message_line(moment))
        digits = self.query_one("#timer", Digits)
        digits.update(clock(moment.remaining))
        digits.set_class(not room.timer.running, "paused")
        digits.set_class(moment.time_up, "-over")
        self.query_one("#timer-state", Static).update(timer_line(facilitation))
        self._show_sheet(facilitation.opened if self._browsing is None else self._browsing)
        if moment.ran_out:
            self.app.bell()
            name = movements.name(facilitation.opened)
            self.notify(  # the name is the author's: never read as markup
                # Translators: {movement} is the name of the part of the story whose time ran out.
                _("Time is up for “{movement}”.").format(movement=name),
                title=_("The timer"),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def _line(self, selector: str, words: str) -> None:
        """A line that is only there when it has something to say."""
        line = self.query_one(selector, Static)
        line.update(words)
        line.display = bool(words)

    def _show_sheet(self, index: int) -> None:
        hint = sheet_hint(self.facilitation, index)
        shown = (index, hint, self.facilitation.moment.room.route)
        if shown == self._shown_sheet:  # the page is only redrawn when it changes
            return
        same_page = self._shown_sheet is not None and self._shown_sheet[0] == index
        self._shown_sheet = shown
        self.query_one("#sheet-hint", Static).update(hint)
        self.query_one("#sheet-text", Markdown).update(movement_markdown(self.facilitation.sheet, index))
        if not same_page:
            self.query_one("#sheet", VerticalScroll).scroll_home(animate=False)

    # -- actions ------------------------------------------------------------------------------------------
    def action_open_next(self) -> None:
        facilitation = self.facilitation
        facilitation.refresh()  # the question quotes the room as it is now, not as it was at the last look
        index = facilitation.next_movement
        if index is None:
            self.notify(_("Every movement is already open."), timeout=4)
            return
        question, detail, yes = opening_question(facilitation, index)

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._browsing = None
                self.change(facilitation.open_next)

        self.app.push_screen(ConfirmScreen(question, detail, yes=yes), answered)

    def action_skip(self) -> None:
        """Pass over the movement on the page (the next one, unless browsing), or keep it after all."""
        facilitation = self.facilitation
        index = self._browsing if self._browsing is not None else facilitation.next_movement
        if index is None or not facilitation.can_skip(index):
            self.notify(_("Only a movement not opened yet can be passed over: browse to it with ← →."), timeout=5)
            return
        self._browsing = index
        self.change(lambda: facilitation.toggle_skip(index))
        self._shown_sheet = None
        self._show_sheet(index)

    def action_timer(self) -> None:
        self.change(self.facilitation.toggle_timer)

    def action_extend(self) -> None:
        self.change(self.facilitation.extend_timer)

    def action_reset(self) -> None:
        self.change(self.facilitation.reset_timer)

    def action_counts(self) -> None:
        self.change(self.facilitation.toggle_projector_counts)

    def action_message(self) -> None:
        def send(words: str | None) -> None:
            if words:
                self.change(lambda: self.facilitation.send_message(words))
                self.notify(_("Sent to everyone in the room."), timeout=4)

        self.app.push_screen(MessageScreen(), send)

    def action_new_code(self) -> None:
        if not self.facilitation.moment.room.join_code:
            self.notify(str(NO_CODE), timeout=6)
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.change(self.facilitation.new_code)

        question, detail = NEW_CODE
        self.app.push_screen(ConfirmScreen(str(question), str(detail), yes=_("Make a new code")), answered)

    def action_projector(self) -> None:
        self.app.push_screen(ProjectorScreen(self.facilitation))

    def action_browse(self, step: int) -> None:
        current = self._browsing if self._browsing is not None else self.facilitation.opened
        self._browsing = max(0, min(self.facilitation.movements.last, current + step))
        self._show_sheet(self._browsing)
