"""`experience journal passphrase set|change|remove`: sealing the reader's words, or no longer.

The passphrase is asked twice (never echoed, never kept); the words are re-sealed in one
transaction (see `progress/passphrase.py`), the files scrubbed, and then checked for the words'
earlier form, which the report states as it was found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..progress.journal import PLAIN, Sealing
from . import ask
from .running import DataDir, Refused, command, command_line, join, opened, plural, say, warn, whose
from .unlock import unlock

if TYPE_CHECKING:
    from ..progress.words import Resealed

Action = Literal["set", "change", "remove"]

EXPLAIN_SET = """\
A passphrase seals your journal on this computer: your answers, your unsent drafts, and the
words the story keeps to use in later scenes. Without the passphrase they cannot be read, by
anyone. Where you are in the story and your settings are not sealed.

Please choose one you will remember, and keep it somewhere safe. If it is lost, it cannot be
recovered or reset, not by you and not by us: there is no back door, and your sealed words would
stay unreadable for good. (You could still erase them and begin again.)

You will be asked for it each time you open your journey or your journal.
"""


@command
def passphrase(action: Action, *, profile: str, data_dir: DataDir = None) -> int:
    """Set, change or remove the passphrase that seals the profile's words."""
    from ..progress import passphrase as keys
    from ..progress.scrub import traces

    with opened(profile, data_dir, create=action == "set") as (store, found, _lock):
        if found is None or (action != "set" and not store.is_sealed(found)):
            say(
                f"The journal of {whose(profile)} has no passphrase."
                + (
                    " To set one: " + command_line("journal passphrase set", profile=profile, data_dir=store.data_dir)
                    if action == "change"
                    else ""
                )
            )
            return 0 if action == "remove" else 1
        if action == "set":
            if store.is_sealed(found):
                raise Refused(
                    "Your journal already has a passphrase. To change it: "
                    + command_line("journal passphrase change", profile=found.name, data_dir=store.data_dir)
                )
            say(EXPLAIN_SET)
            new = _ask_new()
            say("Sealing…")
            done = keys.set_new(store, found, new)
        elif action == "change":
            unlock(store, found)
            new = _ask_new()
            done = keys.change(store, found, store.sealing_for(found), new)
        else:
            say(
                "Without a passphrase your journal is kept unsealed: still readable only by your user "
                "account on this computer, but by anything that can read your files."
            )
            old: Sealing = PLAIN
            if keys.sealed_count(store, found):
                unlock(store, found)
                old = store.sealing_for(found)
            else:
                say("Nothing sealed is left in your journal, so the passphrase is not needed to remove it.")
            done = keys.remove(store, found, old)
        scrubbed = store.scrub()
        left = traces(store.data_dir, done.previous)
    if action == "remove":
        say(
            "Your journal no longer has a passphrase."
            + (f" {_counted(done)[0].upper()}{_counted(done)[1:]} are stored unsealed again." if done.total else "")
        )
        return 0
    what = "Your journal is sealed" if action == "set" else "Your journal is sealed with the new passphrase"
    if not done.total:
        say(f"{what}: everything you write from now on will be sealed.")
        return 0
    say(f"{what}: {_counted(done)}.")
    if left.clean and scrubbed:
        say("Checked: none of the words as they were stored before can be found in the database files any more.")
        return 0
    warn(
        "The words are sealed, but their earlier form could still be found in the database files"
        + ("" if scrubbed else ", because another window is using this data folder")
        + ". Close the other windows of this program and run '"
        + command_line("journal passphrase change", profile=found.name, data_dir=store.data_dir)
        + "' to clear it."
    )
    return 1


def _counted(done: Resealed) -> str:
    parts = [plural(done.answers, "answer")]
    if done.drafts:
        parts.append(plural(done.drafts, "draft"))
    if done.steps:
        parts.append("the copies the story keeps for later scenes")
    return join(parts)


def _ask_new(tries: int = 3) -> str:
    """A new passphrase, asked twice; refused if too short or if the two differ."""
    from ..progress.sealing import MIN_LENGTH

    for _ in range(tries):
        first = ask.secret("New passphrase: ")
        if len(first) < MIN_LENGTH:
            warn(
                f"Please use at least {MIN_LENGTH} characters: a few words you will remember are better "
                "than a short word."
            )
            continue
        if ask.secret("The same passphrase again: ") == first:
            return first
        warn("Those two were not the same. Let's try again.")
    raise Refused("No passphrase was set, and nothing has been changed.")
