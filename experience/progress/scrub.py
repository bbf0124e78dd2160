"""Making removed words really gone from the database files, and checking that they are.

Deleting a row in SQLite does not remove its bytes from the disk: they stay in the page's free
space, in free pages, and in old frames of the write-ahead log until something overwrites them.
So after an erase, or after words are sealed, the files are scrubbed:

1. `secure_delete` (on for every connection, see store.py) zeroes the deleted cells;
2. `VACUUM` rebuilds the database into fresh pages, so no free page is left over;
3. `wal_checkpoint(TRUNCATE)` copies the log into the database and cuts the log to zero bytes,
   taking its old frames (which still hold every page as it was before) with it.

VACUUM runs after the words are gone, so its temporary copy never holds them. The checkpoint
cannot finish while another window reads the same database; `scrub` says so, and the check below
would then find the words in the log, which the commands report plainly.

The check is deliberately blunt: read the raw bytes of every database file and look for the words
as they were stored. A word still held by a live row (someone else's identical answer, or a
question that appears in another profile's journal) is not a trace of the erased one, so it is
left out. Very short texts cannot be checked this way (they occur by chance), and are counted.

What this cannot reach, said plainly where it is reported: copies the operating system or the
disk keep outside the file (backups, snapshots of the file system, a solid-state disk's remapped
blocks, swap). Only full-disk encryption protects those.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import DATABASE_NAME, SIDE_FILES

if TYPE_CHECKING:
    from .store import Store

MIN_TRACE = 8  # bytes: shorter texts appear by chance ("yes", "calm") and are not checked
CHUNK = 48  # long texts are looked for in pieces, since SQLite may split a long value across pages
_ESCAPED_IN_JSON = re.compile(rb'[\x00-\x1f"\\]+')


@dataclass(frozen=True, slots=True)
class Traces:
    found: dict[Path, int]  # file -> how many pieces of the removed words it still holds
    unchecked: int  # texts too short to be looked for
    checked: tuple[Path, ...] = ()  # the files that were read

    @property
    def clean(self) -> bool:
        return not self.found


def scrub(conn: sqlite3.Connection) -> bool:
    """Rebuild the database and empty its log; False if another window kept the log from emptying."""
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("VACUUM")
    busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0


def database_files(data_dir: Path) -> list[Path]:
    """The database and its side files, as they are on disk now."""
    path = data_dir / DATABASE_NAME
    return [p for p in (path, *(Path(str(path) + s) for s in SIDE_FILES)) if p.exists()]


def pieces(stored: Iterable[bytes]) -> tuple[set[bytes], int]:
    """What to look for in the raw files: pieces of each stored text, and how many were too short.

    A text is cut where JSON would escape it (quotes, backslashes, line breaks: the answer kept in
    a step is JSON) and into pieces of at most CHUNK bytes (a long value is split across pages).
    """
    found: set[bytes] = set()
    short = 0
    for blob in stored:
        own = {part[i : i + CHUNK] for part in _ESCAPED_IN_JSON.split(bytes(blob)) for i in range(0, len(part), CHUNK)}
        own = {p for p in own if len(p) >= MIN_TRACE}
        if not own:
            short += 1
        found |= own
    return found, short


def traces(store: Store, stored: Iterable[bytes]) -> Traces:
    """Where the stored forms of removed words can still be found in the raw database files.

    The files are read through `store.read_raw`, which keeps this process's locks on them (see there).
    """
    data_dir = store.data_dir
    wanted, short = pieces(stored)
    files = database_files(data_dir)
    if wanted and files:
        wanted -= _live_pieces(data_dir / DATABASE_NAME, wanted)
    found: dict[Path, int] = {}
    for path in files:
        raw = store.read_raw(path)
        hits = sum(1 for piece in wanted if piece in raw)
        if hits:
            found[path] = hits
    return Traces(found, short, tuple(files))


def _live_pieces(database: Path, wanted: set[bytes]) -> set[bytes]:
    """The pieces that a row still in the database holds, read through SQLite (read-only)."""
    if not database.exists():
        return set()
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        live = bytearray()
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from sqlite_master
                for value in row:
                    if isinstance(value, bytes):
                        live += value + b"\0"
                    elif isinstance(value, str):
                        live += value.encode("utf-8") + b"\0"
        for sql in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"):
            live += sql[0].encode("utf-8") + b"\0"
    finally:
        conn.close()
    return {piece for piece in wanted if piece in live}
