"""The database's shape, one numbered step at a time.

`PRAGMA user_version` records how many steps a database has had. Opening runs the missing ones
in order, each in its own transaction, so a database is always at a version this code knows.
Steps are only ever appended: a released step is never edited, because databases out in the world
have already run it.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: profiles, saves as histories of steps, the journal and unsent drafts.
    """
    CREATE TABLE profiles (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        created  TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}'          -- JSON: the reader's choices, e.g. theme
    );

    -- One journey through one story. Its steps are the history, oldest first, so that "back"
    -- and resuming both work after a restart.
    CREATE TABLE saves (
        id         INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        story_key  TEXT NOT NULL,
        started    TEXT NOT NULL,
        updated    TEXT NOT NULL,
        UNIQUE (profile_id, story_key)
    );

    CREATE TABLE steps (
        save_id  INTEGER NOT NULL REFERENCES saves(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,                   -- 0 is where this history began
        snapshot TEXT NOT NULL,                      -- State.snapshot() as JSON
        entry_id INTEGER REFERENCES journal(id) ON DELETE SET NULL,  -- answered at this step
        PRIMARY KEY (save_id, position)
    ) WITHOUT ROWID;

    -- The reader's own words. `answer` is stored as `sealing` says; only journal.py reads and
    -- writes it, so that sealing (encryption at rest) can be added there alone.
    CREATE TABLE journal (
        id            INTEGER PRIMARY KEY,
        profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        story_key     TEXT NOT NULL,
        scene_id      TEXT NOT NULL,
        chapter_id    TEXT NOT NULL,
        chapter_title TEXT NOT NULL,
        prompt        TEXT NOT NULL,
        answer        BLOB NOT NULL,
        sealing       TEXT NOT NULL DEFAULT 'plain',
        created       TEXT NOT NULL,
        updated       TEXT NOT NULL
    );
    CREATE INDEX journal_by_reader ON journal (profile_id, story_key, id);

    -- Words typed but not yet saved or skipped, so that leaving never loses them.
    CREATE TABLE drafts (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        story_key  TEXT NOT NULL,
        scene_id   TEXT NOT NULL,
        text       BLOB NOT NULL,
        sealing    TEXT NOT NULL DEFAULT 'plain',
        updated    TEXT NOT NULL,
        PRIMARY KEY (profile_id, story_key, scene_id)
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


class NewerDatabase(Exception):
    """The database was written by a newer version of the program, which this one cannot read."""

    def __init__(self, version: int):
        self.version = version
        super().__init__(f"the database is at version {version}; this program knows up to {SCHEMA_VERSION}")


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the database up to date and return the version it was at before.

    `conn` must be in autocommit mode (isolation_level=None): each step runs in an explicit
    transaction together with its version bump, so a step is either wholly there or not at all.
    """
    start = version_of(conn)
    if start > len(migrations):
        raise NewerDatabase(start)
    for number in range(start + 1, len(migrations) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migrations[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start


def _statements(script: str) -> list[str]:
    """Split a script into statements (executescript would commit the open transaction).

    Pieces are joined at each ';' until SQLite says the statement is complete, so a ';' inside a
    string or a comment does not split it.
    """
    statements, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s.strip("; \n") and not _only_comments(s)]


def _only_comments(statement: str) -> bool:
    lines = [line.strip() for line in statement.rstrip(";").splitlines()]
    return all(not line or line.startswith("--") for line in lines)
