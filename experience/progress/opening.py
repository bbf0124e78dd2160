"""Opening the database safely, and setting aside one that cannot be used.

Decisions, and why:

- WAL with `synchronous=NORMAL`. A commit is in the WAL file, in the operating system's hands,
  before `COMMIT` returns; a killed process or a closed terminal cannot take it back. Only a power
  cut or a kernel crash can lose the last few commits (the database stays whole even then), and
  skipping the fsync keeps a step well under a millisecond. The store checkpoints after an answer
  and at the end of a sitting (store.py), so the database file itself holds the journal: a copy of
  that one file is a copy of the journal.
- A database that cannot be read because it is damaged (corrupt, or not a database) is never
  repaired, overwritten or deleted: it is renamed aside with its -wal and -shm files, a fresh one
  is started, and `SetAside.message` says in plain words what happened and where the old one is.
- A database written by a newer version is refused, not set aside: going back to that version
  must find the journal where it was. Nothing on disk is changed before the version is read.
- Files that SQLite has open are never opened and closed here (see paths.make_private_file):
  that would drop this process's locks on them.
- `secure_delete` is on for every connection: text that is deleted or overwritten (a draft
  replaced at each pause in typing, an answer re-sealed) is zeroed in its page, not left in free
  space for anyone who reads the raw file.
- Reading alone (`connect_read_only`: locate, export) changes nothing: `mode=ro`, or `immutable=1`
  where even the shared index cannot be made (a read-only folder, a write-protected stick). An
  older database read that way is brought up to date in memory, never on its disk.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..i18n import N_, _
from .migrations import SCHEMA_VERSION, NewerDatabase, migrate, version_of
from .paths import SIDE_FILES, make_private_file

BUSY_TIMEOUT_MS = 5000
RETRY_PAUSE = 0.01  # seconds between tries of a step SQLite refuses at once rather than waiting for


@dataclass(frozen=True, slots=True)
class SetAside:
    """A database that could not be used and was moved out of the way, untouched."""

    reason: str  # in words for the reader
    path: Path  # where the old file now is

    def message(self) -> str:
        # Translators: {reason} is a whole sentence saying why (the file is damaged); {name} a file's name.
        return _(
            "{reason} It has been kept, untouched, as {name} in the same folder, "
            "and a fresh one has been started. Nothing has been deleted."
        ).format(reason=self.reason, name=self.path.name)


class Damaged(sqlite3.DatabaseError):
    """`PRAGMA quick_check` found a problem."""


def connect(path: Path) -> sqlite3.Connection:
    """The database at `path`, private, in WAL, checked and brought up to date (see migrations.py).

    Damaged or NewerDatabase if it cannot be used as it is; nothing is changed on disk then.
    """
    make_private_file(path)
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        version = version_of(conn)
        if version > SCHEMA_VERSION:  # before anything below writes to the file
            raise NewerDatabase(version)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        if version:
            problem = conn.execute("PRAGMA quick_check").fetchone()[0]
            if problem != "ok":
                raise Damaged(problem)
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    for suffix in SIDE_FILES:  # SQLite copies the database's mode, but an old file may be looser
        side = path.with_name(path.name + suffix)
        if side.exists():
            make_private_file(side)
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The database at `path` for reading only, changing nothing on disk (see the module's notes).

    FileNotFoundError if there is none; NewerDatabase, or an sqlite3 error, if it cannot be read.
    """
    if not path.is_file():
        raise FileNotFoundError(path)
    uri = path.resolve().as_uri()
    try:
        conn = _reading(f"{uri}?mode=ro")
    except sqlite3.OperationalError:  # the shared index cannot be made here: nobody can be writing
        conn = _reading(f"{uri}?immutable=1")
    try:
        version = version_of(conn)
        if version > SCHEMA_VERSION:
            raise NewerDatabase(version)
        if version < SCHEMA_VERSION:  # brought up to date in memory; its file stays as it is
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
            migrate(conn)
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _reading(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening is lazy: this reads
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (once per file), waiting out another process doing the same.

    Two connections changing the journal mode at once can deadlock, and SQLite then refuses one of
    them at once instead of waiting: so the change is tried again, within the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                return
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = DELETE")  # e.g. a file system without shared memory
            return
        except sqlite3.OperationalError as error:
            if why_not(error) is not Why.BUSY or time.monotonic() > deadline:
                raise
            time.sleep(RETRY_PAUSE)


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Damage to the file itself, as opposed to a busy, locked or unwritable one."""
    if isinstance(error, Damaged):
        return True
    return getattr(error, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
        "not a database" in str(error) or "malformed" in str(error)
    )


def move_aside(path: Path, why: str, reason: str) -> SetAside:
    """Rename the database and its side files out of the way, under a name that is not taken."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while any(Path(str(target) + s).exists() for s in ("", *SIDE_FILES)):
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    for suffix in SIDE_FILES:
        side = Path(str(path) + suffix)
        if side.exists():
            os.replace(side, Path(str(target) + suffix))
    os.replace(path, target)
    return SetAside(reason, target)


def newer_refused(version: int) -> str:
    """Why a database from a newer version is not opened, in words for the reader."""
    return _(
        "Your saved progress was written by a newer version of this program (its database is at "
        "version {version}; this version knows up to {known}). It has been left exactly as it "
        "was: please use the newer version to carry on."
    ).format(version=version, known=SCHEMA_VERSION)


class Why(Enum):
    """Why a write did not happen, as the end of a sentence for the reader."""

    FULL = N_("there is no room left on the disk")
    BUSY = N_("another window or program is using your journal just now")
    READ_ONLY = N_("the data folder cannot be written to (it is read-only)")
    OTHER = N_("the database refused the change")

    @property
    def said(self) -> str:
        """The reason in the language in use."""
        return _(self.value)


def why_not(error: sqlite3.Error) -> Why:
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return Why.FULL
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return Why.BUSY
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return Why.READ_ONLY
    return Why.OTHER


def explain(error: sqlite3.Error) -> str:
    """What went wrong, in plain words for the reader."""
    why = why_not(error)
    if why is Why.OTHER:
        return _("Your progress could not be saved: {reason} ({error}).").format(reason=why.said, error=error)
    return _("Your progress could not be saved: {reason}.").format(reason=why.said)
