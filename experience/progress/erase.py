"""Erasing a journal, and forgetting a profile altogether, then checking that it worked.

Three sizes of forgetting, all for one profile:

- `erase_answer`: one answer the reader deletes from their journal, with its copies (the draft
  at its scene, and the copies of it that steps keep for later scenes), through words.py.
- `erase_journal`: every word the reader wrote, as words.py declares them: every answer (with
  its question), every unsent draft, and the copies of answers that steps keep for later scenes
  (`steps.words`). Where the reader is in each story, their settings and their passphrase stay.
  Blanking `steps.words` is enough for the story: a step without its words falls back to the
  story's starting values ("the younger you").
- `forget_profile`: the profile row, and with it (by ON DELETE CASCADE) saves, steps, journal,
  drafts, settings and passphrase. If it was the only profile, the database files themselves go.

Neither needs the passphrase: removing sealed words does not require reading them, and someone
who has lost their passphrase must still be able to start again.

Each is one transaction, then a scrub (scrub.py), then a check made afresh from the disk: the
rows are counted through a new read-only connection and the raw files are searched for the words
as they were stored. The result says what was found, and the commands report it as it is.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import words
from .filing import shown, titles
from .paths import DATABASE_NAME, SIDE_FILES, set_aside_copies
from .scrub import Traces, database_files, traces
from .store import Profile, Store


@dataclass(frozen=True, slots=True)
class JournalSurvey:
    """What the profile has written, counted without reading it (no passphrase needed)."""

    answers: dict[str, int]  # story title -> answers, in the order first written
    rows: Mapping[str, int]  # rows holding words, by kind (see words.py)
    sealed: bool

    @property
    def total_answers(self) -> int:
        return sum(self.answers.values())

    @property
    def drafts(self) -> int:
        return self.rows.get(words.DRAFTS.kind, 0)

    @property
    def steps_with_words(self) -> int:
        return self.rows.get(words.KEPT.kind, 0)

    @property
    def empty(self) -> bool:
        return not any(self.rows.values())


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
    conn = store._conn
    named = titles(store, profile)
    answers: dict[str, int] = {}
    for key, n in words.answers_by_story(conn, profile.id).items():
        title = named.get(key) or shown(key)
        answers[title] = answers.get(title, 0) + n
    return JournalSurvey(
        answers,
        words.count(conn, profile.id, kinds=words.ERASED),
        store.is_sealed(profile),
    )


def erase_journal(store: Store, profile: Profile) -> Outcome:
    """Remove every word the profile wrote; keep where they are, their settings and passphrase."""
    stored = words.stored(store._conn, profile.id, words.ERASED)
    with store.transaction() as conn:
        words.erase(conn, profile.id)
    scrubbed = store.scrub()
    return Outcome(_journal_rows_left(store.data_dir, profile.id), traces(store, stored), scrubbed)


def erase_answer(
    store: Store, profile: Profile, entry_id: int, *, variable: str | None, also: Callable[[], object] | None = None
) -> Outcome:
    """Remove one answer and its copies (see `words.erase_answer`), then scrub and check the files.

    `variable` is the story's `save_as` for the answer's scene (None: any variable holding it);
    `also` runs in the same transaction (the questions that quoted the answer, asked again).
    """
    with store.transaction() as conn:
        stored = words.erase_answer(conn, profile.id, entry_id, sealing=store.sealing_for(profile), variable=variable)
        if also is not None:
            also()
    try:
        scrubbed = store.scrub()
    except sqlite3.Error:  # busy: the answer is gone, its old pages not yet, which the check will say
        scrubbed = False
    return Outcome(_answer_rows_left(store.data_dir, entry_id), traces(store, stored), scrubbed)


# -- the whole profile -------------------------------------------------------------------------------
def survey_profile(store: Store, profile: Profile, lock_file: Path | None = None) -> ProfileSurvey:
    named = titles(store, profile)
    stories = tuple(
        named[row[0]]
        for row in store._conn.execute(
            "SELECT story_key FROM saves WHERE profile_id = ? ORDER BY started", (profile.id,)
        )
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
    stored = words.stored(store._conn, profile.id)
    with store.transaction() as conn:
        conn.execute("DELETE FROM profiles WHERE id = ?", (profile.id,))
        last = conn.execute("SELECT count(*) FROM profiles").fetchone()[0] == 0  # asked again: one may have come
    scrubbed = store.scrub()
    data_dir = store.data_dir
    to_remove = [lock_file] if lock_file is not None else []
    if last:
        to_remove += database_files(data_dir)
        store.close()
    removed, still_there = _remove(list(dict.fromkeys(to_remove)))
    if last and remove_set_aside:
        gone, kept = remove_set_aside_copies(data_dir)
        removed, still_there = removed + gone, still_there + kept
    if last:
        _remove_if_empty(data_dir / "locks")
    rows_left = _profile_rows_left(data_dir, profile.id)
    return Outcome(rows_left, traces(store, stored), scrubbed, tuple(removed), tuple(still_there))


def remove_folder_if_empty(path: Path) -> bool:
    return _remove_if_empty(path)


# -- copies set aside earlier ---------------------------------------------------------------------------
def remove_set_aside_copies(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """Remove the database copies set aside earlier (paths.set_aside_copies), with their side files.

    They hold whatever the database held when it was set aside, for every profile, unsealed or
    sealed as it was then; no passphrase or erase reaches into them. Each is overwritten with
    zeros before it is removed, so that the disk's freed blocks do not keep the words either
    (as far as the file system lets a program reach: see scrub.py). They are no open database, so
    opening them drops no lock of SQLite's. Returns (removed, could not be removed).
    """
    paths = _with_side_files(tuple(set_aside_copies(data_dir)))
    for path in paths:
        _overwrite(path)
    return _remove(paths)


# -- helpers ---------------------------------------------------------------------------------------
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
        return sum(words.count(conn, profile_id, kinds=words.ERASED).values())
    finally:
        conn.close()


def _answer_rows_left(data_dir: Path, entry_id: int) -> int:
    conn = _read_only(data_dir)
    if conn is None:
        return 0
    try:
        return conn.execute(f"SELECT count(*) FROM {words.ANSWERS.table} WHERE id = ?", (entry_id,)).fetchone()[0]  # noqa: S608 - a declared name
    finally:
        conn.close()


def _profile_rows_left(data_dir: Path, profile_id: int) -> int:
    conn = _read_only(data_dir)
    if conn is None:
        return 0
    try:
        return conn.execute(
            "SELECT (SELECT count(*) FROM profiles WHERE id = :p) + (SELECT count(*) FROM saves WHERE profile_id = :p)"
            " + (SELECT count(*) FROM seals WHERE profile_id = :p)",
            {"p": profile_id},
        ).fetchone()[0] + sum(words.count(conn, profile_id).values())
    finally:
        conn.close()


def _with_side_files(paths: tuple[Path, ...]) -> list[Path]:
    out = []
    for path in paths:
        out.append(path)
        out.extend(p for p in (Path(str(path) + s) for s in SIDE_FILES) if p.exists())
    return out


def _overwrite(path: Path) -> None:
    try:
        with open(path, "r+b") as file:
            size = os.fstat(file.fileno()).st_size
            for _ in range(0, size, 1 << 20):
                file.write(bytes(min(1 << 20, size - file.tell())))
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        pass  # removed all the same below, or reported as still there


def _remove(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    removed: list[Path] = []
    still_there: list[Path] = []
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
