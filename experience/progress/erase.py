"""Erasing a journal, and forgetting a profile altogether, then checking that it worked.

Two sizes of forgetting, both for one profile:

- `erase_journal`: every answer (with its question), every unsent draft, and the copies of
  answers that steps keep for later scenes (`steps.words`). Where the reader is in each story,
  their settings and their passphrase stay. Blanking `steps.words` is enough for the story: a
  step without its words falls back to the story's starting values ("the younger you").
- `forget_profile`: the profile row, and with it (by ON DELETE CASCADE) saves, steps, journal,
  drafts, settings and passphrase. If it was the only profile, the database files themselves go.

Neither needs the passphrase: removing sealed words does not require reading them, and someone
who has lost their passphrase must still be able to start again.

Each is one transaction, then a scrub (scrub.py), then a check made afresh from the disk: the
rows are counted through a new read-only connection and the raw files are searched for the words
as they were stored. The result says what was found, and the commands report it as it is.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .paths import DATABASE_NAME
from .scrub import SIDE_FILES, Traces, database_files, scrub, traces
from .store import Profile, Store


@dataclass(frozen=True, slots=True)
class JournalSurvey:
    """What the profile has written, counted without reading it (no passphrase needed)."""

    answers: dict[str, int]  # story title -> answers, in the order first written
    drafts: int
    steps_with_words: int
    sealed: bool

    @property
    def total_answers(self) -> int:
        return sum(self.answers.values())

    @property
    def empty(self) -> bool:
        return not (self.answers or self.drafts or self.steps_with_words)


@dataclass(frozen=True, slots=True)
class ProfileSurvey:
    journal: JournalSurvey
    stories: tuple[str, ...]  # stories with a saved place
    settings: tuple[str, ...]  # names of the settings kept
    others: tuple[str, ...]  # the other profiles in the same database
    files: tuple[Path, ...]  # files that will be removed (all of the database's if it is the only profile)
    set_aside: tuple[Path, ...]  # old copies set aside earlier, removed only if asked separately

    @property
    def only_profile(self) -> bool:
        return not self.others


@dataclass(frozen=True, slots=True)
class Outcome:
    """What is left after an erase or a forget, as checked afresh from the disk."""

    rows_left: int  # journal rows, drafts and step words (or, for forget, the profile row) still there
    traces: Traces
    scrubbed: bool  # False if another window kept the log from emptying
    removed: tuple[Path, ...] = ()
    still_there: tuple[Path, ...] = field(default=())  # files that should have gone and did not

    @property
    def clean(self) -> bool:
        return not self.rows_left and self.traces.clean and not self.still_there


# -- the journal -----------------------------------------------------------------------------------
def survey_journal(store: Store, profile: Profile) -> JournalSurvey:
    conn = store.conn
    answers = dict(
        conn.execute(
            "SELECT story_key, count(*) FROM journal WHERE profile_id = ? GROUP BY story_key ORDER BY min(id)",
            (profile.id,),
        ).fetchall()
    )
    drafts = conn.execute("SELECT count(*) FROM drafts WHERE profile_id = ?", (profile.id,)).fetchone()[0]
    return JournalSurvey(answers, drafts, _steps_with_words(conn, profile.id), store.is_sealed(profile))


def erase_journal(store: Store, profile: Profile) -> Outcome:
    """Remove every word the profile wrote; keep where they are, their settings and passphrase."""
    stored = _stored_words(store.conn, profile.id)
    with store.transaction() as conn:
        conn.execute("DELETE FROM journal WHERE profile_id = ?", (profile.id,))
        conn.execute("DELETE FROM drafts WHERE profile_id = ?", (profile.id,))
        conn.execute(
            "UPDATE steps SET words = NULL, sealing = 'plain' WHERE words IS NOT NULL AND save_id IN"
            " (SELECT id FROM saves WHERE profile_id = ?)",
            (profile.id,),
        )
    scrubbed = scrub(store.conn)
    return Outcome(_journal_rows_left(store.data_dir, profile.id), traces(store.data_dir, stored), scrubbed)


# -- the whole profile -------------------------------------------------------------------------------
def survey_profile(store: Store, profile: Profile, lock_file: Path | None = None) -> ProfileSurvey:
    conn = store.conn
    stories = tuple(
        row[0]
        for row in conn.execute("SELECT story_key FROM saves WHERE profile_id = ? ORDER BY started", (profile.id,))
    )
    others = tuple(name for name in store.profiles() if name != profile.name)
    files: list[Path] = [] if others else database_files(store.data_dir)
    if lock_file is not None and lock_file.exists():
        files.append(lock_file)
    return ProfileSurvey(
        survey_journal(store, profile),
        stories,
        tuple(sorted(profile.settings)),
        others,
        tuple(files),
        tuple(set_aside_copies(store.data_dir)),
    )


def forget_profile(
    store: Store, profile: Profile, *, lock_file: Path | None = None, remove_set_aside: bool = False
) -> Outcome:
    """Remove the profile and all it holds; the database files too if no other profile is left.

    The rows are deleted and the files scrubbed first even when the files are about to go, so that
    what the file system frees holds no words. Whether it was the last profile is asked again inside
    the transaction (another window may have just begun a new one); if it was, the store is closed
    and the files removed, with the copies set aside earlier only if `remove_set_aside`.
    """
    stored = _stored_words(store.conn, profile.id)
    with store.transaction() as conn:
        conn.execute("DELETE FROM profiles WHERE id = ?", (profile.id,))
        last = conn.execute("SELECT count(*) FROM profiles").fetchone()[0] == 0  # asked again: one may have come
    scrubbed = scrub(store.conn)
    data_dir = store.data_dir
    to_remove = [lock_file] if lock_file is not None else []
    if last:
        to_remove += database_files(data_dir)
        to_remove += _with_side_files(tuple(set_aside_copies(data_dir))) if remove_set_aside else []
        store.close()
    removed, still_there = _remove(list(dict.fromkeys(to_remove)))
    if last:
        _remove_if_empty(data_dir / "locks")
    rows_left = _profile_rows_left(data_dir, profile.id)
    return Outcome(rows_left, traces(data_dir, stored), scrubbed, tuple(removed), tuple(still_there))


def set_aside_copies(data_dir: Path) -> list[Path]:
    """Databases set aside earlier because they could not be used (see store.py); they may hold words."""
    return sorted(p for p in data_dir.glob(DATABASE_NAME + ".*-*") if not p.name.endswith(SIDE_FILES))


def remove_folder_if_empty(path: Path) -> bool:
    return _remove_if_empty(path)


# -- helpers ---------------------------------------------------------------------------------------
def _steps_with_words(conn: sqlite3.Connection, profile_id: int) -> int:
    return conn.execute(
        "SELECT count(*) FROM steps JOIN saves ON saves.id = steps.save_id"
        " WHERE saves.profile_id = ? AND steps.words IS NOT NULL",
        (profile_id,),
    ).fetchone()[0]


def _stored_words(conn: sqlite3.Connection, profile_id: int) -> list[bytes]:
    """Every word of the profile as it is stored on disk (sealed or plain), to look for afterwards."""
    out: list[bytes] = []
    for (answer,) in conn.execute("SELECT answer FROM journal WHERE profile_id = ?", (profile_id,)):
        out.append(_as_bytes(answer))
    for (text,) in conn.execute("SELECT text FROM drafts WHERE profile_id = ?", (profile_id,)):
        out.append(_as_bytes(text))
    for (words,) in conn.execute(
        "SELECT steps.words FROM steps JOIN saves ON saves.id = steps.save_id"
        " WHERE saves.profile_id = ? AND steps.words IS NOT NULL",
        (profile_id,),
    ):
        out.append(_as_bytes(words))
        out.extend(_plain_values(words))
    return out


def _plain_values(words: bytes) -> list[bytes]:
    """The answers inside a plain JSON `words` value, also looked for on their own."""
    try:
        value = json.loads(bytes(words).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []  # sealed: its stored form is what is on disk
    return [v.encode("utf-8") for v in value.values() if isinstance(v, str)] if isinstance(value, dict) else []


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _read_only(data_dir: Path) -> sqlite3.Connection | None:
    database = data_dir / DATABASE_NAME
    if not database.exists():
        return None
    return sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)


def _journal_rows_left(data_dir: Path, profile_id: int) -> int:
    conn = _read_only(data_dir)
    if conn is None:
        return 0
    try:
        return conn.execute(
            "SELECT (SELECT count(*) FROM journal WHERE profile_id = :p)"
            " + (SELECT count(*) FROM drafts WHERE profile_id = :p)",
            {"p": profile_id},
        ).fetchone()[0] + _steps_with_words(conn, profile_id)
    finally:
        conn.close()


def _profile_rows_left(data_dir: Path, profile_id: int) -> int:
    conn = _read_only(data_dir)
    if conn is None:
        return 0
    try:
        return conn.execute(
            "SELECT (SELECT count(*) FROM profiles WHERE id = :p) + (SELECT count(*) FROM saves WHERE profile_id = :p)"
            " + (SELECT count(*) FROM journal WHERE profile_id = :p)"
            " + (SELECT count(*) FROM drafts WHERE profile_id = :p)"
            " + (SELECT count(*) FROM seals WHERE profile_id = :p)",
            {"p": profile_id},
        ).fetchone()[0]
    finally:
        conn.close()


def _with_side_files(paths: tuple[Path, ...]) -> list[Path]:
    out = []
    for path in paths:
        out.append(path)
        out.extend(p for p in (Path(str(path) + s) for s in SIDE_FILES) if p.exists())
    return out


def _remove(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    removed, still_there = [], []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
        (still_there if path.exists() else removed).append(path)
    return removed, still_there


def _remove_if_empty(path: Path) -> bool:
    try:
        os.rmdir(path)
    except OSError:
        return False
    return True
