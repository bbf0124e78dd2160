"""Setting, changing, opening and removing a profile's passphrase, against the store.

Setting, changing or removing one re-seals every word the profile has (every column words.py
declares: answers, their prompts, drafts, and the answers kept in steps) in ONE transaction with
the seal record: a crash halfway leaves the journal wholly as it was, never half in one key and
half in another. The caller then
scrubs the files (scrub.py) so that the old form of the words is not left in free pages or the
write-ahead log.

No terminal here: the questions are asked in `experience/privacy/`, and this module is given the
passphrase as a string. It imports `cryptography` (through sealing.py), so it is imported only
when a passphrase is involved.
"""

from __future__ import annotations

import sqlite3

from ..i18n import _
from . import words
from .journal import PLAIN, Sealing
from .sealing import KdfParams, SealRecord, WrongPassphrase, new_seal, open_seal
from .store import Profile, Store, StoreError
from .words import Resealed

__all__ = ["Resealed", "WrongPassphrase", "change", "record_of", "remove", "sealed_count", "set_new", "unlock"]


def record_of(store: Store, profile: Profile) -> SealRecord | None:
    row = store._conn.execute(
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
    _seal_what_is_still_plain(store, profile, sealing)
    return sealing


def set_new(store: Store, profile: Profile, passphrase: str) -> Resealed:
    """Give an unsealed profile a passphrase and seal everything it has written."""
    if store.is_sealed(profile):
        raise StoreError(_("This journal already has a passphrase; it can be changed or removed."))
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


def remove(store: Store, profile: Profile, old: Sealing, *, let_places_go: bool = False) -> Resealed:
    """Store everything plain again, and forget the passphrase.

    `old` may be PLAIN when no sealed words are left (after an erase): then no passphrase is
    needed for them. The place in each story is sealed too; without the passphrase it cannot be
    opened, so `let_places_go` removes it (the reader begins each story again, settings kept).
    """
    with store.transaction() as conn:
        if let_places_go:
            conn.execute("DELETE FROM saves WHERE profile_id = ?", (profile.id,))
        done = _reseal(store, profile, old, PLAIN)
        conn.execute("DELETE FROM seals WHERE profile_id = ?", (profile.id,))
    store.use_sealing(profile, None)
    return done


def sealed_count(store: Store, profile: Profile, *, words_only: bool = False) -> int:
    """How many of this profile's rows are sealed (0 means a passphrase protects nothing yet).

    With `words_only`, only rows holding what the reader wrote (what an erase removes), not places.
    """
    kinds = words.ERASED if words_only else words.WORDS
    return sum(words.count(store._conn, profile.id, sealed_only=True, kinds=kinds).values())


def _seal_what_is_still_plain(store: Store, profile: Profile, sealing: Sealing) -> None:
    """Seal, once, what a sealed profile still holds plain: steps written before snapshots could be
    sealed (database version 3). Tried again at the next unlock if it cannot be written now."""
    if store.read_only:
        return
    conn = store._conn
    if sum(words.count(conn, profile.id).values()) == sum(words.count(conn, profile.id, sealed_only=True).values()):
        return
    try:
        with store.transaction():
            words.reseal(conn, profile.id, sealing, sealing, plain_only=True)
        store.scrub()
    except (StoreError, sqlite3.Error):
        pass


def _reseal(store: Store, profile: Profile, old: Sealing, new: Sealing) -> Resealed:
    """Every word of the profile from `old` (or plain) to `new`, inside the caller's transaction."""
    try:
        return words.reseal(store._conn, profile.id, old, new)
    except words.Unopenable as error:
        raise StoreError(str(error)) from error


def _write_record(conn: sqlite3.Connection, profile: Profile, record: SealRecord, now: str) -> None:
    conn.execute(
        "INSERT INTO seals (profile_id, kdf, salt, n, r, p, verifier, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (profile.id, record.kdf, record.salt, record.params.n, record.params.r, record.params.p, record.verifier, now),
    )
