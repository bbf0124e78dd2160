"""The reader's own words: journal answers and unsent drafts.

This is the only module that reads or writes what a person typed. Everything goes through a
`Sealing`, which turns text into what is stored and back; today that is `PLAIN`. Encryption at
rest can be added as another Sealing (each row records which one wrote it, so old entries stay
readable), and export or erase commands can be written against `Journal` alone, without the
player knowing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Callable, Protocol


class Sealing(Protocol):
    """How answers are kept at rest. `name` is stored beside each row that it wrote."""

    name: str

    def seal(self, text: str) -> bytes: ...

    def unseal(self, stored: bytes) -> str: ...


class PlainSealing:
    """Stored as UTF-8, protected by the file's owner-only permissions."""

    name = "plain"

    def seal(self, text: str) -> bytes:
        return text.encode("utf-8")

    def unseal(self, stored: bytes) -> str:
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

    def __init__(self, conn: sqlite3.Connection, profile_id: int, story_key: str,
                 clock: Callable[[], str], sealing: Sealing = PLAIN,
                 sealings: dict[str, Sealing] | None = None):
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
            (self._profile, self._story, scene_id, chapter_id, chapter_title, prompt,
             self._sealing.seal(answer), self._sealing.name, now, now))
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def revise(self, entry_id: int, answer: str) -> None:
        self._conn.execute(
            "UPDATE journal SET answer = ?, sealing = ?, updated = ? WHERE id = ? AND profile_id = ?",
            (self._sealing.seal(answer), self._sealing.name, self._clock(), entry_id, self._profile))

    def get(self, entry_id: int) -> Entry | None:
        row = self._conn.execute(_SELECT + " WHERE id = ? AND profile_id = ?", (entry_id, self._profile)).fetchone()
        return self._entry(row) if row else None

    def entries(self) -> list[Entry]:
        """Every answer in this story, oldest first."""
        rows = self._conn.execute(_SELECT + " WHERE profile_id = ? AND story_key = ? ORDER BY id",
                                  (self._profile, self._story)).fetchall()
        return [self._entry(row) for row in rows]

    # -- drafts -----------------------------------------------------------------------------------
    def draft(self, scene_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT text, sealing FROM drafts WHERE profile_id = ? AND story_key = ? AND scene_id = ?",
            (self._profile, self._story, scene_id)).fetchone()
        return self._unseal(row[0], row[1]) if row else None

    def keep_draft(self, scene_id: str, text: str) -> None:
        if not text.strip():
            self.drop_draft(scene_id)
            return
        self._conn.execute(
            "INSERT INTO drafts (profile_id, story_key, scene_id, text, sealing, updated) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (profile_id, story_key, scene_id) DO UPDATE SET"
            " text = excluded.text, sealing = excluded.sealing, updated = excluded.updated",
            (self._profile, self._story, scene_id, self._sealing.seal(text), self._sealing.name, self._clock()))

    def drop_draft(self, scene_id: str) -> None:
        self._conn.execute("DELETE FROM drafts WHERE profile_id = ? AND story_key = ? AND scene_id = ?",
                           (self._profile, self._story, scene_id))

    # -- reading rows -----------------------------------------------------------------------------
    def _entry(self, row: tuple) -> Entry:
        id_, scene, chapter, title, prompt, answer, sealing, created, updated = row
        return Entry(id_, scene, chapter, title, prompt, self._unseal(answer, sealing), created, updated)

    def _unseal(self, stored: bytes, sealing: str) -> str:
        reader = self._readers.get(sealing)
        if reader is None:
            return "(This answer was sealed in a way this version cannot open. It is kept as it was.)"
        return reader.unseal(stored)


_SELECT = ("SELECT id, scene_id, chapter_id, chapter_title, prompt, answer, sealing, created, updated"
           " FROM journal")
