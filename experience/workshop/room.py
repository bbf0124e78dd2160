"""A workshop room's shared state: which movement is open, the timer, and who is still here.

The facilitator's console and every participant's session are separate processes, often started
and stopped at different times; they meet in one small SQLite file, `rooms.db` beside the
facilitator's own data. It is not the player's `experience.db`: room state is shared, not
personal, and it changes on its own schedule.

What is kept is only what pacing needs. A participant is a random token, the number of the
movement they are in, and whether they are waiting at the next gate, pausing, stepping out, have
asked for a moment or reached an ending: no name, no scene, no words. A participant who stops
sending heartbeats (a closed tab, a dropped connection, a killed process) simply stops being
counted. The room itself keeps what the facilitator set (the gates, the timer, the way through
and the movements passed over, a short message for everyone) and what the server says about how
to join (the address and the code), so the console and the projector can show them.

A new room is in its lobby (`LOBBY`, no movement open): people join and wait, counted, until the
facilitator begins, which opens the first movement and starts its timer.

Decisions, and why:
- WAL, so that the console's reads and the participants' heartbeats never wait for each other;
  a short busy timeout, because a missed heartbeat or a stale count for a second is harmless
  and a frozen screen is not.
- `PRAGMA user_version` numbers the schema, brought up to date by the player's own migration
  runner (progress/migrations.py); a newer file is refused rather than rewritten.
- Opening a gate only ever moves forward, in one transaction; `reset` begins the room again
  (keeping how to join: that belongs to the server, which is still serving).
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _
from ..progress.migrations import NewerDatabase, migrate
from ..progress.paths import SIDE_FILES, make_private_dir, make_private_file
from .timer import Timer

ROOMS_DB = "rooms.db"
DEFAULT_ROOM = "workshop"  # the room `experience facilitate` paces when none is named
BUSY_TIMEOUT_MS = 2000
HEARTBEAT_SECONDS = 5.0
EXPIRES_AFTER = 20.0  # four missed heartbeats: gone
MOMENT_SECONDS = 3 * 60.0  # "I need a moment" is counted this long, then fades by itself
MESSAGE_LIMIT = 140  # characters of a message to everyone: a sentence, not a letter
LOBBY = -1  # the open movement of a room not begun yet: none

SCHEMA = """
CREATE TABLE rooms (
    name TEXT PRIMARY KEY,
    story TEXT NOT NULL,                  -- the title of the story this room paces
    open_movement INTEGER NOT NULL DEFAULT 0,
    timer_seconds REAL NOT NULL DEFAULT 0,
    timer_started REAL,                   -- wall-clock seconds, NULL while paused
    timer_elapsed REAL NOT NULL DEFAULT 0,
    projector_counts INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL
);
CREATE TABLE presence (
    token TEXT PRIMARY KEY,               -- random, one per browser tab, never a name
    room TEXT NOT NULL,
    movement INTEGER NOT NULL DEFAULT 0,  -- the number of the movement they are in, from 0
    waiting INTEGER NOT NULL DEFAULT 0,   -- held at the gate after that movement
    ended INTEGER NOT NULL DEFAULT 0,     -- at an ending of the story
    last_seen REAL NOT NULL
);
CREATE INDEX presence_by_room ON presence (room, last_seen);
"""

V2 = """
ALTER TABLE rooms ADD COLUMN route TEXT;               -- the way through the facilitator follows; NULL: all
ALTER TABLE rooms ADD COLUMN skipped TEXT NOT NULL DEFAULT '';  -- movements passed over, as "1,2"
ALTER TABLE rooms ADD COLUMN message TEXT NOT NULL DEFAULT '';  -- a few words for every participant
ALTER TABLE rooms ADD COLUMN message_at REAL;          -- when they were sent
ALTER TABLE rooms ADD COLUMN joined INTEGER NOT NULL DEFAULT 0; -- how many have joined since it began
ALTER TABLE rooms ADD COLUMN join_url TEXT;            -- where to join, as the server says; NULL: not served
ALTER TABLE rooms ADD COLUMN join_code TEXT;           -- asked before anything else; NULL: none needed
ALTER TABLE presence ADD COLUMN pausing INTEGER NOT NULL DEFAULT 0;      -- on a pause or a side path
ALTER TABLE presence ADD COLUMN stepped_out INTEGER NOT NULL DEFAULT 0;  -- on the way out, support shown
ALTER TABLE presence ADD COLUMN moment REAL;           -- when they last asked for a moment
"""

V3 = """
ALTER TABLE rooms ADD COLUMN message_preset TEXT;     -- a ready-made message's key (presets.py); NULL: typed
"""

MIGRATIONS = (SCHEMA, V2, V3)  # appended to, never edited, as the player's are
SCHEMA_VERSION = len(MIGRATIONS)


class RoomError(Exception):
    """The room could not be read or written; the message says so in plain words."""


class OtherStory(RoomError):
    """The room exists, but paces a different story."""

    def __init__(self, room: str, theirs: str, ours: str):
        super().__init__(
            _(
                "The room “{room}” is pacing “{theirs}”, not “{ours}”. Use the same story, choose another "
                "room with {option}, or begin this room again with '{command}'."
            ).format(room=room, theirs=theirs, ours=ours, option="--room NAME", command="experience facilitate --fresh")
        )


@dataclass(frozen=True, slots=True)
class Room:
    name: str
    story: str
    open_movement: int  # movements 0..open_movement are open; LOBBY: not begun
    timer: Timer
    projector_counts: bool  # the facilitator chose to show counts on the shared screen
    route: str | None = None  # the way through followed; None: all of the story
    skipped: frozenset[int] = frozenset()  # movements the facilitator passes over
    message: str = ""
    message_at: float | None = None
    joined: int = 0  # how many have joined since the room began (a number, never who)
    join_url: str | None = None  # None: not being served just now
    join_code: str | None = None  # None: no code is asked (served to this computer only)
    message_preset: str | None = None  # the message is a ready-made one (presets.py): its key

    @property
    def begun(self) -> bool:
        return self.open_movement > LOBBY


@dataclass(frozen=True, slots=True)
class Counts:
    """How many are here and where, with nothing that could say who."""

    present: int = 0
    by_movement: dict[int, int] = field(default_factory=dict)
    waiting: int = 0  # held at the gate after the open movement
    ended: int = 0
    pausing: int = 0
    stepped_out: int = 0
    moments: int = 0  # asked for a moment in the last few minutes


class Rooms:
    """The open rooms.db. One connection; each change is its own short transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], float] = time.time):
        self.conn = conn
        self.path = path
        self.clock = clock

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], float] = time.time) -> Rooms:
        path = Path(path)
        try:
            make_private_dir(path.parent)
            make_private_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise RoomError(
                _("The room file {path} cannot be opened ({error}).").format(path=path, error=error)
            ) from error
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, MIGRATIONS)
        except NewerDatabase:
            conn.close()
            raise RoomError(
                _("The room file {path} was written by a newer version of this program.").format(path=path)
            ) from None
        except sqlite3.Error as error:
            conn.close()
            raise RoomError(
                _(
                    "The room file {path} cannot be used ({error}). It holds no one's words; you can delete "
                    "it to begin the rooms afresh."
                ).format(path=path, error=error)
            ) from error
        except BaseException:
            conn.close()
            raise
        for suffix in SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                make_private_file(side)
        return cls(conn, path, clock)

    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, params: tuple = (), *more: tuple[str, tuple]) -> None:
        """Run `sql` (and any `more` statements) in one short transaction."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement, values in ((sql, params), *more):
                    self.conn.execute(statement, values)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise RoomError(_("The room could not be updated just now ({error}).").format(error=error)) from error

    # -- the room -------------------------------------------------------------------------------
    def get(self, name: str) -> Room | None:
        try:
            row = self.conn.execute(
                "SELECT name, story, open_movement, timer_seconds, timer_started, timer_elapsed, projector_counts,"
                " route, skipped, message, message_at, joined, join_url, join_code, message_preset"
                " FROM rooms WHERE name = ?",
                (name,),
            ).fetchone()
        except sqlite3.Error as error:
            raise RoomError(_("The room could not be read just now ({error}).").format(error=error)) from error
        if row is None:
            return None
        name, story, open_movement, seconds, started, elapsed, counts, route, skipped, *rest = row
        message, message_at, joined, join_url, join_code, message_preset = rest
        return Room(
            name,
            story,
            open_movement,
            Timer(seconds, started, elapsed),
            bool(counts),
            route,
            frozenset(int(n) for n in skipped.split(",") if n.strip().isdigit()),
            message,
            message_at,
            joined,
            join_url,
            join_code,
            message_preset,
        )

    def ensure(self, name: str, story: str, *, first_minutes: float = 0.0) -> Room:
        """The room called `name`, created in its lobby if it is new, its first movement's time set."""
        self._write(
            "INSERT INTO rooms (name, story, open_movement, timer_seconds, updated) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (name) DO NOTHING",
            (name, story, LOBBY, first_minutes * 60.0, self.clock()),
        )
        room = self.get(name)
        assert room is not None
        if room.story != story:
            raise OtherStory(name, room.story, story)
        return room

    def reset(self, name: str, story: str, *, first_minutes: float = 0.0) -> Room:
        """Begin the room again: back in its lobby, a fresh timer, no one counted, no plan.
        How to join stays: the server that wrote it is still serving."""
        before = self.get(name)
        self._write("DELETE FROM rooms WHERE name = ?", (name,), ("DELETE FROM presence WHERE room = ?", (name,)))
        room = self.ensure(name, story, first_minutes=first_minutes)
        if before is not None and before.join_url:
            room = self.serve(name, before.join_url, before.join_code)
        return room

    def open_movement(self, name: str, index: int, timer: Timer | None = None) -> Room:
        """Open every movement up to `index`. Gates never close again: it only moves forward."""
        if timer is None:
            return self._update(name, "open_movement = max(open_movement, ?)", index)
        return self._update(
            name,
            "open_movement = max(open_movement, ?), timer_seconds = ?, timer_started = ?, timer_elapsed = ?",
            index,
            timer.seconds,
            timer.started,
            timer.elapsed,
        )

    def set_timer(self, name: str, timer: Timer) -> Room:
        return self._update(
            name, "timer_seconds = ?, timer_started = ?, timer_elapsed = ?", timer.seconds, timer.started, timer.elapsed
        )

    def show_counts_on_projector(self, name: str, show: bool) -> Room:
        return self._update(name, "projector_counts = ?", int(show))

    def follow(self, name: str, route: str | None, skipped: frozenset[int] | set[int]) -> Room:
        """The way through the facilitator follows, and the movements they pass over."""
        return self._update(name, "route = ?, skipped = ?", route, ",".join(str(n) for n in sorted(skipped)))

    def send_message(self, name: str, text: str, *, preset: str | None = None) -> Room:
        """A few words for every participant's screen, on one line, printable characters only
        (nothing in them can act on a terminal); each new message is shown once. With `preset`
        (a ready-made message's key), each session says that one in its own language instead."""
        words = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:MESSAGE_LIMIT]
        return self._update(
            name,
            "message = ?, message_at = ?, message_preset = ?",
            words,
            self.clock() if words else None,
            preset if words else None,
        )

    def serve(self, name: str, url: str | None, code: str | None) -> Room:
        """How to join, as the server says it (None and None: not served any more)."""
        return self._update(name, "join_url = ?, join_code = ?", url, code)

    def set_code(self, name: str, code: str) -> Room:
        return self._update(name, "join_code = ?", code)

    def _update(self, name: str, assignments: str, *values: object) -> Room:
        self._write(f"UPDATE rooms SET {assignments}, updated = ? WHERE name = ?", (*values, self.clock(), name))  # noqa: S608 - our own column names
        return self._must(name)

    def _must(self, name: str) -> Room:
        room = self.get(name)
        if room is None:
            raise RoomError(_("The room “{name}” is no longer there: it was begun again elsewhere.").format(name=name))
        return room

    # -- who is here ------------------------------------------------------------------------------
    def arrive(self, room: str) -> str:
        """A new participant in `room`: returns the random token their heartbeats carry."""
        token = secrets.token_hex(12)
        self._write(
            "INSERT INTO presence (token, room, last_seen) VALUES (?, ?, ?)",
            (token, room, self.clock()),
            ("UPDATE rooms SET joined = joined + 1 WHERE name = ?", (room,)),
        )
        return token

    def report(
        self,
        token: str,
        room: str,
        *,
        movement: int,
        waiting: bool,
        ended: bool,
        pausing: bool = False,
        stepped_out: bool = False,
        moment: float | None = None,
    ) -> None:
        """A heartbeat: where a participant is, which also says they are still here."""
        self._write(
            "INSERT INTO presence (token, room, movement, waiting, ended, pausing, stepped_out, moment, last_seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO UPDATE SET movement = excluded.movement,"
            " waiting = excluded.waiting, ended = excluded.ended, pausing = excluded.pausing,"
            " stepped_out = excluded.stepped_out, moment = excluded.moment, last_seen = excluded.last_seen",
            (token, room, movement, int(waiting), int(ended), int(pausing), int(stepped_out), moment, self.clock()),
        )

    def leave(self, token: str) -> None:
        self._write("DELETE FROM presence WHERE token = ?", (token,))

    def counts(self, room: str, open_movement: int) -> Counts:
        """Live participants only; long-silent rows are cleared out on the way."""
        now = self.clock()
        try:
            rows = self.conn.execute(
                "SELECT movement, waiting, ended, pausing, stepped_out, moment FROM presence"
                " WHERE room = ? AND last_seen >= ?",
                (room, now - EXPIRES_AFTER),
            ).fetchall()
        except sqlite3.Error as error:
            raise RoomError(_("The room could not be read just now ({error}).").format(error=error)) from error
        by_movement: dict[int, int] = {}
        waiting = ended = pausing = stepped_out = moments = 0
        for movement, is_waiting, is_ended, is_pausing, is_out, moment in rows:
            by_movement[movement] = by_movement.get(movement, 0) + 1
            waiting += bool(is_waiting and movement >= open_movement)
            ended += bool(is_ended)
            pausing += bool(is_pausing)
            stepped_out += bool(is_out)
            moments += moment is not None and moment >= now - MOMENT_SECONDS
        return Counts(len(rows), by_movement, waiting, ended, pausing, stepped_out, moments)

    def forget_departed(self, *, older_than: float = 10 * EXPIRES_AFTER) -> None:
        """Delete presence rows long silent (a killed session never said goodbye)."""
        self._write("DELETE FROM presence WHERE last_seen < ?", (self.clock() - older_than,))
