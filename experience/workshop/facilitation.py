"""The facilitator's side of a room, without a screen: the room as last read, what each of the
console's keys does to it, and the sentences the console and the projector show.

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
from .room import Counts, Room, RoomError, Rooms
from .runsheet import RunSheet, build
from .timer import Timer, overrun

if TYPE_CHECKING:
    from ..story.model import Story

Watcher = Callable[["Moment"], None]


@dataclass(frozen=True, slots=True)
class Moment:
    """The room as it stood when last read: what every screen of the console draws."""

    room: Room
    counts: Counts
    now: float

    @property
    def remaining(self) -> float:
        return self.room.timer.remaining(self.now)


class Facilitation:
    """One facilitator's hold on one room: read once a second, changed by their keys."""

    def __init__(self, story: Story, rooms: Rooms, room: str, *, clock: Callable[[], float] = time.time) -> None:
        self.story = story
        self.rooms = rooms
        self.room_name = room
        self.clock = clock
        self.sheet: RunSheet = build(story)
        self.movements = Movements.of_story(story)
        self._watchers: list[Watcher] = []
        self.moment = self._read()

    # -- reading --------------------------------------------------------------------------------------
    def _read(self) -> Moment:
        room = self.rooms.get(self.room_name)
        if room is None:  # begun again from another console: read it as new
            room = self.rooms.ensure(self.room_name, self.story_key, first_minutes=self.movements.minutes[0])
        return Moment(room, self.rooms.counts(self.room_name, room.open_movement), self.clock())

    @property
    def story_key(self) -> str:
        return story_key(self.story)

    def watch(self, show: Watcher) -> Callable[[], None]:
        """Call `show` with the room each time it is read again; returns how to stop."""
        self._watchers.append(show)
        return lambda: self._watchers.remove(show)

    def refresh(self) -> None:
        """Read the room again and show it to everyone watching; a busy file waits for the next look."""
        try:
            self.moment = self._read()
        except RoomError:
            return  # busy for a moment: the next second will do
        for show in list(self._watchers):
            show(self.moment)

    @property
    def opened(self) -> int:
        """The movement open now (the last one, once a room has been opened past it)."""
        return min(self.moment.room.open_movement, self.movements.last)

    @property
    def next_movement(self) -> int | None:
        following = self.moment.room.open_movement + 1
        return following if following <= self.movements.last else None

    # -- what the facilitator does (each raises RoomError if the room cannot be written) -----------------
    def open_next(self) -> None:
        """Open the next movement for everyone, with its suggested time on a running timer."""
        index = self.next_movement
        if index is None:
            return
        timer = Timer.set_to(self.movements.minutes[index] * 60, start_at=self.clock())
        self.rooms.open_movement(self.room_name, index, timer)

    def toggle_timer(self) -> None:
        self.rooms.set_timer(self.room_name, self.moment.room.timer.toggle(self.clock()))

    def extend_timer(self) -> None:
        self.rooms.set_timer(self.room_name, self.moment.room.timer.extend())

    def reset_timer(self) -> None:
        minutes = self.movements.minutes[self.opened]
        self.rooms.set_timer(self.room_name, Timer.set_to(minutes * 60))

    def toggle_projector_counts(self) -> None:
        self.rooms.show_counts_on_projector(self.room_name, not self.moment.room.projector_counts)

    # -- what the console says -------------------------------------------------------------------------
    def open_line(self) -> str:
        movements, opened, following = self.movements, self.opened, self.next_movement
        then = (
            f"   Next: {movements.name(following)} (n opens it)"
            if following is not None
            else "   Every movement is open."
        )
        return f"Open: {opened + 1} of {len(movements)} · {movements.name(opened)}{then}"

    def timer_line(self) -> str:
        room = self.moment.room
        state = "running" if room.timer.running else "paused"
        past = overrun(self.moment.remaining)
        counts_note = " · counts on projector" if room.projector_counts else ""
        return f"{past or state + ' · ' + minutes(room.timer.seconds) + ' set'}{counts_note}"

    def sheet_hint(self, index: int) -> str:
        opened = self.opened
        where = "the open movement" if index == opened else ("open" if index < opened else "not open yet")
        return f"Run-sheet: {index + 1} of {len(self.movements)}, {where} · ← → to look at the others"

    def opening_question(self, index: int) -> tuple[str, str, str]:
        """The question before opening movement `index`, its detail, and the words for yes."""
        name = self.movements.name(index)
        waiting = self.moment.counts.waiting
        detail = (
            f"{waiting} {'person is' if waiting == 1 else 'people are'} waiting at the gate and will go on by "
            f"themselves. The timer will be set to {minutes(self.movements.minutes[index] * 60)} and started. "
            "Once open, a movement stays open."
        )
        return f"Open “{name}” for everyone?", detail, f"Open “{name}” now"


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


def minutes(seconds: float) -> str:
    """A time set, in minutes: "15 min", "2.5 min", or "no time"."""
    count = seconds / 60
    return f"{count:g} min" if count else "no time"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"
