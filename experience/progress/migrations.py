"""The database's shape, one numbered step at a time.

`PRAGMA user_version` records how many steps a database has had. Opening runs the missing ones
in order, each in its own transaction, so a database is always at a version this code knows.
Steps are only ever appended: a released step is never edited, because databases out in the world
have already run it.

A step is SQL, or a function for the rare step that must read rows to rewrite them (SQL alone
cannot say which text in a snapshot is a reader's answer). Either way it runs inside the step's
transaction, with its version bump.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from ..i18n import _

Step = str | Callable[[sqlite3.Connection], None]

V2_SQL = """
    -- A passphrase, per profile, without the passphrase: the scrypt salt and cost, and a sealed
    -- known text that tells a right passphrase from a wrong one. The key itself is never stored.
    CREATE TABLE seals (
        profile_id INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        kdf        TEXT NOT NULL,                    -- 'scrypt'
        salt       BLOB NOT NULL,                    -- 16 random bytes, new at every set or change
        n          INTEGER NOT NULL,
        r          INTEGER NOT NULL,
        p          INTEGER NOT NULL,
        verifier   BLOB NOT NULL,                    -- a sealed known text
        created    TEXT NOT NULL
    );

    -- The reader's answers that a story keeps in variables (`save_as`) for later scenes. They
    -- are kept apart from the rest of the snapshot so that they can be sealed like the journal,
    -- and erased with it without touching where the reader is. JSON {variable: text}, or NULL.
    ALTER TABLE steps ADD COLUMN words BLOB;
    ALTER TABLE steps ADD COLUMN sealing TEXT NOT NULL DEFAULT 'plain';
"""


def _v2_words_apart(conn: sqlite3.Connection) -> None:
    """Add the seal table, and move answers already inside step snapshots into `steps.words`.

    A version-1 snapshot holds a `save_as` answer as an ordinary variable. Without the story (a
    migration has none) the answers are recognised the way they were written: a text variable
    whose value is, exactly, the stored form of one of this reader's journal answers in that story
    (stripped and cut as `record_answer` does). Every version-1 answer was plain, so this can read
    them.
    """
    from ..story.answers import MAX_ANSWER_IN_VARIABLE

    for statement in _statements(V2_SQL):
        conn.execute(statement)
    answers: dict[int, set[str]] = {}
    for save_id, answer in conn.execute(
        "SELECT saves.id, journal.answer FROM saves JOIN journal"
        " ON journal.profile_id = saves.profile_id AND journal.story_key = saves.story_key"
    ):
        text = bytes(answer).decode("utf-8", errors="replace") if isinstance(answer, bytes) else str(answer)
        if text.strip():
            answers.setdefault(save_id, set()).add(text.strip()[:MAX_ANSWER_IN_VARIABLE])
    for save_id, known in answers.items():
        rows = conn.execute("SELECT position, snapshot FROM steps WHERE save_id = ?", (save_id,)).fetchall()
        for position, text in rows:
            try:
                snapshot = json.loads(text)
            except (TypeError, ValueError):
                continue
            variables = snapshot.get("variables") if isinstance(snapshot, dict) else None
            if not isinstance(variables, dict):
                continue
            words = {k: v for k, v in variables.items() if isinstance(v, str) and v in known}
            if not words:
                continue
            snapshot["variables"] = {k: v for k, v in variables.items() if k not in words}
            conn.execute(
                "UPDATE steps SET snapshot = ?, words = ? WHERE save_id = ? AND position = ?",
                (_json(snapshot), _json(words).encode("utf-8"), save_id, position),
            )


def _v4_stories_by_key(conn: sqlite3.Connection) -> None:
    """File saves, journals and drafts under each story's lasting key instead of its title.

    Version 3 filed them under the story's title as written, so changing even its capitals hid
    them. Without the stories (a migration has none), each old key (a title) becomes the key a
    story without an `id` now has (`title_key`); a story that has an `id` takes its saves over from
    that key the next time it is played (filing.py). The title is kept beside each save, to be
    shown. Where two saves of one reader now share a key (a title changed once, and the reader
    began again under the new one), the one used last takes it, and the other keeps its old key:
    nothing is merged and nothing is lost. Journal answers all move: a journal is a list.
    """
    from ..story.model import title_key

    conn.execute("ALTER TABLE saves ADD COLUMN title TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE saves SET title = story_key")
    for table, names in (("saves", ("profile_id", "story_key")), ("drafts", ("profile_id", "story_key", "scene_id"))):
        where = " AND ".join(f"{name} = :{name}" for name in names)
        rows = conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY updated DESC").fetchall()  # noqa: S608 - names written here
        for values in rows:
            row = dict(zip(names, values, strict=True))
            new = title_key(row["story_key"])
            if conn.execute(f"SELECT 1 FROM {table} WHERE {where}", {**row, "story_key": new}).fetchone() is None:  # noqa: S608 - names written here
                conn.execute(f"UPDATE {table} SET story_key = :new WHERE {where}", {**row, "new": new})  # noqa: S608 - names written here
    for (old,) in conn.execute("SELECT DISTINCT story_key FROM journal").fetchall():
        conn.execute("UPDATE journal SET story_key = ? WHERE story_key = ?", (title_key(old), old))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


MIGRATIONS: tuple[Step, ...] = (
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
    # 2: passphrases, and the answers kept in steps set apart so that they can be sealed and erased.
    _v2_words_apart,
    # 3: with a passphrase, each step's whole snapshot is sealed too (the way the reader came, what
    # they chose): the sealing it was written with. Rows written before stay plain until the
    # passphrase next opens the journal (passphrase.unlock seals them then).
    """
    ALTER TABLE steps ADD COLUMN snapshot_sealing TEXT NOT NULL DEFAULT 'plain';
    """,
    # 4: stories filed under a lasting key (the story's `id`, or its folded title), not its title.
    _v4_stories_by_key,
)

SCHEMA_VERSION = len(MIGRATIONS)


class NewerDatabase(Exception):
    """The database was written by a newer version of the program, which this one cannot read."""

    def __init__(self, version: int):
        self.version = version
        super().__init__(
            _("the database is at version {version}; this program knows up to {known}").format(
                version=version, known=SCHEMA_VERSION
            )
        )


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, migrations: tuple[Step, ...] = MIGRATIONS) -> int:
    """Bring the database up to date and return the version it was at before.

    `conn` must be in autocommit mode (isolation_level=None): each step runs in an explicit
    transaction together with its version bump, so a step is either wholly there or not at all.
    The version is read again once the transaction holds the lock: another process opening the
    same file at the same moment may have run the step meanwhile, and then it is not run twice.
    """
    start = version_of(conn)
    if start > len(migrations):
        raise NewerDatabase(start)
    while version_of(conn) < len(migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = version_of(conn)
            if done > len(migrations):
                raise NewerDatabase(done)
            if done < len(migrations):
                _run(conn, migrations[done])
                conn.execute(f"PRAGMA user_version = {done + 1:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start


def _run(conn: sqlite3.Connection, step: Step) -> None:
    if callable(step):
        step(conn)
    else:
        for statement in _statements(step):
            conn.execute(statement)


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
