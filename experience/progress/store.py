"""The database: one open connection, and each change written as one whole transaction.

Decisions, and why (opening it, and setting aside a file that cannot be used, are in opening.py):

- The connection is in autocommit mode, and `transaction()` opens `BEGIN IMMEDIATE` explicitly,
  so what is one step is visible in the code, not decided by the driver.
- The connection is this package's own (`Store._conn`): the modules of `experience.progress` work
  on it, and everything above them uses the methods here. So every word a reader wrote is read,
  written, sealed and erased through this package (see words.py), never by SQL from elsewhere.
- A profile with a passphrase has its words sealed (see sealing.py). The store is told the
  unlocked sealing once (`use_sealing`), and refuses to read or write that profile's words without
  it: a forgotten unlock is an error, never a plain copy on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..i18n import _
from .journal import PLAIN, Journal, Sealing
from .migrations import NewerDatabase
from .opening import SetAside, Why, connect, connect_read_only, explain, is_damage, move_aside, newer_refused, why_not
from .paths import DATABASE_NAME, make_private_dir
from .saves import Save, json_object
from .scrub import scrub
from .words import answers_by_story

DEFAULT_PROFILE = "default"  # whose journey it is when no --profile is named


class StoreError(Exception):
    """Progress could not be read or written; the message says so in plain words.

    `why` is the reason alone, for a front end that says in its own words what was not kept.
    """

    def __init__(self, message: str, why: Why = Why.OTHER):
        super().__init__(message)
        self.why = why

    @classmethod
    def of(cls, error: sqlite3.Error) -> StoreError:
        return cls(explain(error), why_not(error))


class JournalLocked(StoreError):
    """The profile's words are sealed with a passphrase, and it has not been given."""

    def __init__(self) -> None:
        super().__init__(
            _("Your journal is sealed with a passphrase, and it has not been given yet; nothing was read or changed.")
        )


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    settings: dict[str, Any]


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """One open database in one data folder."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        data_dir: Path,
        set_aside: SetAside | None = None,
        clock: Callable[[], str] = utc_now,
        *,
        read_only: bool = False,
    ):
        self._conn = conn
        self.data_dir = data_dir
        self.set_aside = set_aside
        self.clock = clock
        self.read_only = read_only
        self._depth = 0
        self._open = True
        self._held: list[int] = []  # descriptors of raw reads, kept open until close (see read_raw)
        self._sealings: dict[int, Sealing] = {}  # profile id -> unlocked sealing, in memory only

    @property
    def path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @classmethod
    def open(cls, data_dir: Path, *, clock: Callable[[], str] = utc_now, read_only: bool = False) -> Store:
        """Open (or create) the database in `data_dir`, setting aside a damaged one.

        A database from a newer version is refused (StoreError), and nothing on disk is changed.
        With `read_only`, nothing is created or changed at all, and an unreadable file is reported
        rather than set aside: for locating, exporting and backing up, a read-only disk included.
        """
        data_dir = Path(data_dir)
        path = data_dir / DATABASE_NAME
        if read_only:
            try:
                return cls(connect_read_only(path), data_dir, None, clock, read_only=True)
            except NewerDatabase as newer:
                raise StoreError(newer_refused(newer.version)) from None
            except sqlite3.Error as error:
                raise StoreError(
                    _("Your saved progress could not be read ({error}); nothing was changed.").format(error=error)
                ) from error
        data_dir = make_private_dir(data_dir)
        set_aside = None
        try:
            conn = connect(path)
        except NewerDatabase as newer:
            raise StoreError(newer_refused(newer.version)) from None
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise StoreError.of(error) from error
            set_aside = move_aside(path, "unreadable", _("Your saved progress could not be read: the file is damaged."))
            conn = connect(path)
        return cls(conn, data_dir, set_aside, clock)

    def close(self) -> None:
        """The end of a sitting: what the log holds goes into the database file, then all is closed."""
        if not self._open:
            return
        self.checkpoint()
        self._conn.close()
        self._open = False
        for fd in self._held:
            os.close(fd)
        self._held.clear()

    def checkpoint(self) -> bool:
        """Copy what the write-ahead log holds into the database file, without waiting for anyone.

        Done after an answer and at the end of a sitting, so that the one file `locate` names holds
        the journal even if the program is then stopped hard. False if a reader in another window
        kept some of it in the log for now (it is copied at a later checkpoint); never an error.
        """
        if self.read_only or self._depth:
            return False
        try:
            busy, log, done = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return False
        return busy == 0 and log == done

    def read_raw(self, path: Path) -> bytes:
        """The raw bytes of one of the database's files, as anyone copying it would see them.

        Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
        own included, and another program could then rebuild the shared index under this live
        connection (SQLite's "How To Corrupt An SQLite Database File", 2.2). So while the connection
        is open, the descriptor stays open until `close()` closes it after the connection.
        """
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            if self._open:
                self._held.append(fd)
            else:
                os.close(fd)
        return b"".join(chunks)

    def scrub(self) -> bool:
        """Make removed words gone from the files (scrub.py); False if another window kept the log."""
        return scrub(self._conn)

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing change. Nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError.of(error) from error
        self._depth = 1
        try:
            yield self._conn
        except BaseException as error:
            self._depth = 0
            self._roll_back()
            if isinstance(error, sqlite3.Error):
                raise StoreError.of(error) from error
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._roll_back()
            raise StoreError.of(error) from error

    def _roll_back(self) -> None:
        """Undo what is left of the transaction. After some errors (a full disk, an I/O error)
        SQLite has already rolled it back itself, and a ROLLBACK then is an error of its own."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # nothing is left to undo; the error that brought us here is the one reported

    # -- profiles -----------------------------------------------------------------------------
    def profile(self, name: str) -> Profile:
        """The profile called `name`, created on first use."""
        with self.transaction() as conn:
            row = conn.execute("SELECT id, settings FROM profiles WHERE name = ?", (name,)).fetchone()
            if row is None:
                cursor = conn.execute("INSERT INTO profiles (name, created) VALUES (?, ?)", (name, self.clock()))
                assert cursor.lastrowid is not None  # an INSERT into a rowid table always gives one
                return Profile(cursor.lastrowid, name, {})
        return Profile(row[0], name, json_object(row[1]))

    def find_profile(self, name: str) -> Profile | None:
        """The profile called `name`, if it exists; never creates one."""
        row = self._conn.execute("SELECT id, settings FROM profiles WHERE name = ?", (name,)).fetchone()
        return Profile(row[0], name, json_object(row[1])) if row else None

    def profiles(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT name FROM profiles ORDER BY name")]

    def set_setting(self, profile: Profile, key: str, value: Any) -> None:
        with self.transaction() as conn:
            row = conn.execute("SELECT settings FROM profiles WHERE id = ?", (profile.id,)).fetchone()
            settings = json_object(row[0]) if row else {}
            settings[key] = value
            conn.execute("UPDATE profiles SET settings = ? WHERE id = ?", (json.dumps(settings), profile.id))
        profile.settings[key] = value

    # -- sealing ----------------------------------------------------------------------------------
    def is_sealed(self, profile: Profile | int) -> bool:
        """Whether this profile has a passphrase (its words are sealed)."""
        profile_id = profile if isinstance(profile, int) else profile.id
        return self._conn.execute("SELECT 1 FROM seals WHERE profile_id = ?", (profile_id,)).fetchone() is not None

    def use_sealing(self, profile: Profile | int, sealing: Sealing | None) -> None:
        """From now on, seal and unseal this profile's words with `sealing` (None: forget it)."""
        profile_id = profile if isinstance(profile, int) else profile.id
        if sealing is None or sealing is PLAIN:
            self._sealings.pop(profile_id, None)
        else:
            self._sealings[profile_id] = sealing

    def sealing_for(self, profile: Profile | int) -> Sealing:
        """How this profile's words are written now; JournalLocked if sealed and not unlocked."""
        profile_id = profile if isinstance(profile, int) else profile.id
        sealing = self._sealings.get(profile_id)
        if sealing is not None:
            return sealing
        if self.is_sealed(profile_id):
            raise JournalLocked()
        return PLAIN

    # -- saves and journals ---------------------------------------------------------------------
    def save(
        self, profile: Profile, story_key: str, words: Mapping[str, Any] | None = None, *, title: str = ""
    ) -> Save:
        """The reader's history in one story; `words` maps each variable that holds their answers
        to the story's starting value for it; `title` names the story in a new save."""
        return Save(self, profile.id, story_key, words, title)

    def journal(self, profile: Profile, story_key: str) -> Journal:
        return Journal(self._conn, profile.id, story_key, self.clock, self.sealing_for(profile))

    def stories_written(self, profile: Profile) -> list[str]:
        """The stories the profile has answered in, in the order each was first written in."""
        return list(answers_by_story(self._conn, profile.id))
