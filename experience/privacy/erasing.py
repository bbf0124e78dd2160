"""`experience journal erase` and `experience forget`: the reader's words, or the whole profile, gone.

Each says what it will remove before anything that cannot be undone, asks, removes it (see
`progress/erase.py`), and then reports what a check made afresh from the disk found, as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..progress.paths import DATABASE_NAME, resolve_data_dir
from . import ask
from .running import DataDir, command, command_line, join, opened, plural, say, warn, whose
from .setaside import ask_to_remove, offer_removal

if TYPE_CHECKING:
    from ..progress.erase import Outcome

NOT_REACHED = (
    "Copies kept outside these files (backups, file-system snapshots, a disk's own spare "
    "blocks) are beyond what this program can reach."
)


@command
def erase(*, profile: str, data_dir: DataDir = None, yes: bool = False) -> int:
    """Erase every answer, draft and kept copy of an answer; keep the place, settings and passphrase.

    `yes` erases without asking (for scripts).
    """
    from ..progress.erase import erase_journal, survey_journal

    with opened(profile, data_dir) as (store, found, _lock):
        if found is None:
            say(f"Nothing has been written for {whose(profile)}, so there is nothing to erase.")
            return 0
        survey = survey_journal(store, found)
        if survey.empty:
            store.scrub()  # an earlier erase may have left old pages in the log (another window was open)
            say(f"The journal of {whose(found.name)} is already empty: there is nothing to erase.")
            return 0 if offer_removal(store.data_dir, may_ask=not yes) else 1
        lines = [f"This will erase the journal of {whose(found.name)}, kept in {store.path}:"]
        lines += [f"  {plural(n, 'answer')} in {whose(story)}" for story, n in survey.answers.items()]
        if survey.drafts:
            lines.append(f"  {plural(survey.drafts, 'unsent draft')}")
        if survey.steps_with_words:
            lines.append("  the copies of your answers that the story keeps to use in later scenes")
        lines += [
            (
                "Your place in the story, your settings and your passphrase are kept."
                if survey.sealed
                else "Your place in the story and your settings are kept."
            ),
            "Erased words cannot be brought back. To keep a copy first: "
            + command_line("journal export -o my-journal.md", profile=found.name, data_dir=store.data_dir),
        ]
        say(*lines)
        if not yes and not ask.confirm("erase", "\nType erase to erase it, or just press Enter to keep it: "):
            say("Nothing has been erased.")
            return 1
        outcome = erase_journal(store, found)
        sealed = survey.sealed
        folder = store.data_dir
    parts = [plural(survey.total_answers, "answer")]
    if survey.drafts:
        parts.append(plural(survey.drafts, "draft"))
    if survey.steps_with_words:
        parts.append("the copies the story kept")
    say("", f"Erased {join(parts)}.")
    status = _report(
        outcome,
        what=f"journal entries, drafts or kept answers for {whose(found.name)}",
        gone="none of the erased words",
    )
    if sealed:
        say(
            "Your passphrase is still set, so what you write next will be sealed too. (To stop using one: "
            + command_line("journal passphrase remove", profile=found.name, data_dir=folder)
            + ")"
        )
    if not offer_removal(folder, may_ask=not yes):
        status = 1
    return status


def _report(outcome: Outcome, *, what: str, gone: str) -> int:
    """Say what the check afresh from the disk found; 0 if nothing remains."""
    names = [p.name for p in outcome.traces.checked]
    if outcome.clean:
        if names:
            say(f"Checked afresh from the disk: there are no {what} left, and {gone} can be found in {join(names)}.")
        else:
            say("Checked afresh from the disk: the database files no longer exist.")
        if outcome.traces.unchecked:
            say(
                f"({plural(outcome.traces.unchecked, 'very short text')} cannot be looked for this way, "
                "since such short words turn up by chance; they were removed with the rest.)"
            )
        say(NOT_REACHED)
        return 0
    if outcome.rows_left:
        warn(f"The check found {outcome.rows_left} of them still in the database. Please run this again.")
    for path, hits in outcome.traces.found.items():
        warn(f"The check still finds pieces of the removed words in {path.name} ({hits}).")
    if not outcome.scrubbed:
        warn(
            "Another window is using this data folder, so the database's log could not be emptied yet. "
            "Close the other windows of this program and run this command again to clear it."
        )
    for path in outcome.still_there:
        warn(f"{path} could not be removed.")
    return 1


# -- forget ---------------------------------------------------------------------------------------------
@command
def forget(*, profile: str, data_dir: DataDir = None, yes: bool = False, remove_set_aside: bool = False) -> int:
    """Remove everything kept for the profile; the database files too if it is the only one.

    `yes` forgets without asking (for scripts); `remove_set_aside` also removes the database copies
    set aside earlier, when it is the last profile (without `yes`, the person is asked).
    """
    from ..progress.erase import forget_profile, remove_folder_if_empty, survey_profile

    folder = resolve_data_dir(data_dir)
    if not (folder / DATABASE_NAME).exists():
        say(f"Nothing is kept for {whose(profile)} in {folder}: there is nothing to forget.")
        return 0
    with opened(profile, data_dir) as (store, found, lock):
        if found is None:
            say(f"Nothing is kept for {whose(profile)} in {folder}: there is nothing to forget.")
            return 0
        survey = survey_profile(store, found, lock.path)
        journal = survey.journal
        lines = [f"This will forget everything kept for {whose(found.name)}:"]
        lines += [f"  your place in {whose(story)}" for story in survey.stories]
        written = [plural(journal.total_answers, "journal answer")] if journal.total_answers else []
        if journal.drafts:
            written.append(plural(journal.drafts, "unsent draft"))
        if journal.steps_with_words:
            written.append("the copies of answers the story keeps")
        if written:
            lines.append(f"  {join(written)}")
        if survey.settings:
            lines.append(f"  your settings ({', '.join(survey.settings)})")
        if journal.sealed:
            lines.append("  your passphrase")
        if survey.only_profile:
            lines.append(f"and these files, since {whose(found.name)} is the only profile here:")
        else:
            others = ", ".join(whose(name) for name in survey.others)
            lines.append(
                f"The database stays for the other profiles here ({others}); they are not touched. This file goes:"
            )
        lines += [f"  {path}" for path in survey.files]
        lines.append(
            "It cannot be undone."
            + (
                " To keep your journal first: "
                + command_line("journal export -o my-journal.md", profile=found.name, data_dir=store.data_dir)
                if journal.total_answers
                else ""
            )
        )
        say(*lines)
        if not yes and not ask.confirm("forget", "\nType forget to forget it all, or just press Enter to keep it: "):
            say("Nothing has been forgotten.")
            return 1
        removing = False
        if survey.only_profile and survey.set_aside:
            removing = remove_set_aside or (not yes and ask_to_remove(survey.set_aside))
        outcome = forget_profile(store, found, lock_file=lock.path, remove_set_aside=removing)
    say("", f"Forgotten: {whose(found.name)}.")
    if outcome.removed:
        say("Removed:", *(f"  {path}" for path in outcome.removed))
    status = _report(outcome, what=f"rows for {whose(found.name)}", gone="none of its words")
    if survey.set_aside and not removing:
        say("Older copies set aside earlier are kept as they were (see 'experience locate').")
    if survey.only_profile and remove_folder_if_empty(folder):
        say(f"The data folder {folder} was left empty, so it has been removed too.")
    return status
