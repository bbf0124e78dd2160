"""Setting, changing, opening and removing a profile's passphrase, against the store.

Setting, changing or removing one re-seals every word the profile has (answers, their prompts,
drafts, and the answers kept in steps) in ONE transaction with the seal record: a crash halfway
leaves the journal wholly as it was, never half in one key and half in another. The caller then
scrubs the files (scrub.py) so that the old form of the words is not left in free pages or the
write-ahead log.

No terminal here: the questions are asked in `experience/privacy/`, and this module is given the
passphrase as a string. It imports `cryptography` (through sealing.py), so it is imported only
when a passphrase is involved.
"""

from __future__ import annotations

from dataclasses import dataclass

from .journal import PLAIN, Sealing
from .sealing import KdfParams, SealRecord, WrongPassphrase, new_seal, open_seal
from .store import Profile, Store, StoreError

__all__ = ["Resealed", "WrongPassphrase", "change", "record_of", "remove", "set_new", "unlock"]


@dataclass(frozen=True, slots=True)
class Resealed:
    answers: int
    drafts: int
    steps: int
    previous: tuple[bytes, ...]  # the stored form each word had before, for checking the files

    @property
    def total(self) -> int:
        return self.answers + self.drafts + self.steps


def record_of(store: Store, profile: Profile) -> SealRecord | None:
    row = store.conn.execute(
        "SELECT kdf, salt, n, r, p, verifier FROM seals WHERE profile_id = ?", (profile.id,)
    ).fetchone()
    if row is None:
        return None
    kdf, salt, n, r, p, verifier = row
    return SealRecord(bytes(salt), KdfParams(n, r, p), bytes(verifier), kdf)


def unlock(store: Store, profile: Profile, passphrase: str) -> Sealing:
    """Open the profile's words with `passphrase` (WrongPassphrase if it does not fit)."""
    record = record_of(store, profile)
    if record is None:
        return PLAIN
    sealing = open_seal(record, passphrase)
    store.use_sealing(profile, sealing)
    return sealing


def set_new(store: Store, profile: Profile, passphrase: str) -> Resealed:
    """Give an unsealed profile a passphrase and seal everything it has written."""
    if store.is_sealed(profile):
        raise StoreError("This journal already has a passphrase; it can be changed or removed.")
    record, sealing = new_seal(passphrase)
    with store.transaction() as conn:
        done = _reseal(store, profile, PLAIN, sealing)
        _write_record(conn, profile, record, store.clock())
    store.use_sealing(profile, sealing)
    return done


def change(store: Store, profile: Profile, old: Sealing, passphrase: str) -> Resealed:
    """Seal everything again under a new passphrase, with a new salt."""
    record, sealing = new_seal(passphrase)
    with store.transaction() as conn:
        done = _reseal(store, profile, old, sealing)
        conn.execute("DELETE FROM seals WHERE profile_id = ?", (profile.id,))
        _write_record(conn, profile, record, store.clock())
    store.use_sealing(profile, sealing)
    return done


def remove(store: Store, profile: Profile, old: Sealing) -> Resealed:
    """Store everything plain again, and forget the passphrase.

    `old` may be PLAIN when nothing sealed is left (after an erase): then no passphrase is needed,
    because there is nothing it protects.
    """
    with store.transaction() as conn:
        done = _reseal(store, profile, old, PLAIN)
        conn.execute("DELETE FROM seals WHERE profile_id = ?", (profile.id,))
    store.use_sealing(profile, None)
    return done


def sealed_count(store: Store, profile: Profile) -> int:
    """How many of this profile's rows hold sealed words (0 means a passphrase protects nothing yet)."""
    return store.conn.execute(
        "SELECT (SELECT count(*) FROM journal WHERE profile_id = :p AND sealing != 'plain')"
        " + (SELECT count(*) FROM drafts WHERE profile_id = :p AND sealing != 'plain')"
        " + (SELECT count(*) FROM steps JOIN saves ON saves.id = steps.save_id"
        "    WHERE saves.profile_id = :p AND steps.words IS NOT NULL AND steps.sealing != 'plain')",
        {"p": profile.id},
    ).fetchone()[0]


# -- re-sealing ----------------------------------------------------------------------------------
def _reseal(store: Store, profile: Profile, old: Sealing, new: Sealing) -> Resealed:
    """Every word of the profile from `old` (or plain) to `new`, inside the caller's transaction."""
    conn = store.conn
    readers = {PLAIN.name: PLAIN, old.name: old}
    previous: list[bytes] = []

    def again(stored: bytes | str, how: str, *, prompt: bool = False) -> bytes | str:
        reader = readers.get(how)
        if reader is None:
            raise StoreError(
                "Some of your words were sealed in a way this version cannot open, so nothing has been changed."
            )
        try:
            text = reader.unseal(stored)  # type: ignore[arg-type]
        except Exception as error:
            raise StoreError(
                "Some of your words could not be opened (their stored copy is damaged), so nothing has been changed."
            ) from error
        if prompt:  # the story's question: its words are the reader's answer, already counted
            return text if new is PLAIN else new.seal(text)
        previous.append(bytes(stored))
        return new.seal(text)

    answers = conn.execute(
        "SELECT id, prompt, answer, sealing FROM journal WHERE profile_id = ?", (profile.id,)
    ).fetchall()
    for id_, prompt, answer, how in answers:
        conn.execute(
            "UPDATE journal SET prompt = ?, answer = ?, sealing = ? WHERE id = ?",
            (again(prompt, how, prompt=True), again(answer, how), new.name, id_),
        )
    drafts = conn.execute(
        "SELECT story_key, scene_id, text, sealing FROM drafts WHERE profile_id = ?", (profile.id,)
    ).fetchall()
    for story, scene, text, how in drafts:
        conn.execute(
            "UPDATE drafts SET text = ?, sealing = ? WHERE profile_id = ? AND story_key = ? AND scene_id = ?",
            (again(text, how), new.name, profile.id, story, scene),
        )
    steps = conn.execute(
        "SELECT steps.save_id, steps.position, steps.words, steps.sealing FROM steps"
        " JOIN saves ON saves.id = steps.save_id"
        " WHERE saves.profile_id = ? AND steps.words IS NOT NULL",
        (profile.id,),
    ).fetchall()
    for save_id, position, words, how in steps:
        conn.execute(
            "UPDATE steps SET words = ?, sealing = ? WHERE save_id = ? AND position = ?",
            (again(words, how), new.name, save_id, position),
        )
    return Resealed(len(answers), len(drafts), len(steps), tuple(previous))


def _write_record(conn, profile: Profile, record: SealRecord, now: str) -> None:
    conn.execute(
        "INSERT INTO seals (profile_id, kdf, salt, n, r, p, verifier, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (profile.id, record.kdf, record.salt, record.params.n, record.params.r, record.params.p, record.verifier, now),
    )
