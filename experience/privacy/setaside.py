"""Copies of the database set aside earlier: said plainly wherever they matter, removed when asked.

A damaged database is renamed aside, never deleted (progress/opening.py), so it still holds what
the database held then, for everyone who played here. No passphrase and no erase reaches into it,
so the commands that seal or erase words say that such copies exist, offer to remove them, and
never report words as sealed or gone while a copy still holds them.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import _, lazy
from ..progress.paths import set_aside_copies
from . import ask
from .running import say, warn

UNREACHED = lazy(
    "There are also older copies of the database here, set aside earlier because they could not be "
    "used. Nothing done here reaches into them: they still hold what the database held when each was "
    "set aside, for everyone who played here, as it was stored then (readable, if it was not sealed then):"
)
# Translators: {word} is the word to type, kept in English (the same in every language).
QUESTION = lazy("Type {word} to remove them too (they cannot be brought back), or just press Enter to keep them: ")


def ask_to_remove(copies: list[Path] | tuple[Path, ...]) -> bool:
    """Name the copies and ask; True only if the person types `remove` (ctrl+c or no input: keep)."""
    say("", str(UNREACHED), *(f"  {path}" for path in copies))
    try:
        return ask.confirm("remove", QUESTION.format(word="remove"))
    except ask.Cancelled:  # what was done before the question stays done: say nothing false
        return False


def offer_removal(data_dir: Path, *, may_ask: bool) -> bool:
    """After sealing or erasing: name any copies set aside, and remove them if the person agrees.

    True if no such copy is left. Without `may_ask` (`--yes`) they are named and kept.
    """
    from ..progress.erase import remove_set_aside_copies

    copies = set_aside_copies(data_dir)
    if not copies:
        return True
    if not may_ask:
        say("", str(UNREACHED), *(f"  {path}" for path in copies))
        say(_("They have been kept as they were. To remove them, run this again without --yes, or delete those files."))
        return False
    if not ask_to_remove(copies):
        say(_("They have been kept as they were."))
        return False
    removed, still_there = remove_set_aside_copies(data_dir)
    if removed:
        say(_("Removed:"), *(f"  {path}" for path in removed))
    for path in still_there:
        warn(_("{path} could not be removed.").format(path=path))
    return not still_there
