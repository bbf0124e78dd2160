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
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .journal import PLAIN, Journal, Sealing
from .migrations import NewerDatabase
from .opening import SetAside, connect, explain, is_damage, move_aside
from .paths import DATABASE_NAME, make_private_dir
from .scrub import scrub
from .words import answers_by_story

DEFAULT_PROFILE = "default"  # whose journey it is when no --profile is named


class StoreError(Exception):
    """Progress could not be read or written; the message says so in plain words."""


class JournalLocked(StoreError):
    """The profile's words are sealed with a passphrase, and it has not been given."""

    def __init__(self) -> None:
        super().__init__(
            "Your journal is sealed with a passphrase, and it has not been given yet; nothing was read or changed."
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
    ):
        self._conn = conn
        self.data_dir = data_dir
        self.set_aside = set_aside
        self.clock = clock
        self._depth = 0
        self._sealings: dict[int, Sealing] = {}  # profile id -> unlocked sealing, in memory only

    @property
    def path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @classmethod
    def open(cls, data_dir: Path, *, clock: Callable[[], str] = utc_now) -> Store:
        """Open (or create) the database in `data_dir`, setting aside one that cannot be used."""
        data_dir = make_private_dir(Path(data_dir))
        path = data_dir / DATABASE_NAME
        set_aside = None
        try:
            conn = connect(path)
        except NewerDatabase as newer:
            set_aside = move_aside(
                path,
                "newer",
                (
                    f"Your saved progress was written by a newer version of this program (database "
                    f"version {newer.version}), which this version cannot read."
                ),
            )
            conn = connect(path)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise StoreError(explain(error)) from error
            set_aside = move_aside(path, "unreadable", "Your saved progress could not be read: the file is damaged.")
            conn = connect(path)
        return cls(conn, data_dir, set_aside, clock)

    def close(self) -> None:
        self._conn.close()

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
            raise StoreError(explain(error)) from error
        self._depth = 1
        try:
            yield self._conn
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise StoreError(explain(error)) from error

    # -- profiles -----------------------------------------------------------------------------
    def profile(self, name: str) -> Profile:
        """The profile called `name`, created on first use."""
        with self.transaction() as conn:
            row = conn.execute("SELECT id, settings FROM profiles WHERE name = ?", (name,)).fetchone()
            if row is None:
                cursor = conn.execute("INSERT INTO profiles (name, created) VALUES (?, ?)", (name, self.clock()))
                assert cursor.lastrowid is not None  # an INSERT into a rowid table always gives one
                return Profile(cursor.lastrowid, name, {})
        return Profile(row[0], name, _json_object(row[1]))

    def find_profile(self, name: str) -> Profile | None:
        """The profile called `name`, if it exists; never creates one."""
        row = self._conn.execute("SELECT id, settings FROM profiles WHERE name = ?", (name,)).fetchone()
        return Profile(row[0], name, _json_object(row[1])) if row else None

    def profiles(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT name FROM profiles ORDER BY name")]

    def set_setting(self, profile: Profile, key: str, value: Any) -> None:
        with self.transaction() as conn:
            row = conn.execute("SELECT settings FROM profiles WHERE id = ?", (profile.id,)).fetchone()
            settings = _json_object(row[0]) if row else {}
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
    def save(self, profile: Profile, story_key: str, words: Mapping[str, Any] | None = None) -> Save:
        """The reader's history in one story; `words` maps each variable that holds their answers
        to the story's starting value for it."""
        return Save(self, profile.id, story_key, words)

    def journal(self, profile: Profile, story_key: str) -> Journal:
        return Journal(self._conn, profile.id, story_key, self.clock, self.sealing_for(profile))

    def stories_written(self, profile: Profile) -> list[str]:
        """The stories the profile has answered in, in the order each was first written in."""
        return list(answers_by_story(self._conn, profile.id))


class Save:
    """One reader's history in one story: the snapshots of every step, oldest first.

    The variables named in `words` hold what the reader wrote (a reflection's `save_as`). Once the
    reader has answered (the value is no longer the story's starting value) they are written apart
    from the snapshot, in `steps.words` (declared in words.py as `KEPT`), sealed like the journal,
    so that a sealed journal has no plain copy in the history and erasing the journal can blank
    them without the story or the passphrase. So `steps.words` is set exactly where a step holds
    the reader's words. Reading puts them back; a step whose words were erased (or cannot be
    opened) simply lacks them, and the story's starting values stand in.
    """

    def __init__(self, store: Store, profile_id: int, story_key: str, words: Mapping[str, Any] | None = None):
        self._store = store
        self._profile = profile_id
        self._story = story_key
        self._words = dict(words or {})
        self._id: int | None = None

    @property
    def exists(self) -> bool:
        return self._save_id(create=False) is not None

    def history(self) -> list[dict[str, Any]]:
        save_id = self._save_id(create=False)
        if save_id is None:
            return []
        rows = self._store._conn.execute(
            "SELECT snapshot, words, sealing FROM steps WHERE save_id = ? ORDER BY position", (save_id,)
        ).fetchall()
        if not any(row[1] is not None for row in rows):
            return [_json_object(row[0]) for row in rows]
        sealing = self._store.sealing_for(self._profile)
        return [self._join(_json_object(text), words, how, sealing) for text, words, how in rows]

    def push(self, snapshot: dict[str, Any]) -> None:
        """A step forward: the new state goes on the end of the history."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            text, words, sealing = self._split(snapshot)
            conn.execute(
                "INSERT INTO steps (save_id, position, snapshot, words, sealing)"
                " SELECT ?, coalesce(max(position) + 1, 0), ?, ?, ? FROM steps WHERE save_id = ?",
                (save_id, text, words, sealing, save_id),
            )

    def pop(self) -> None:
        """A step back: the last state is forgotten (its journal answer is not)."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            conn.execute(
                "DELETE FROM steps WHERE save_id = ? AND position ="
                " (SELECT max(position) FROM steps WHERE save_id = ?)",
                (save_id, save_id),
            )

    def replace_current(self, snapshot: dict[str, Any], entry_id: int | None = None) -> None:
        """Change the current state in place (an answer kept in a variable), not a new step."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            text, words, sealing = self._split(snapshot)
            conn.execute(
                "UPDATE steps SET snapshot = ?, words = ?, sealing = ?, entry_id = coalesce(?, entry_id)"
                " WHERE save_id = ? AND position = (SELECT max(position) FROM steps WHERE save_id = ?)",
                (text, words, sealing, entry_id, save_id, save_id),
            )

    def current_entry(self) -> int | None:
        """The journal entry written at the current step, if the reader answered here."""
        save_id = self._save_id(create=False)
        if save_id is None:
            return None
        row = self._store._conn.execute(
            "SELECT entry_id FROM steps WHERE save_id = ? ORDER BY position DESC LIMIT 1", (save_id,)
        ).fetchone()
        return row[0] if row else None

    def _split(self, snapshot: dict[str, Any]) -> tuple[str, bytes | None, str]:
        """The snapshot without the reader's words, and those words sealed (or None)."""
        variables = snapshot.get("variables")
        if not self._words or not isinstance(variables, dict):
            return _dump(snapshot), None, PLAIN.name
        words = {k: v for k, v in variables.items() if k in self._words and v != self._words[k]}
        if not words:
            return _dump(snapshot), None, PLAIN.name
        sealing = self._store.sealing_for(self._profile)
        rest = dict(snapshot, variables={k: v for k, v in variables.items() if k not in words})
        return _dump(rest), sealing.seal(_dump(words)), sealing.name

    @staticmethod
    def _join(snapshot: dict[str, Any], words: bytes | None, how: str, sealing: Sealing) -> dict[str, Any]:
        if words is None:
            return snapshot
        reader = {PLAIN.name: PLAIN, sealing.name: sealing}.get(how)
        try:
            kept = _json_object(reader.unseal(words)) if reader is not None else {}
        except Exception:  # a damaged row: the story's starting values stand in, as after an erase
            kept = {}
        variables = snapshot.get("variables")
        snapshot["variables"] = {**(variables if isinstance(variables, dict) else {}), **kept}
        return snapshot

    def _touch(self) -> int:
        save_id = self._save_id(create=True)
        assert save_id is not None  # created if it was not there
        self._store._conn.execute("UPDATE saves SET updated = ? WHERE id = ?", (self._store.clock(), save_id))
        return save_id

    def _save_id(self, *, create: bool) -> int | None:
        if self._id is not None:
            return self._id
        conn = self._store._conn
        row = conn.execute(
            "SELECT id FROM saves WHERE profile_id = ? AND story_key = ?", (self._profile, self._story)
        ).fetchone()
        if row is not None:
            self._id = row[0]
        elif create:
            now = self._store.clock()
            cursor = conn.execute(
                "INSERT INTO saves (profile_id, story_key, started, updated) VALUES (?, ?, ?, ?)",
                (self._profile, self._story, now, now),
            )
            self._id = cursor.lastrowid
        return self._id


def _dump(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
