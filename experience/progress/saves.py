"""One reader's history in one story: every step's snapshot, oldest first, with their words apart.

Decisions, and why:

- The variables that hold what the reader wrote (a reflection's `save_as`) are written apart from
  the snapshot once the reader has answered (the value is no longer the story's starting value),
  in `steps.words` (words.KEPT), sealed like the journal: so a sealed journal has no plain copy in
  the history, and erasing the journal blanks them without the story or the passphrase. Reading
  puts them back; a step whose words were erased (or cannot be opened) simply lacks them, and the
  story's starting values stand in.
- With a passphrase the rest of the snapshot is sealed too (words.PLACE): the scene, what the
  reader chose (a role, a weather, a name for the younger part, kept in variables), the scenes
  visited and the choices taken. None of it was typed, but all of it came from the reader. An
  erase keeps it, since it is where the reader is; it goes when the profile is forgotten.
- Every write asks the store for the profile's sealing, so a sealed profile that has not been
  unlocked is refused (JournalLocked), never written plain.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .journal import PLAIN, Sealing

if TYPE_CHECKING:
    from .store import Store


class Save:
    """One reader's history in one story (see the module's notes). The variables named in `words`
    hold what the reader wrote, each mapped to the story's starting value for it."""

    def __init__(
        self,
        store: Store,
        profile_id: int,
        story_key: str,
        words: Mapping[str, Any] | None = None,
        title: str = "",
    ):
        self._store = store
        self._profile = profile_id
        self._story = story_key
        self._words = dict(words or {})
        self._title = title  # the story's title, noted with a new save so that it can be named
        self._id: int | None = None

    @property
    def exists(self) -> bool:
        return self._save_id(create=False) is not None

    def history(self) -> list[dict[str, Any]]:
        save_id = self._save_id(create=False)
        if save_id is None:
            return []
        rows = self._store._conn.execute(
            "SELECT snapshot, snapshot_sealing, words, sealing FROM steps WHERE save_id = ? ORDER BY position",
            (save_id,),
        ).fetchall()
        if all(row[1] == PLAIN.name and row[2] is None for row in rows):
            return [json_object(row[0]) for row in rows]
        sealing = self._store.sealing_for(self._profile)
        return [
            self._join(_opened(snapshot, how, sealing), words, words_how, sealing)
            for snapshot, how, words, words_how in rows
        ]

    def push(self, snapshot: dict[str, Any]) -> None:
        """A step forward: the new state goes on the end of the history."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            conn.execute(
                "INSERT INTO steps (save_id, position, snapshot, snapshot_sealing, words, sealing)"
                " SELECT ?, coalesce(max(position) + 1, 0), ?, ?, ?, ? FROM steps WHERE save_id = ?",
                (save_id, *self._split(snapshot), save_id),
            )

    def pop(self) -> None:
        """A step back: the last state is forgotten (its journal answer is not)."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            conn.execute(
                "DELETE FROM steps WHERE save_id = ? AND position ="
                " (SELECT max(position) FROM steps WHERE save_id = ?)",
                (save_id, save_id),
            )

    def replace_current(self, snapshot: dict[str, Any], entry_id: int | None = None) -> None:
        """Change the current state in place (an answer kept in a variable), not a new step."""
        with self._store.transaction() as conn:
            save_id = self._touch()
            conn.execute(
                "UPDATE steps SET snapshot = ?, snapshot_sealing = ?, words = ?, sealing = ?,"
                " entry_id = coalesce(?, entry_id)"
                " WHERE save_id = ? AND position = (SELECT max(position) FROM steps WHERE save_id = ?)",
                (*self._split(snapshot), entry_id, save_id, save_id),
            )

    def current_entry(self) -> int | None:
        """The journal entry written at the current step, if the reader answered here."""
        save_id = self._save_id(create=False)
        if save_id is None:
            return None
        row = self._store._conn.execute(
            "SELECT entry_id FROM steps WHERE save_id = ? ORDER BY position DESC LIMIT 1", (save_id,)
        ).fetchone()
        return row[0] if row else None

    def answered(self) -> set[int]:
        """The journal entries answered at a step still in this history (not gone back over)."""
        save_id = self._save_id(create=False)
        if save_id is None:
            return set()
        rows = self._store._conn.execute(
            "SELECT entry_id FROM steps WHERE save_id = ? AND entry_id IS NOT NULL", (save_id,)
        ).fetchall()
        return {row[0] for row in rows}

    def _split(self, snapshot: dict[str, Any]) -> tuple[str | bytes, str, bytes | None, str]:
        """As stored: the snapshot without the reader's words and its sealing, then those words
        sealed (or None) and theirs."""
        sealing = self._store.sealing_for(self._profile)
        variables = snapshot.get("variables")
        words: dict[str, Any] = {}
        rest = snapshot
        if self._words and isinstance(variables, dict):
            words = {k: v for k, v in variables.items() if k in self._words and v != self._words[k]}
            rest = dict(snapshot, variables={k: v for k, v in variables.items() if k not in words})
        text = _dump(rest)
        place = text if sealing is PLAIN else sealing.seal(text)
        if not words:
            return place, sealing.name, None, PLAIN.name
        return place, sealing.name, sealing.seal(_dump(words)), sealing.name

    @staticmethod
    def _join(snapshot: dict[str, Any], words: bytes | None, how: str, sealing: Sealing) -> dict[str, Any]:
        if words is None:
            return snapshot
        reader = {PLAIN.name: PLAIN, sealing.name: sealing}.get(how)
        try:
            kept = json_object(reader.unseal(words)) if reader is not None else {}
        except Exception:  # a damaged row: the story's starting values stand in, as after an erase
            kept = {}
        variables = snapshot.get("variables")
        snapshot["variables"] = {**(variables if isinstance(variables, dict) else {}), **kept}
        return snapshot

    def _touch(self) -> int:
        save_id = self._save_id(create=True)
        assert save_id is not None  # created if it was not there
        self._store._conn.execute("UPDATE saves SET updated = ? WHERE id = ?", (self._store.clock(), save_id))
        return save_id

    def _save_id(self, *, create: bool) -> int | None:
        if self._id is not None:
            return self._id
        conn = self._store._conn
        row = conn.execute(
            "SELECT id FROM saves WHERE profile_id = ? AND story_key = ?", (self._profile, self._story)
        ).fetchone()
        if row is not None:
            self._id = row[0]
        elif create:
            now = self._store.clock()
            cursor = conn.execute(
                "INSERT INTO saves (profile_id, story_key, title, started, updated) VALUES (?, ?, ?, ?, ?)",
                (self._profile, self._story, self._title, now, now),
            )
            self._id = cursor.lastrowid
        return self._id


def _dump(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))


def json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _opened(snapshot: str | bytes, how: str, sealing: Sealing) -> dict[str, Any]:
    """A stored snapshot, unsealed; a damaged one is empty (the story's start stands in)."""
    reader = {PLAIN.name: PLAIN, sealing.name: sealing}.get(how)
    try:
        return json_object(reader.unseal(snapshot)) if reader is not None else {}
    except Exception:
        return {}
