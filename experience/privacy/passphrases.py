"""`experience journal passphrase set|change|remove`: sealing the reader's words, or no longer.

The passphrase is asked twice (never echoed, never kept); the words are re-sealed in one
transaction (see `progress/passphrase.py`), the files scrubbed, and then checked for the words'
earlier form, which the report states as it was found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..i18n import _, lazy, ngettext
from ..progress.journal import PLAIN
from . import ask
from .running import DataDir, Refused, command, command_line, join, opened, say, warn, whose
from .setaside import offer_removal
from .unlock import StillSealed, unlock

if TYPE_CHECKING:
    from ..progress.store import Profile, Store
    from ..progress.words import Resealed

Action = Literal["set", "change", "remove"]

PLACES_SEALED = lazy(
    "Nothing you wrote is sealed any more, but your place in each story is (where you are, and "
    "the way you came). With the passphrase it is kept, unsealed; without it nobody can open it, so "
    "it would be let go and you would begin each story again. Your settings are kept either way."
)

# Whole paragraphs, so that each terminal folds them to its own width (care/wrapping.py).
EXPLAIN_SET = lazy(
    "A passphrase seals your journal on this computer: your answers and their questions, your unsent "
    "drafts, and your place in each story (where you are, what you chose on the way, and the words the "
    "story keeps to use in later scenes). Without the passphrase they cannot be read, by anyone. Not "
    "sealed: your settings, the name of your profile, the titles of the stories, the names of the "
    "chapters and scenes where you wrote, the dates and times, and how many answers and steps there are."
    "\n\n"
    "Please choose one you will remember, and keep it somewhere safe. If it is lost, it cannot be "
    "recovered or reset, not by you and not by us: there is no back door, and your sealed words would "
    "stay unreadable for good. (You could still erase them and begin again.)"
    "\n\n"
    "You will be asked for it each time you open your journey or your journal.\n"
)


@command
def passphrase(action: Action, *, profile: str, data_dir: DataDir = None, lang: str | None = None) -> int:
    """Set, change or remove the passphrase that seals the profile's words (`lang`: the language
    `--lang` named, if any)."""
    from ..progress import passphrase as keys
    from ..progress.scrub import traces

    with opened(profile, data_dir, create=action == "set", lang=lang) as (store, found, _lock):
        if found is None or (action != "set" and not store.is_sealed(found)):
            say(
                _("The journal of {profile} has no passphrase. To set one: {command}").format(
                    profile=whose(profile),
                    command=command_line("journal passphrase set", profile=profile, data_dir=store.data_dir),
                )
                if action == "change"
                else _("The journal of {profile} has no passphrase.").format(profile=whose(profile))
            )
            return 0 if action == "remove" else 1
        if action == "set":
            if store.is_sealed(found):
                raise Refused(
                    _("Your journal already has a passphrase. To change it: {command}").format(
                        command=command_line("journal passphrase change", profile=found.name, data_dir=store.data_dir)
                    )
                )
            say(str(EXPLAIN_SET))
            new = _ask_new()
            say(_("Sealing…"))
            done = keys.set_new(store, found, new)
        elif action == "change":
            unlock(store, found)
            new = _ask_new()
            done = keys.change(store, found, store.sealing_for(found), new)
        else:
            done, let_go = _remove(store, found)
        scrubbed = store.scrub()
        left = traces(store, done.previous)
        folder = store.data_dir
    if action == "remove":
        said = [_("Your journal no longer has a passphrase.")]
        if done.total:
            # Translators: {what} lists what was unsealed: "3 answers, 1 draft and your place in the story".
            said.append(_("Stored unsealed again: {what}.").format(what=_counted(done)))
        if let_go:
            said.append(_("Your place in each story was let go: you will begin again. Your settings are kept."))
        say(" ".join(said))
        return 0
    if not done.total:
        say(
            _("Your journal is sealed: everything you write from now on will be sealed.")
            if action == "set"
            else _("Your journal is sealed with the new passphrase: everything you write from now on will be sealed.")
        )
        status = 0
    else:
        if action == "set":
            # Translators: {what} lists what was sealed: "3 answers, 1 draft and your place in the story".
            sealed = _("Your journal is sealed: {what}.")
        else:
            # Translators: {what} lists what was sealed: "3 answers, 1 draft and your place in the story".
            sealed = _("Your journal is sealed with the new passphrase: {what}.")
        say(sealed.format(what=_counted(done)))
        status = 0 if left.clean and scrubbed else 1
        if status == 0:
            say(_("Checked: none of the words as they were stored before can be found in the database files any more."))
        else:
            again = command_line("journal passphrase change", profile=found.name, data_dir=store.data_dir)
            warn(
                (
                    _(
                        "The words are sealed, but their earlier form could still be found in the database files. "
                        "Close the other windows of this program and run '{command}' to clear it."
                    )
                    if scrubbed
                    else _(
                        "The words are sealed, but their earlier form could still be found in the database files, "
                        "because another window is using this data folder. Close the other windows of this program "
                        "and run '{command}' to clear it."
                    )
                ).format(command=again)
            )
    return status if offer_removal(folder, may_ask=True) else 1


def _remove(store: Store, found: Profile) -> tuple[Resealed, bool]:
    """Remove the passphrase, asking for it where something sealed is left; True if places were let go."""
    from ..progress import passphrase as keys

    say(
        _(
            "Without a passphrase your journal is kept unsealed: still readable only by your user "
            "account on this computer, but by anything that can read your files."
        )
    )
    if keys.sealed_count(store, found, words_only=True):
        unlock(store, found)
        return keys.remove(store, found, store.sealing_for(found)), False
    if not keys.sealed_count(store, found):
        say(_("Nothing sealed is left in your journal, so the passphrase is not needed to remove it."))
        return keys.remove(store, found, PLAIN), False
    say(str(PLACES_SEALED))
    try:
        unlock(store, found)
    except StillSealed:
        # Translators: {word} is the word to type, kept in English (the same in every language).
        asked = _("Type {word} to begin again without it, or just press Enter to keep it all as it is: ")
        if not ask.confirm("begin", asked.format(word="begin")):
            raise Refused(_("Nothing has been changed: your journal keeps its passphrase.")) from None
        return keys.remove(store, found, PLAIN, let_places_go=True), True
    return keys.remove(store, found, store.sealing_for(found)), False


def _counted(done: Resealed) -> str:
    parts = [ngettext("{n} answer", "{n} answers", done.answers).format(n=done.answers)]
    if not done.answers and done.total:
        parts = []
    if done.drafts:
        parts.append(ngettext("{n} draft", "{n} drafts", done.drafts).format(n=done.drafts))
    if done.steps:
        parts.append(_("the copies the story keeps for later scenes"))
    if done.places:
        parts.append(_("your place in the story"))
    return join(parts)


def _ask_new(tries: int = 3) -> str:
    """A new passphrase, asked twice; refused if too short or if the two differ."""
    from ..progress.sealing import MIN_LENGTH

    for attempt in range(tries):
        first = ask.secret(_("New passphrase: "))
        if len(first) < MIN_LENGTH:
            warn(
                ngettext(
                    "Please use at least {n} character: a few words you will remember are better than a short word.",
                    "Please use at least {n} characters: a few words you will remember are better than a short word.",
                    MIN_LENGTH,
                ).format(n=MIN_LENGTH)
            )
            continue
        if ask.secret(_("The same passphrase again: ")) == first:
            return first
        warn(
            _("Those two were not the same. Let's try again.")
            if attempt + 1 < tries
            else _("Those two were not the same.")
        )
    raise Refused(_("No passphrase was set, and nothing has been changed."))
