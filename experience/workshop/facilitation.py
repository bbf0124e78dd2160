"""The facilitator's side of a room, without a screen: the room as last read, and what each of
the console's keys does to it. The sentences the screens show about it are in room_words.py.

The console (console.py) polls and its screens draw; everything they decide is here, readable
and testable without Textual. It keeps no state of its own beyond its last look at the room:
rooms.db is the truth, and every change is written there at once and read back.

The facilitator never sees who anyone is or what anyone wrote: the room does not know.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..progress.session import story_key
from .gate import Movements
from .joincode import make_code
from .presets import preset_key
from .room import Counts, Room, RoomError, Rooms
from .runsheet import RunSheet, build
from .timer import Timer

if TYPE_CHECKING:
    from ..story.model import Story
    from .plan import Plan

Watcher = Callable[["Moment"], None]


@dataclass(frozen=True, slots=True)
class Moment:
    """The room as it stood when last read: what every screen of the console draws."""

    room: Room
    counts: Counts
    now: float
    ran_out: bool = False  # the timer reached zero since the look before: say so, once

    @property
    def remaining(self) -> float:
        return self.room.timer.remaining(self.now)

    @property
    def time_up(self) -> bool:
        """A time was set and it has passed."""
        return self.room.timer.seconds > 0 and self.remaining <= 0


class Facilitation:
    """One facilitator's hold on one room: read once a second, changed by their keys."""

    def __init__(self, story: Story, rooms: Rooms, room: str, *, clock: Callable[[], float] = time.time) -> None:
        self.story = story
        self.rooms = rooms
        self.room_name = room
        self.clock = clock
        self.movements = Movements.of_story(story)  # numbered as the gates number them
        self._sheets: dict[str | None, RunSheet] = {}
        self._watchers: list[Watcher] = []
        self.moment = self._read()

    # -- reading --------------------------------------------------------------------------------------
    def _read(self, before: Moment | None = None) -> Moment:
        room = self.rooms.get(self.room_name)
        if room is None:  # begun again from another console: read it as new
            room = self.rooms.ensure(self.room_name, self.story_key, first_minutes=self.movements.minutes[0])
        now = self.clock()
        ran_out = (
            before is not None
            and room.timer.running
            and room.timer.seconds > 0
            and before.room.timer.remaining(before.now) > 0 >= room.timer.remaining(now)
        )
        return Moment(room, self.rooms.counts(self.room_name, room.open_movement), now, ran_out)

    @property
    def story_key(self) -> str:
        return story_key(self.story)

    @property
    def sheet(self) -> RunSheet:
        """The run-sheet of the way through the room follows (all of the story unless planned)."""
        route = self.moment.room.route
        if route not in self._sheets:
            self._sheets[route] = build(self.story, route=route)
        return self._sheets[route]

    def watch(self, show: Watcher) -> Callable[[], None]:
        """Call `show` with the room each time it is read again; returns how to stop."""
        self._watchers.append(show)
        return lambda: self._watchers.remove(show)

    def refresh(self) -> None:
        """Read the room again and show it to everyone watching; a busy file waits for the next look."""
        try:
            self.moment = self._read(self.moment)
        except RoomError:
            return  # busy for a moment: the next second will do
        for show in list(self._watchers):
            show(self.moment)

    @property
    def begun(self) -> bool:
        return self.moment.room.begun

    @property
    def opened(self) -> int:
        """The movement open now (the last one, once a room has been opened past it); in the
        lobby, the first, which is the one being prepared."""
        return max(0, min(self.moment.room.open_movement, self.movements.last))

    @property
    def next_movement(self) -> int | None:
        """The next movement to open: the first after the open one that is not passed over."""
        room = self.moment.room
        following = (i for i in range(room.open_movement + 1, len(self.movements)) if i not in room.skipped)
        return next(following, None)

    def minutes_of(self, index: int) -> float:
        """A movement's suggested time, on the way through the room follows."""
        return self.sheet.movements[index].minutes

    def can_skip(self, index: int) -> bool:
        """Only a movement not opened yet can be passed over (or kept after all)."""
        return self.moment.room.open_movement < index <= self.movements.last

    # -- what the facilitator does (each raises RoomError if the room cannot be written) -----------------
    def open_next(self) -> None:
        """Open the next movement for everyone (the first: begin), with its time on a running timer."""
        index = self.next_movement
        if index is None:
            return
        timer = Timer.set_to(self.minutes_of(index) * 60, start_at=self.clock())
        self.rooms.open_movement(self.room_name, index, timer)

    def toggle_skip(self, index: int) -> None:
        """Pass over a movement not opened yet, or keep it after all."""
        if not self.can_skip(index):
            return
        room = self.moment.room
        self.rooms.follow(self.room_name, room.route, room.skipped ^ {index})
        self._set_lobby_timer()

    def follow_plan(self, plan: Plan) -> None:
        """Follow a plan for the time available: its way through and what it passes over."""
        opened = self.moment.room.open_movement
        self.rooms.follow(self.room_name, plan.route, {i for i in plan.skipped if i > opened})
        self.refresh()
        self._set_lobby_timer()

    def _set_lobby_timer(self) -> None:
        """Before the session begins, its timer shows the time of the first movement to come."""
        self.refresh()
        index = self.next_movement
        if not self.begun and index is not None and not self.moment.room.timer.running:
            self.rooms.set_timer(self.room_name, Timer.set_to(self.minutes_of(index) * 60))

    def toggle_timer(self) -> None:
        self.rooms.set_timer(self.room_name, self.moment.room.timer.toggle(self.clock()))

    def extend_timer(self) -> None:
        self.rooms.set_timer(self.room_name, self.moment.room.timer.extend())

    def reset_timer(self) -> None:
        index = self.opened if self.begun else (self.next_movement or 0)
        self.rooms.set_timer(self.room_name, Timer.set_to(self.minutes_of(index) * 60))

    def toggle_projector_counts(self) -> None:
        self.rooms.show_counts_on_projector(self.room_name, not self.moment.room.projector_counts)

    def send_message(self, text: str) -> None:
        """A few words on every participant's screen; empty words take the last message back.
        Words chosen ready-made (presets.py) go as that preset, for each to read in their language."""
        self.rooms.send_message(self.room_name, text, preset=preset_key(text))

    def new_code(self) -> bool:
        """A new join code for the room, if it asks for one; the old one stops working at once.
        Returns False when the room asks for no code (served to this computer only, or not served)."""
        if not self.moment.room.join_code:
            return False
        self.rooms.set_code(self.room_name, make_code())
        return True
