"""`experience journal erase` and `experience forget`: the reader's words, or the whole profile, gone.

Each says what it will remove before anything that cannot be undone, asks, removes it (see
`progress/erase.py`), and then reports what a check made afresh from the disk found, as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..care.settings import setting_name
from ..i18n import _, lazy, ngettext
from ..progress.paths import DATABASE_NAME, resolve_data_dir
from . import ask
from .running import DataDir, command, command_line, join, opened, say, warn, whose
from .setaside import ask_to_remove, offer_removal

if TYPE_CHECKING:
    from ..progress.erase import Outcome

NOT_REACHED = lazy(
    "Copies kept outside these files (backups, file-system snapshots, a disk's own spare "
    "blocks) are beyond what this program can reach."
)
KEEP_A_COPY = "journal export -o my-journal.md"  # the command a hint names, typed as it is
NOTHING_KEPT = lazy("Nothing is kept for {profile} in {folder}: there is nothing to forget.")


@command
def erase(*, profile: str, data_dir: DataDir = None, yes: bool = False, lang: str | None = None) -> int:
    """Erase every answer, draft and kept copy of an answer; keep the place, settings and passphrase.

    `yes` erases without asking (for scripts); `lang`: the language `--lang` named, if any.
    """
    from ..progress.erase import erase_journal, survey_journal

    with opened(profile, data_dir, lang=lang) as (store, found, _lock):
        if found is None:
            say(
                _("Nothing has been written for {profile}, so there is nothing to erase.").format(
                    profile=whose(profile)
                )
            )
            return 0 if offer_removal(store.data_dir, may_ask=not yes) else 1  # an old copy may still hold words
        survey = survey_journal(store, found)
        if survey.empty:
            store.scrub()  # an earlier erase may have left old pages in the log (another window was open)
            say(
                _("The journal of {profile} is already empty: there is nothing to erase.").format(
                    profile=whose(found.name)
                )
            )
            return 0 if offer_removal(store.data_dir, may_ask=not yes) else 1
        lines = [
            _("This will erase the journal of {profile}, kept in {path}:").format(
                profile=whose(found.name), path=store.path
            )
        ]
        lines += [
            "  " + ngettext("{n} answer in {story}", "{n} answers in {story}", n).format(n=n, story=whose(story))
            for story, n in survey.answers.items()
        ]
        if survey.drafts:
            lines.append("  " + _unsent(survey.drafts))
        if survey.steps_with_words:
            lines.append("  " + _("the copies of your answers that the story keeps to use in later scenes"))
        lines += [
            (
                _("Your place in the story, your settings and your passphrase are kept.")
                if survey.sealed
                else _("Your place in the story and your settings are kept.")
            ),
            _("Erased words cannot be brought back. To keep a copy first: {command}").format(
                command=command_line(KEEP_A_COPY, profile=found.name, data_dir=store.data_dir)
            ),
        ]
        say(*lines)
        # Translators: {word} is the word to type, kept in English (the same in every language).
        asked = _("Type {word} to erase it, or just press Enter to keep it: ").format(word="erase")
        if not yes and not ask.confirm("erase", "\n" + asked):
            say(_("Nothing has been erased."))
            return 1
        outcome = erase_journal(store, found)
        sealed = survey.sealed
        folder = store.data_dir
    parts = [ngettext("{n} answer", "{n} answers", survey.total_answers).format(n=survey.total_answers)]
    if survey.drafts:
        parts.append(ngettext("{n} draft", "{n} drafts", survey.drafts).format(n=survey.drafts))
    if survey.steps_with_words:
        parts.append(_("the copies the story kept"))
    # Translators: {what} lists what was erased: "3 answers, 1 draft and the copies the story kept".
    say("", _("Erased {what}.").format(what=join(parts)))
    status = _report(
        outcome,
        left=_(
            "Checked afresh from the disk: there are no journal entries, drafts or kept answers for {profile} "
            "left, and none of the erased words can be found in {files}."
        ),
        profile=found.name,
    )
    if sealed:
        say(
            _(
                "Your passphrase is still set, so what you write next will be sealed too. (To stop using one: "
                "{command})"
            ).format(command=command_line("journal passphrase remove", profile=found.name, data_dir=folder))
        )
    if not offer_removal(folder, may_ask=not yes):
        status = 1
    return status


def _unsent(n: int) -> str:
    return ngettext("{n} unsent draft", "{n} unsent drafts", n).format(n=n)


def _report(outcome: Outcome, *, left: str, profile: str) -> int:
    """Say what the check afresh from the disk found; 0 if nothing remains. `left` is the sentence
    for a clean check, with {profile} and {files} to fill."""
    names = [p.name for p in outcome.traces.checked]
    if outcome.clean:
        if names:
            say(left.format(profile=whose(profile), files=join(names)))
        else:
            say(_("Checked afresh from the disk: the database files no longer exist."))
        if outcome.traces.unchecked:
            n = outcome.traces.unchecked
            say(
                ngettext(
                    "({n} very short text cannot be looked for this way, since such short words turn up by "
                    "chance; it was removed with the rest.)",
                    "({n} very short texts cannot be looked for this way, since such short words turn up by "
                    "chance; they were removed with the rest.)",
                    n,
                ).format(n=n)
            )
        say(str(NOT_REACHED))
        return 0
    if outcome.rows_left:
        n = outcome.rows_left
        warn(
            ngettext(
                "The check found {n} of them still in the database. Please run this again.",
                "The check found {n} of them still in the database. Please run this again.",
                n,
            ).format(n=n)
        )
    for path, hits in outcome.traces.found.items():
        # Translators: {hits} is how many pieces were found in the file.
        found = _("The check still finds pieces of the removed words in {file} ({hits}).")
        warn(found.format(file=path.name, hits=hits))
    if not outcome.scrubbed:
        warn(
            _(
                "Another window is using this data folder, so the database's log could not be emptied yet. "
                "Close the other windows of this program and run this command again to clear it."
            )
        )
    for path in outcome.still_there:
        warn(_("{path} could not be removed.").format(path=path))
    return 1


# -- forget ---------------------------------------------------------------------------------------------
@command
def forget(
    *,
    profile: str,
    data_dir: DataDir = None,
    yes: bool = False,
    remove_set_aside: bool = False,
    lang: str | None = None,
) -> int:
    """Remove everything kept for the profile; the database files too if it is the only one.

    `yes` forgets without asking (for scripts); `remove_set_aside` also removes the database copies
    set aside earlier, when it is the last profile (without `yes`, the person is asked); `lang`: the
    language `--lang` named, if any.
    """
    from ..progress.erase import forget_profile, remove_folder_if_empty, survey_profile

    folder = resolve_data_dir(data_dir)
    if not (folder / DATABASE_NAME).exists():
        say(str(NOTHING_KEPT).format(profile=whose(profile), folder=folder))
        return 0
    with opened(profile, data_dir, lang=lang) as (store, found, lock):
        if found is None:
            say(str(NOTHING_KEPT).format(profile=whose(profile), folder=folder))
            return 0
        survey = survey_profile(store, found, lock.path)
        journal = survey.journal
        lines = [_("This will forget everything kept for {profile}:").format(profile=whose(found.name))]
        lines += ["  " + _("your place in {story}").format(story=whose(story)) for story in survey.stories]
        total = journal.total_answers
        written = [ngettext("{n} journal answer", "{n} journal answers", total).format(n=total)] if total else []
        if journal.drafts:
            written.append(_unsent(journal.drafts))
        if journal.steps_with_words:
            written.append(_("the copies of answers the story keeps"))
        if written:
            lines.append(f"  {join(written)}")
        if survey.settings:
            # Translators: {names} are the settings' names, as the settings screens call them.
            names = ", ".join(setting_name(key).lower() for key in survey.settings)
            lines.append("  " + _("your settings ({names})").format(names=names))
        if journal.sealed:
            lines.append("  " + _("your passphrase"))
        if survey.only_profile:
            lines.append(
                _("and these files, since {profile} is the only profile here:").format(profile=whose(found.name))
            )
        else:
            others = ", ".join(whose(name) for name in survey.others)
            lines.append(
                _(
                    "The database stays for the other profiles here ({others}); they are not touched. This file goes:"
                ).format(others=others)
            )
        lines += [f"  {path}" for path in survey.files]
        lines.append(
            _("It cannot be undone. To keep your journal first: {command}").format(
                command=command_line(KEEP_A_COPY, profile=found.name, data_dir=store.data_dir)
            )
            if journal.total_answers
            else _("It cannot be undone.")
        )
        say(*lines)
        # Translators: {word} is the word to type, kept in English (the same in every language).
        asked = _("Type {word} to forget it all, or just press Enter to keep it: ").format(word="forget")
        if not yes and not ask.confirm("forget", "\n" + asked):
            say(_("Nothing has been forgotten."))
            return 1
        removing = False
        if survey.only_profile and survey.set_aside:
            removing = remove_set_aside or (not yes and ask_to_remove(survey.set_aside))
        outcome = forget_profile(store, found, lock_file=lock.path, remove_set_aside=removing)
    say("", _("Forgotten: {profile}.").format(profile=whose(found.name)))
    if outcome.removed:
        say(_("Removed:"), *(f"  {path}" for path in outcome.removed))
    left = _(
        "Checked afresh from the disk: there are no rows for {profile} left, and none of its words can be "
        "found in {files}."
    )
    status = _report(outcome, left=left, profile=found.name)
    if survey.set_aside and not removing:
        say(_("Older copies set aside earlier are kept as they were (see 'experience locate')."))
    if survey.only_profile and remove_folder_if_empty(folder):
        say(_("The data folder {folder} was left empty, so it has been removed too.").format(folder=folder))
    return status
