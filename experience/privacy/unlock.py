"""Asking for the passphrase before a sealed journal is opened: three tries, then a kind word.

`experience play` and the journal commands call `unlock` after opening the store and before
anything reads the profile's words. A profile without a passphrase costs one query and no import
of `cryptography`. The passphrase itself goes from getpass to the key derivation and nowhere else:
it is never printed, logged or stored, and only the derived key stays, in memory.
"""

from __future__ import annotations

import sys

from ..progress.store import Profile, Store, StoreError
from . import ask

TRIES = 3

LOST = (
    "If the passphrase is truly lost, nobody can open the sealed words: not you, not us;\n"
    "there is no back door. You can still begin again: 'experience journal erase' removes\n"
    "the sealed words, and then 'experience journal passphrase remove' lets you carry on\n"
    "without one, from the beginning of each story (your place is sealed too)."
)


class StillSealed(StoreError):
    """The passphrase was not given; the journal stays sealed and nothing was changed."""


def unlock(store: Store, profile: Profile | str, *, tries: int = TRIES) -> None:
    """Make the profile's words readable for this run, asking for the passphrase if it has one."""
    if isinstance(profile, str):
        found = store.find_profile(profile)
        if found is None:
            return
        profile = found
    if not store.is_sealed(profile):
        return
    from ..progress import passphrase

    whose = "" if profile.name == "default" else f" (“{profile.name}”)"
    print(f"Your journal{whose} is sealed with a passphrase.", file=sys.stderr)
    for attempt in range(1, tries + 1):
        try:
            given = ask.secret("Passphrase: ")
        except ask.Cancelled:
            raise StillSealed(
                "No passphrase was given, so your journal stays sealed. Nothing has been changed."
            ) from None
        try:
            passphrase.unlock(store, profile, given)
            return
        except passphrase.WrongPassphrase:
            if attempt < tries:
                print(
                    "That passphrase does not open this journal. Please try again\n(capital letters and spaces count).",
                    file=sys.stderr,
                )
    raise StillSealed(
        "That passphrase does not open this journal either, so it stays sealed,\n"
        "and nothing has been changed. Take a break, and try again whenever you like.\n\n" + LOST
    )
