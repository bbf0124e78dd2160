"""One participant's link to their room: may I go on, and a heartbeat saying where I am.

Everything a participant's session tells the room passes through here, and it is only this: a
random token, the number of the movement they are in, whether they are waiting at its gate, and
whether they have reached an ending. The room cannot be told anything more.
"""

from __future__ import annotations

from collections.abc import Callable

from .gate import Movements, closed_movement
from .room import RoomError, Rooms


class Pacing:
    def __init__(self, rooms: Rooms, room: str, movements: Movements):
        self.rooms = rooms
        self.room = room
        self.movements = movements
        self.token: str | None = None
        self.movement = 0
        self.waiting = False
        self.ended = False

    def open_movement(self) -> int:
        room = self.rooms.get(self.room)
        return room.open_movement if room is not None else 0  # begun again elsewhere: from the start

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

    # -- telling the room where we are ----------------------------------------------------------------
    def arrive(self) -> None:
        def take_a_place() -> None:
            self.token = self.rooms.arrive(self.room)

        self._quietly(take_a_place)

    def at_scene(self, scene_id: str, *, ending: bool) -> None:
        index = self.movements.index_of(scene_id)
        if index is not None:  # on a side path (a pause) they are still in the movement they left
            self.movement = index
        self.ended = ending
        self.waiting = False
        self.heartbeat()

    def held(self, waiting: bool) -> None:
        self.waiting = waiting
        self.heartbeat()

    def heartbeat(self) -> None:
        token = self.token
        if token is not None:
            self._quietly(
                lambda: self.rooms.report(
                    token, self.room, movement=self.movement, waiting=self.waiting, ended=self.ended
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
