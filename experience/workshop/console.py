"""The facilitator's console: the run-sheet, the gates, the timer and anonymous counts.

Everything the console shows is read from rooms.db once a second, and everything it does is
written there at once. So it holds no state of its own: a second console, a projector window
(`experience facilitate --projector`) and the participants' sessions all see the same room, and
closing the console and starting it again finds the room exactly as it was, timer included.

The facilitator never sees who anyone is or what anyone wrote: the room does not know.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches

from ..tui.theme import DEFAULT_THEME, THEMES
from .gate import Movements
from .room import Counts, Room, RoomError, Rooms
from .runsheet import RunSheet, build
from .timer import Timer

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..story.model import Story

WORKSHOP_CSS = Path(__file__).with_name("workshop.tcss")
POLL_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Moment:
    """The room as it stood when last read: what every screen of the console draws."""

    room: Room
    counts: Counts
    now: float

    @property
    def remaining(self) -> float:
        return self.room.timer.remaining(self.now)


def gate_line(moment: Moment, movements: Movements) -> str:
    """The one sentence a facilitator needs before opening the next movement."""
    counts, room = moment.counts, moment.room
    if counts.present == 0:
        return "No one has joined yet."
    if room.open_movement >= movements.last:
        return f"{counts.ended} of {counts.present} {_have(counts.ended)} reached an ending."
    return f"{counts.waiting} of {counts.present} {_have(counts.waiting)} reached the gate."


def spread_line(moment: Moment, movements: Movements) -> str:
    """Where the group is, movement by movement: numbers only."""
    counts = moment.counts
    if counts.present == 0:
        return ""
    return " · ".join(f"{movements.name(i)} {counts.by_movement[i]}" for i in sorted(counts.by_movement))


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


class FacilitatorApp(App[None]):
    CSS_PATH = WORKSHOP_CSS
    TITLE = "Facilitator"
    BINDINGS = [Binding("q", "quit", "Quit", tooltip="The room stays as it is; start again to come back to it.")]

    def __init__(
        self,
        story: Story,
        rooms: Rooms,
        room: str,
        *,
        projector: bool = False,
        poll: float = POLL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.story = story
        self.rooms = rooms
        self.room_name = room
        self.projector_only = projector
        self.sheet: RunSheet = build(story)
        self.movements = Movements.of_story(story)
        self.clock = clock
        self._poll = poll
        self.moment = self._read()
        self.title = f"{room} · {story.title}"
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        from .screens.console import ConsoleScreen
        from .screens.projector import ProjectorScreen

        return ProjectorScreen(standalone=True) if self.projector_only else ConsoleScreen()

    def on_mount(self) -> None:
        self.set_interval(self._poll, self.refresh_room)

    # -- reading --------------------------------------------------------------------------------------
    def _read(self) -> Moment:
        room = self.rooms.get(self.room_name)
        if room is None:  # begun again from another console: read it as new
            room = self.rooms.ensure(self.room_name, self.story_key, first_minutes=self.movements.minutes[0])
        return Moment(room, self.rooms.counts(self.room_name, room.open_movement), self.clock())

    @property
    def story_key(self) -> str:
        from ..progress.session import story_key

        return story_key(self.story)

    def refresh_room(self) -> None:
        """Read the room again and let every screen that shows it draw it."""
        try:
            self.moment = self._read()
        except RoomError:
            return  # busy for a moment: the next second will do
        for screen in self.screen_stack:
            show = getattr(screen, "show_moment", None)
            if show is not None:
                try:
                    show(self.moment)
                except NoMatches:  # a screen being taken down as the app closes
                    pass

    def _change(self, write: Callable[[], object]) -> None:
        try:
            write()
        except RoomError as error:
            self.notify(str(error), severity="warning", timeout=6)
        self.refresh_room()

    # -- what the facilitator does ---------------------------------------------------------------------
    @property
    def next_movement(self) -> int | None:
        following = self.moment.room.open_movement + 1
        return following if following <= self.movements.last else None

    def open_next(self) -> None:
        """Open the next movement for everyone, with its suggested time on a running timer."""
        index = self.next_movement
        if index is None:
            return
        timer = Timer.set_to(self.movements.minutes[index] * 60, start_at=self.clock())
        self._change(lambda: self.rooms.open_movement(self.room_name, index, timer))

    def toggle_timer(self) -> None:
        timer = self.moment.room.timer.toggle(self.clock())
        self._change(lambda: self.rooms.set_timer(self.room_name, timer))

    def extend_timer(self) -> None:
        timer = self.moment.room.timer.extend()
        self._change(lambda: self.rooms.set_timer(self.room_name, timer))

    def reset_timer(self) -> None:
        minutes = self.movements.minutes[min(self.moment.room.open_movement, self.movements.last)]
        self._change(lambda: self.rooms.set_timer(self.room_name, Timer.set_to(minutes * 60)))

    def toggle_projector_counts(self) -> None:
        show = not self.moment.room.projector_counts
        self._change(lambda: self.rooms.show_counts_on_projector(self.room_name, show))
