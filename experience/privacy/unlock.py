"""Asking for the passphrase before a sealed journal is opened: three tries, then a kind word.

`experience play` and the journal commands call `unlock` after opening the store and before
anything reads the profile's words. A profile without a passphrase costs one query and no import
of `cryptography`. The passphrase itself goes from getpass to the key derivation and nowhere else:
it is never printed, logged or stored, and only the derived key stays, in memory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..care.wrapping import tell
from ..i18n import _, lazy
from ..progress.store import Profile, Store, StoreError
from ..story.safe_text import terminal_safe
from . import ask
from .running import command_line, warn

TRIES = 3
PROMPT = lazy("Passphrase: ")
SUPPORT_ASKS = 3  # how many times an empty Enter shows the support lines before it counts as a try

TITLE = lazy("Welcome back. Your journal is sealed")


def lost(profile: str, data_dir: Path) -> str:
    """What a person who has lost the passphrase can still do, with the commands they would type."""
    erase = command_line("journal erase", profile=profile, data_dir=data_dir)
    remove = command_line("journal passphrase remove", profile=profile, data_dir=data_dir)
    return _(
        "If the passphrase is truly lost, nobody can open the sealed words: not you, not us; there "
        "is no back door. You can still begin again: '{erase}' removes the sealed words, and then "
        "'{remove}' lets you carry on without one, from the beginning of each story (your place is "
        "sealed too)."
    ).format(erase=erase, remove=remove)


class StillSealed(StoreError):
    """The passphrase was not given; the journal stays sealed and nothing was changed."""


def unlock(store: Store, profile: Profile | str, *, tries: int = TRIES) -> None:
    """Make the profile's words readable for this run, asking for the passphrase if it has one.

    Before asking it says, calmly, what is asked and why, what happens if the passphrase is
    forgotten, and that support needs no passphrase: an empty Enter shows the support lines.
    """
    if isinstance(profile, str):
        found = store.find_profile(profile)
        if found is None:
            return
        profile = found
    if not store.is_sealed(profile):
        return
    from ..care.support import as_text
    from ..progress import passphrase

    sealed = (
        _("Your journal is sealed with a passphrase, so it opens only with it. Nothing is shown as you type.")
        if profile.name == "default"
        else _(
            "Your journal (“{profile}”) is sealed with a passphrase, so it opens only with it. "
            "Nothing is shown as you type."
        ).format(profile=terminal_safe(profile.name, lines=False))
    )
    warn(
        str(TITLE),
        "",
        sealed,
        "",
        _("If it has slipped your mind, take your time.") + " " + lost(profile.name, store.data_dir),
        "",
        _(
            "If you would like support now, you do not need to unlock anything: press Enter without "
            "typing, and the emergency numbers and crisis lines are shown here."
        ),
        "",
    )
    attempt, asked_for_support = 0, 0
    while attempt < tries:
        try:
            given = ask.secret(str(PROMPT))
        except ask.Cancelled:
            raise StillSealed(
                _("No passphrase was given, so your journal stays sealed. Nothing has been changed.")
            ) from None
        if not given and asked_for_support < SUPPORT_ASKS:
            asked_for_support += 1
            tell("", as_text().strip(), stream=sys.stderr, hang=2)  # each line's later lines under its own
            warn("", _("When you are ready, type your passphrase, or press ctrl+c to leave."))
            continue
        attempt += 1
        try:
            passphrase.unlock(store, profile, given)
            return
        except passphrase.WrongPassphrase:
            if attempt < tries:
                warn(
                    _(
                        "That passphrase does not open this journal. Please try again (capital letters and spaces "
                        "count)."
                    )
                )
    raise StillSealed(
        _(
            "That passphrase does not open this journal either, so it stays sealed, and nothing has been "
            "changed. Take a break, and try again whenever you like.\n\n"
        )
        + lost(profile.name, store.data_dir)
    )
