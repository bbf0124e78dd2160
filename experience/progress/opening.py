"""Opening the database safely, and setting aside one that cannot be used.

Decisions, and why:

- WAL with `synchronous=NORMAL`. A commit is in the WAL file, in the operating system's hands,
  before `COMMIT` returns; a killed process or a closed terminal cannot take it back. Only a power
  cut or a kernel crash can lose the last few commits (the database stays whole even then), and
  skipping the fsync keeps a step well under a millisecond.
- A database that cannot be read (corrupt, not a database, or written by a newer version) is
  never repaired, overwritten or deleted: it is renamed aside with its -wal and -shm files, a
  fresh one is started, and `SetAside.message` says in plain words what happened and where the
  old one is.
- `secure_delete` is on for every connection: text that is deleted or overwritten (a draft
  replaced at each pause in typing, an answer re-sealed) is zeroed in its page, not left in free
  space for anyone who reads the raw file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from .migrations import migrate, version_of
from .paths import SIDE_FILES, make_private_file

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True, slots=True)
class SetAside:
    """A database that could not be used and was moved out of the way, untouched."""

    reason: str  # in words for the reader
    path: Path  # where the old file now is

    def message(self) -> str:
        return (
            f"{self.reason} It has been kept, untouched, as {self.path.name} in the same folder, "
            "and a fresh one has been started. Nothing has been deleted."
        )


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
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")  # e.g. a file system without shared memory
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        if version_of(conn):
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


def explain(error: sqlite3.Error) -> str:
    """What went wrong, in plain words for the reader."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "Your progress is busy in another window just now; nothing was changed."
    if "readonly" in text or "read-only" in text:
        return "Your progress could not be saved: the data folder is read-only."
    if "full" in text:
        return "Your progress could not be saved: the disk is full."
    return f"Your progress could not be saved ({error})."
