"""One participant's link to their room: may I go on, and a heartbeat saying where I am.

Everything a participant's session tells the room passes through here, and it is only this: a
random token, the number of the movement they are in, whether they are waiting at its gate,
pausing, on their way out, or have reached an ending, and when they last asked for a moment. The
room cannot be told anything more. What the room tells them back is as small: whether a gate is
open, and the facilitator's latest message.
"""

from __future__ import annotations

from collections.abc import Callable

from .gate import Movements, closed_movement
from .room import LOBBY, Room, RoomError, Rooms


class Pacing:
    def __init__(self, rooms: Rooms, room: str, movements: Movements, *, clock: Callable[[], float] | None = None):
        self.rooms = rooms
        self.room = room
        self.movements = movements
        self.clock = clock or rooms.clock
        self.token: str | None = None
        self.movement = 0
        self.waiting = False
        self.ended = False
        self.on_pause = False  # the pause screen is open
        self.on_side_path = False  # in a chapter reached only by a detour, such as the pause
        self.stepped_out = False  # on the step-out screen, support shown
        self.moment: float | None = None  # when they last asked for a moment

    def look(self) -> Room | None:
        """The room as it is now (None if it was begun again elsewhere and is not back yet)."""
        return self.rooms.get(self.room)

    def open_movement(self) -> int:
        room = self.look()
        return room.open_movement if room is not None else LOBBY  # begun again elsewhere: from the start

    def holds(self, target: str) -> int | None:
        """The closed movement that entering `target` would begin, or None to go on.

        If the room cannot be read, nobody is held: pacing is a courtesy to the group, and a
        participant stuck behind a broken file would be no courtesy at all.
        """
        try:
            return closed_movement(self.movements, self.open_movement(), target)
        except RoomError:
            return None

    def is_open(self, movement: int) -> bool:
        return self.open_movement() >= movement

    def begun(self) -> bool:
        """Whether the facilitator has begun the session (a room that cannot be read has: see `holds`)."""
        try:
            return self.open_movement() > LOBBY
        except RoomError:
            return True

    # -- telling the room where we are ----------------------------------------------------------------
    def arrive(self) -> None:
        def take_a_place() -> None:
            self.token = self.rooms.arrive(self.room)

        self._quietly(take_a_place)

    @property
    def pausing(self) -> bool:
        return self.on_pause or self.on_side_path

    def at_scene(self, scene_id: str, *, ending: bool) -> None:
        index = self.movements.index_of(scene_id)
        if index is not None:  # on a side path (a pause) they are still in the movement they left
            self.movement = index
        self.on_side_path = index is None
        self.ended = ending
        self.waiting = False
        self.heartbeat()

    def held(self, waiting: bool) -> None:
        self.waiting = waiting
        self.heartbeat()

    def resting(self, *, pausing: bool, stepped_out: bool) -> None:
        """The pause or the step-out screen open now, or closed; the room hears only of a change."""
        if (pausing, stepped_out) != (self.on_pause, self.stepped_out):
            self.on_pause, self.stepped_out = pausing, stepped_out
            self.heartbeat()

    def need_a_moment(self) -> None:
        self.moment = self.clock()
        self.heartbeat()

    def heartbeat(self) -> None:
        token = self.token
        if token is not None:
            self._quietly(
                lambda: self.rooms.report(
                    token,
                    self.room,
                    movement=self.movement,
                    waiting=self.waiting,
                    ended=self.ended,
                    pausing=self.pausing,
                    stepped_out=self.stepped_out,
                    moment=self.moment,
                )
            )

    def leave(self) -> None:
        token = self.token
        if token is not None:
            self._quietly(lambda: self.rooms.leave(token))
            self.token = None

    @staticmethod
    def _quietly(write: Callable[[], object]) -> None:
        """A missed heartbeat only makes a count late by a few seconds: never worth a word."""
        try:
            write()
        except RoomError:
            pass
