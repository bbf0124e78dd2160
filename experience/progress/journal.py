"""The reader's own words: journal answers and unsent drafts.

What a person typed goes through a `Sealing`, which turns text into what is stored and back:
`PLAIN`, or a passphrase's `FernetSealing` (sealing.py). Each row records which one wrote it. The
store hands a Journal the profile's sealing; this module never decides it.

Sealed with the answer is its prompt, because a prompt may quote the reader's earlier words
("what would you like {part_name} to hear?"). The story's own text (chapter titles, scene ids) is
not the reader's and stays plain.

This module writes `journal.answer`, `journal.prompt` and `drafts.text`; words.py declares every
column that holds the reader's words (these and the copies saves.py keeps), and is what re-seals,
counts and erases all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..i18n import lazy


class Sealing(Protocol):
    """How answers are kept at rest. `name` is stored beside each row that it wrote."""

    name: str

    def seal(self, text: str) -> bytes: ...

    def unseal(self, stored: bytes | str) -> str: ...


class PlainSealing:
    """Stored as UTF-8, protected by the file's owner-only permissions."""

    name = "plain"

    def seal(self, text: str) -> bytes:
        return text.encode("utf-8")

    def unseal(self, stored: bytes | str) -> str:
        if isinstance(stored, str):  # a prompt written before prompts could be sealed
            return stored
        return bytes(stored).decode("utf-8", errors="replace")


PLAIN = PlainSealing()


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    scene_id: str
    chapter_id: str
    chapter_title: str
    prompt: str
    answer: str
    created: str  # ISO 8601, UTC
    updated: str


class Journal:
    """One reader's journal for one story."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        profile_id: int,
        story_key: str,
        clock: Callable[[], str],
        sealing: Sealing = PLAIN,
        sealings: dict[str, Sealing] | None = None,
    ):
        self._conn = conn
        self._profile = profile_id
        self._story = story_key
        self._clock = clock
        self._sealing = sealing
        self._readers = {PLAIN.name: PLAIN, sealing.name: sealing, **(sealings or {})}

    # -- answers --------------------------------------------------------------------------------
    def add(self, *, scene_id: str, chapter_id: str, chapter_title: str, prompt: str, answer: str) -> int:
        now = self._clock()
        cursor = self._conn.execute(
            "INSERT INTO journal (profile_id, story_key, scene_id, chapter_id, chapter_title, prompt,"
            " answer, sealing, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._profile,
                self._story,
                scene_id,
                chapter_id,
                chapter_title,
                self._seal_prompt(prompt),
                self._sealing.seal(answer),
                self._sealing.name,
                now,
                now,
            ),
        )
        assert cursor.lastrowid is not None  # an INSERT into a rowid table always gives one
        return cursor.lastrowid

    def revise(self, entry_id: int, answer: str) -> None:
        """Change an answer (its date of change with it)."""
        self._rewrite(entry_id, answer=answer)

    def reask(self, entry_id: int, prompt: str) -> None:
        """Change the question kept with an answer: it quoted words of the reader's that changed."""
        self._rewrite(entry_id, prompt=prompt)

    def _rewrite(self, entry_id: int, *, answer: str | None = None, prompt: str | None = None) -> None:
        """Write an entry's answer or its question anew, sealing the other again with it (the two
        share one sealing). An answer that cannot be opened is left as it is, never replaced."""
        row = self._conn.execute(
            "SELECT answer, prompt, sealing FROM journal WHERE id = ? AND profile_id = ?", (entry_id, self._profile)
        ).fetchone()
        if row is None:
            return
        stored_answer, stored_prompt, how = row
        changed = None
        if answer is None:
            reader = self._readers.get(how)
            try:
                answer = reader.unseal(stored_answer) if reader is not None else None
            except Exception:  # damaged: keep it as it was
                answer = None
            if answer is None:
                return
        else:
            changed = self._clock()
        if prompt is None:
            prompt = self._unseal(stored_prompt, how, what="question")
        self._conn.execute(
            "UPDATE journal SET answer = ?, prompt = ?, sealing = ?, updated = coalesce(?, updated)"
            " WHERE id = ? AND profile_id = ?",
            (
                self._sealing.seal(answer),
                self._seal_prompt(prompt),
                self._sealing.name,
                changed,
                entry_id,
                self._profile,
            ),
        )

    def get(self, entry_id: int) -> Entry | None:
        row = self._conn.execute(_SELECT + " WHERE id = ? AND profile_id = ?", (entry_id, self._profile)).fetchone()
        return self._entry(row) if row else None

    def entries(self) -> list[Entry]:
        """Every answer in this story, oldest first."""
        rows = self._conn.execute(
            _SELECT + " WHERE profile_id = ? AND story_key = ? ORDER BY id", (self._profile, self._story)
        ).fetchall()
        return [self._entry(row) for row in rows]

    # -- drafts -----------------------------------------------------------------------------------
    def draft(self, scene_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT text, sealing FROM drafts WHERE profile_id = ? AND story_key = ? AND scene_id = ?",
            (self._profile, self._story, scene_id),
        ).fetchone()
        return self._unseal(row[0], row[1], what="draft") if row else None

    def keep_draft(self, scene_id: str, text: str) -> None:
        if not text.strip():
            self.drop_draft(scene_id)
            return
        self._conn.execute(
            "INSERT INTO drafts (profile_id, story_key, scene_id, text, sealing, updated) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (profile_id, story_key, scene_id) DO UPDATE SET"
            " text = excluded.text, sealing = excluded.sealing, updated = excluded.updated",
            (self._profile, self._story, scene_id, self._sealing.seal(text), self._sealing.name, self._clock()),
        )

    def drop_draft(self, scene_id: str) -> None:
        self._conn.execute(
            "DELETE FROM drafts WHERE profile_id = ? AND story_key = ? AND scene_id = ?",
            (self._profile, self._story, scene_id),
        )

    # -- reading rows -----------------------------------------------------------------------------
    def _seal_prompt(self, prompt: str) -> str | bytes:
        return prompt if self._sealing is PLAIN else self._sealing.seal(prompt)

    def _entry(self, row: tuple) -> Entry:
        id_, scene, chapter, title, prompt, answer, sealing, created, updated = row
        return Entry(
            id_,
            scene,
            chapter,
            title,
            self._unseal(prompt, sealing, what="question"),
            self._unseal(answer, sealing),
            created,
            updated,
        )

    def _unseal(self, stored: bytes | str, sealing: str, what: str = "answer") -> str:
        reader = self._readers.get(sealing)
        if reader is None:
            return str(_SEALED_OTHERWISE[what])
        try:
            return reader.unseal(stored)
        except Exception:  # a damaged row must not hide the rest of the journal
            return str(_DAMAGED[what])


# What is shown in place of words that cannot be opened, for each kind of words.
_SEALED_OTHERWISE = {
    "answer": lazy("(This answer was sealed in a way this version cannot open. It is kept as it was.)"),
    "question": lazy("(This question was sealed in a way this version cannot open. It is kept as it was.)"),
    "draft": lazy("(This draft was sealed in a way this version cannot open. It is kept as it was.)"),
}
_DAMAGED = {
    "answer": lazy("(This answer could not be opened: its stored copy is damaged. It is kept as it was.)"),
    "question": lazy("(This question could not be opened: its stored copy is damaged. It is kept as it was.)"),
    "draft": lazy("(This draft could not be opened: its stored copy is damaged. It is kept as it was.)"),
}
_SELECT = "SELECT id, scene_id, chapter_id, chapter_title, prompt, answer, sealing, created, updated FROM journal"
