"""The plain journal: every answer numbered, in journey order, then the story's letter; and the
commands that change one (`e 2`, `d 2`), each through the session, a deletion only once the
reader has typed `delete`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..care.journal_words import (
    DELETE_LEAD,
    DELETE_TITLE,
    DELETE_TYPED,
    EDIT_TITLE,
    EDIT_TYPED,
    JOURNAL_HOW_TYPED,
    KEPT_AS_IT_WAS,
    NO_SUCH_ENTRY,
    NOT_DELETED,
    changed,
    deleted,
)
from ..care.words import JOURNAL_EMPTY, answer_not_kept, local_date
from ..i18n import _, lazy
from ..progress.store import StoreError
from ..progress.words import Unopenable
from .commands import command_of
from .terminal import Terminal
from .text import paragraphs

if TYPE_CHECKING:
    from ..progress.journal import Entry
    from ..progress.session import Session

BACK = lazy("Back where you were.")
_CHANGE = re.compile(r"(e|edit|change|d|delete|remove)\s*(\d+)", re.IGNORECASE)


def read_journal(
    terminal: Terminal, session: Session, command: Callable[[str], None], care_for: Callable[[str], object]
) -> None:
    """Show the journal, then change answers by number until Enter; any other command typed here
    is carried out by `command` (q leaves from here too, and so on). Words written again are
    given to `care_for`, which offers support if they may mean the reader is in crisis."""
    entries = _show(terminal, session)
    if not entries:
        terminal.line(_("End of your journal."))
        terminal.line()
        return
    while True:
        terminal.say(JOURNAL_HOW_TYPED)
        typed = terminal.ask().strip()
        if not typed:
            terminal.say(BACK)
            return
        found = _CHANGE.fullmatch(typed)
        if found is None:
            if command_of(typed) == "journal":
                entries = _show(terminal, session)
            elif command_of(typed) is not None:
                command(typed)
                return
            continue
        number = int(found.group(2))
        if not 1 <= number <= len(entries):
            terminal.say(NO_SUCH_ENTRY)
            continue
        entry = entries[number - 1]
        if found.group(1).lower().startswith(("e", "c")):
            _edit(terminal, session, entry, care_for)
        else:
            _delete(terminal, session, entry)
        entries = session.kept().entries


def _show(terminal: Terminal, session: Session) -> list[Entry]:
    journal = session.kept()
    terminal.line()
    terminal.say(_("Your journal"))
    if journal.empty:
        terminal.say(JOURNAL_EMPTY)
    number = 0
    for chapter in journal.chapters:
        terminal.say(chapter.title)
        for entry in chapter.entries:
            number += 1
            terminal.say(f"  {number}. {entry.prompt}", _indented(entry.answer), f"    ({local_date(entry.created)})")
    for letter in journal.letters:
        terminal.say(letter.title, *paragraphs(letter.markdown))
    return journal.entries


def _indented(answer: str) -> str:
    return "    " + "\n    ".join(answer.splitlines() or [""])


def _edit(terminal: Terminal, session: Session, entry: Entry, care_for: Callable[[str], object]) -> None:
    terminal.say(EDIT_TITLE, f"  {entry.prompt}", _indented(entry.answer), EDIT_TYPED)
    lines: list[str] = []
    while True:
        typed = terminal.ask("  " if lines else "> ", heard_by_caller=True)
        if not typed.strip():
            break
        lines.append(typed)
        care_for("\n".join(lines))  # heard as it is typed, as words that will be kept
    if not lines:
        terminal.say(KEPT_AS_IT_WAS)
        return
    try:
        session.revise_entry(entry.id, "\n".join(lines))
    except ValueError:
        terminal.say(NO_SUCH_ENTRY)
    except (StoreError, Unopenable) as error:
        terminal.say(answer_not_kept(error))
    else:
        terminal.say(changed("\n".join(lines)))


def _delete(terminal: Terminal, session: Session, entry: Entry) -> None:
    terminal.say(DELETE_TITLE, f"  {entry.prompt}", _indented(entry.answer), DELETE_LEAD)
    terminal.line(DELETE_TYPED)
    if terminal.ask().strip().lower() != "delete":
        terminal.say(NOT_DELETED)
        return
    try:
        outcome = session.delete_entry(entry.id)
    except Unopenable as error:
        terminal.say(str(error))  # it says that nothing was changed
        return
    except StoreError as error:
        terminal.say(f"{error} {NOT_DELETED}")
        return
    terminal.say(deleted(clean=outcome.clean, scrubbed=outcome.scrubbed))
