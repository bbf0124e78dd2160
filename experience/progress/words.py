"""The reader's own words: every column that holds them, declared once, and what reaches all of them.

What a person wrote is kept in a few columns: their answers, the questions asked with them, their
unsent drafts, and the copies of answers a story keeps in its variables for later scenes. Beside
them is the way they came: each step's snapshot (the scene, what they chose, where they have
been), not written by them but theirs, sealed with their words and kept by an erase. The writers
of those columns are journal.py (answers and drafts) and saves.py (the kept copies and the
snapshots). What must reach *all* of them goes through `WORDS` below and nothing else:

- `reseal`: every word from one sealing to another (a passphrase set, changed or removed);
- `count`: how many rows hold words (or sealed words), without reading them;
- `erase`: remove every word (`ERASED`), keeping where the reader is;
- `stored`: every word as it is stored, so that a check of the raw files can look for it after
  an erase or a re-seal (scrub.py);
- `answers_by_story`: the stories the reader answered in, which an export writes out.

And what reaches *one* answer wherever it is: `erase_answer` removes it with its copies (the
draft at its scene, and every copy a story keeps of it in its steps), and `rewrite_kept` changes
those copies when the reader edits it in their journal.

So a new column is declared here once and is then sealed, counted, erased and checked. A test
walks the schema and fails on any column that can hold text but is neither declared in `WORDS` nor
listed in `NOT_WORDS` with the reason it is not the reader's.

Migrations (migrations.py) are the one exception, on purpose: a released step is frozen, so it
names the columns as they were when it was written.

Everything here takes a connection and runs inside whatever transaction the caller holds. Its SQL
is put together from the table and column names declared here, and from nothing else.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from ..i18n import _
from ..story import kept_answer
from .journal import PLAIN, Sealing


class Erasing(Enum):
    """How an erase removes a table's words."""

    DELETE_ROW = "delete"  # the row is nothing but the words (an answer, a draft)
    BLANK_COLUMNS = "blank"  # the row is also where the reader is: keep it, empty its words
    KEEP = "keep"  # where the reader is: sealed like their words, kept by an erase, gone with the profile


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    checked: bool = True  # looked for in the raw files once it is removed or re-sealed
    plain_as_text: bool = False  # kept as TEXT, not bytes, while plain (it was TEXT before sealing)
    json_object: bool = False  # plain, it is a JSON object whose text values are looked for too


@dataclass(frozen=True, slots=True, kw_only=True)
class Words:
    """One table whose rows hold the reader's words, all sealed with the row's one sealing."""

    kind: str  # what a row is, where rows are counted: "answers", "drafts", "kept"
    table: str
    columns: tuple[Column, ...]
    keys: tuple[str, ...]  # what names one row, to rewrite it in place
    exported: str  # how these words leave in an export, or why they do not
    of_profile: str = "profile_id = :p"  # SQL: the profile's rows that hold words (`:p`: its id)
    erasing: Erasing = Erasing.DELETE_ROW
    sealing: str = "sealing"  # the column that names the sealing the row was written with


ANSWERS = Words(
    kind="answers",
    table="journal",
    columns=(
        Column("answer"),
        # A question may quote the reader ("what would you like {part_name} to hear?"), so it is
        # sealed with its answer; it is the story's text otherwise, and is not looked for alone.
        Column("prompt", checked=False, plain_as_text=True),
    ),
    keys=("id",),
    exported="every answer, with its question, by story and chapter",
)
DRAFTS = Words(
    kind="drafts",
    table="drafts",
    columns=(Column("text"),),
    keys=("profile_id", "story_key", "scene_id"),
    exported="not exported: an unsent draft is not an answer yet; it waits in the box where it was typed",
)
_STEP = ("save_id", "position")  # what names one step
_STEPS_OF_PROFILE = "save_id IN (SELECT id FROM saves WHERE profile_id = :p)"

KEPT = Words(
    kind="kept",
    table="steps",
    columns=(Column("words", json_object=True),),
    keys=_STEP,
    of_profile=f"words IS NOT NULL AND {_STEPS_OF_PROFILE}",
    erasing=Erasing.BLANK_COLUMNS,
    exported="not exported on their own: each is a copy of an answer that is",
)
PLACE = Words(
    kind="place",
    table="steps",
    # Where the reader is and the way they came: the scene, the story's variables (what they
    # chose: a role, a weather), the scenes visited and the choices taken. Not words they wrote,
    # but theirs all the same: with a passphrase it is sealed, so that nothing of the journey can
    # be read without it. An erase keeps it (the place is kept); forgetting the profile removes it.
    columns=(Column("snapshot", plain_as_text=True),),
    keys=_STEP,
    of_profile=_STEPS_OF_PROFILE,
    erasing=Erasing.KEEP,
    sealing="snapshot_sealing",
    exported="not exported: where the reader is in a story is not part of the letter",
)

WORDS: tuple[Words, ...] = (ANSWERS, DRAFTS, KEPT, PLACE)
ERASED: tuple[Words, ...] = tuple(w for w in WORDS if w.erasing is not Erasing.KEEP)  # what an erase removes

# Every other column that can hold text, each with the reason it is not the reader's words. Not
# sealed, not erased with the journal; `forget` removes them with the profile.
NOT_WORDS: dict[str, tuple[str, ...]] = {
    "profiles": (
        "name",  # the profile's name, given on the command line; needed to find a profile before it is unlocked
        "created",  # a time
        "settings",  # the reader's settings (a theme, a pace); `passphrase set` says they are not sealed
    ),
    "saves": (
        "story_key",  # the story's lasting key: its id, or its title folded (filing.py)
        "title",  # the story's title, as it was last played, to name it by
        "started",  # a time
        "updated",  # a time
    ),
    "steps": (
        "sealing",  # the name of the sealing that wrote steps.words
        "snapshot_sealing",  # the name of the sealing that wrote steps.snapshot
    ),
    "journal": (
        "story_key",  # the story's lasting key (see saves.story_key)
        "scene_id",  # the story's name for the scene
        "chapter_id",  # the story's name for the chapter
        "chapter_title",  # the story's title for the chapter
        "sealing",  # the name of the sealing that wrote the answer and its question
        "created",  # a time
        "updated",  # a time
    ),
    "drafts": (
        "story_key",  # the story's lasting key (see saves.story_key)
        "scene_id",  # the story's name for the scene
        "sealing",  # the name of the sealing that wrote the draft
        "updated",  # a time
    ),
    "seals": (
        "kdf",  # the name of the key derivation
        "salt",  # random bytes
        "verifier",  # a known text of the program's, sealed, that tells a right passphrase from a wrong one
        "created",  # a time
    ),
}


class Unopenable(Exception):
    """Some words could not be read to be sealed again; nothing was changed (the caller rolls back)."""


@dataclass(frozen=True, slots=True)
class Resealed:
    """What a re-seal rewrote: rows of each kind, and the form each word had before."""

    rows: Mapping[str, int]  # kind -> rows
    previous: tuple[bytes, ...]  # the stored form each word had before, for checking the files

    @property
    def answers(self) -> int:
        return self.rows.get(ANSWERS.kind, 0)

    @property
    def drafts(self) -> int:
        return self.rows.get(DRAFTS.kind, 0)

    @property
    def steps(self) -> int:
        return self.rows.get(KEPT.kind, 0)

    @property
    def places(self) -> int:
        return self.rows.get(PLACE.kind, 0)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def count(
    conn: sqlite3.Connection, profile_id: int, *, sealed_only: bool = False, kinds: tuple[Words, ...] = WORDS
) -> dict[str, int]:
    """How many of the profile's rows hold words (or, with `sealed_only`, sealed words), by kind."""
    out = {}
    for declared in kinds:
        sealed = f" AND {declared.sealing} != '{PLAIN.name}'" if sealed_only else ""
        sql = f"SELECT count(*) FROM {declared.table} WHERE ({declared.of_profile}){sealed}"  # noqa: S608 - only names declared here
        out[declared.kind] = conn.execute(sql, {"p": profile_id}).fetchone()[0]
    return out


def answers_by_story(conn: sqlite3.Connection, profile_id: int) -> dict[str, int]:
    """The stories the profile answered in, in the order each was first written in, with their answers."""
    return dict(
        conn.execute(
            f"SELECT story_key, count(*) FROM {ANSWERS.table} WHERE {ANSWERS.of_profile}"  # noqa: S608 - only names declared here
            " GROUP BY story_key ORDER BY min(id)",
            {"p": profile_id},
        ).fetchall()
    )


def stored(conn: sqlite3.Connection, profile_id: int, kinds: tuple[Words, ...] = WORDS) -> list[bytes]:
    """Every word of the profile as it is stored on disk (sealed or plain), to look for afterwards."""
    out: list[bytes] = []
    for declared in kinds:
        checked = [column for column in declared.columns if column.checked]
        names = ", ".join(column.name for column in checked)
        sql = f"SELECT {names} FROM {declared.table} WHERE {declared.of_profile}"  # noqa: S608 - only names declared here
        for row in conn.execute(sql, {"p": profile_id}):
            for column, value in zip(checked, row, strict=True):
                if value is not None:
                    out.extend(_stored_forms(column, value))
    return out


def erase(conn: sqlite3.Connection, profile_id: int) -> None:
    """Remove every word of the profile: delete rows that are only words, blank the others."""
    for declared in ERASED:
        if declared.erasing is Erasing.DELETE_ROW:
            sql = f"DELETE FROM {declared.table} WHERE {declared.of_profile}"  # noqa: S608 - only names declared here
        else:
            blank = ", ".join(f"{column.name} = NULL" for column in declared.columns)
            sql = (
                f"UPDATE {declared.table} SET {blank}, {declared.sealing} = '{PLAIN.name}' WHERE {declared.of_profile}"  # noqa: S608 - only names declared here
            )
        conn.execute(sql, {"p": profile_id})


def reseal(
    conn: sqlite3.Connection, profile_id: int, old: Sealing, new: Sealing, *, plain_only: bool = False
) -> Resealed:
    """Every word of the profile from `old` (or plain) to `new`; Unopenable if one cannot be read.

    With `plain_only`, only the rows still stored plain (written before they could be sealed).
    Run it inside a transaction: an Unopenable halfway must leave every word as it was.
    """
    readers = {PLAIN.name: PLAIN, old.name: old}
    previous: list[bytes] = []
    rows: dict[str, int] = {}
    for declared in WORDS:
        names = [*declared.keys, *(column.name for column in declared.columns), declared.sealing]
        plain = f" AND {declared.sealing} = '{PLAIN.name}'" if plain_only else ""
        found = conn.execute(
            f"SELECT {', '.join(names)} FROM {declared.table} WHERE ({declared.of_profile}){plain}",  # noqa: S608 - only names declared here
            {"p": profile_id},
        ).fetchall()
        assignments = ", ".join(f"{column.name} = ?" for column in declared.columns)
        where = " AND ".join(f"{key} = ?" for key in declared.keys)
        update = f"UPDATE {declared.table} SET {assignments}, {declared.sealing} = ? WHERE {where}"  # noqa: S608 - only names declared here
        for row in found:
            key, values, how = row[: len(declared.keys)], row[len(declared.keys) : -1], row[-1]
            again = []
            for column, value in zip(declared.columns, values, strict=True):
                text = _open(readers.get(how), value)
                if column.checked:
                    previous.extend(_stored_forms(column, value))
                again.append(text if column.plain_as_text and new is PLAIN else new.seal(text))
            conn.execute(update, (*again, new.name, *key))
        rows[declared.kind] = len(found)
    return Resealed(rows, tuple(previous))


def erase_answer(
    conn: sqlite3.Connection, profile_id: int, entry_id: int, *, sealing: Sealing, variable: str | None
) -> list[bytes]:
    """Remove one answer, the draft at its scene and the story's kept copies of it.

    Returns every removed word as it was stored, so that the files can be searched for it
    afterwards; Unopenable (nothing is removed, the caller rolls back) if a copy cannot be read.
    Run it inside a transaction.
    """
    row = conn.execute(
        f"SELECT answer, story_key, scene_id, sealing FROM {ANSWERS.table} WHERE id = ? AND profile_id = ?",  # noqa: S608 - only names declared here
        (entry_id, profile_id),
    ).fetchone()
    if row is None:
        return []
    answer, story_key, scene_id, how = row
    text = _open({PLAIN.name: PLAIN, sealing.name: sealing}.get(how), answer)
    removed = _stored_forms(ANSWERS.columns[0], answer)
    where = "profile_id = ? AND story_key = ? AND scene_id = ?"
    for (draft,) in conn.execute(f"SELECT text FROM {DRAFTS.table} WHERE {where}", (profile_id, story_key, scene_id)):  # noqa: S608 - only names declared here
        removed += _stored_forms(DRAFTS.columns[0], draft)
    removed += rewrite_kept(
        conn, profile_id, story_key, sealing=sealing, variable=variable, old=kept_answer(text), new=None
    )
    conn.execute(f"DELETE FROM {DRAFTS.table} WHERE {where}", (profile_id, story_key, scene_id))  # noqa: S608 - only names declared here
    conn.execute(f"DELETE FROM {ANSWERS.table} WHERE id = ? AND profile_id = ?", (entry_id, profile_id))  # noqa: S608 - only names declared here
    return removed


def rewrite_kept(
    conn: sqlite3.Connection,
    profile_id: int,
    story_key: str,
    *,
    sealing: Sealing,
    variable: str | None,
    old: str,
    new: str | None,
) -> list[bytes]:
    """Every copy of one answer that a story keeps in its steps: `old` in `variable` (in any
    variable, when None) becomes `new`, or is removed when `new` is None; the story's starting
    value then stands in, as after an erase. Returns the stored forms of the rows it rewrote.
    Unopenable if a row cannot be read: run it inside a transaction."""
    readers = {PLAIN.name: PLAIN, sealing.name: sealing}
    column = KEPT.columns[0]
    rows = conn.execute(
        f"SELECT save_id, position, {column.name}, {KEPT.sealing} FROM {KEPT.table} WHERE {column.name} IS NOT NULL"  # noqa: S608 - only names declared here
        " AND save_id IN (SELECT id FROM saves WHERE profile_id = ? AND story_key = ?)",
        (profile_id, story_key),
    ).fetchall()
    before: list[bytes] = []
    for save_id, position, stored, how in rows:
        try:
            kept = json.loads(_open(readers.get(how), stored))
        except ValueError as error:
            raise Unopenable(_("Some of your words could not be opened, so nothing has been changed.")) from error
        if not isinstance(kept, dict):
            continue
        names = [name for name, value in kept.items() if value == old and variable in (None, name)]
        if not names:
            continue
        before += _stored_forms(column, stored)
        for name in names:
            if new is None:
                del kept[name]
            else:
                kept[name] = new
        words, how = (sealing.seal(_json(kept)), sealing.name) if kept else (None, PLAIN.name)
        conn.execute(
            f"UPDATE {KEPT.table} SET {column.name} = ?, {KEPT.sealing} = ? WHERE save_id = ? AND position = ?",  # noqa: S608 - only names declared here
            (words, how, save_id, position),
        )
    return before


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _open(reader: Sealing | None, value: bytes | str) -> str:
    if reader is None:
        raise Unopenable(
            _("Some of your words were sealed in a way this version cannot open, so nothing has been changed.")
        )
    try:
        return reader.unseal(value)
    except Exception as error:
        raise Unopenable(
            _("Some of your words could not be opened (their stored copy is damaged), so nothing has been changed.")
        ) from error


def _stored_forms(column: Column, value: bytes | str) -> list[bytes]:
    """The stored value as bytes, and for a plain JSON object each text inside it on its own."""
    raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    if not column.json_object:
        return [raw]
    try:
        inside = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return [raw]  # sealed: its stored form is what is on disk
    if not isinstance(inside, dict):
        return [raw]
    return [raw, *(v.encode("utf-8") for v in inside.values() if isinstance(v, str))]
