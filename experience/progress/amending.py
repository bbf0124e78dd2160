"""Changing an answer after it was kept: its words, or the answer itself, gone.

An answer lives in more places than its journal row. A story keeps a copy in the variable its
question names (`save_as`), in every step from the one that asked onwards, to quote in later
scenes and in its letter; a later question may quote it ("what would you like Sam to hear?");
and a draft may wait at its scene. Changing or deleting an answer reaches all of them, through
words.py (the one owner of the reader's words), in one transaction; a deletion is then scrubbed
and checked as an erase is (erase.py). `Session.revise_entry` and `Session.delete_entry` call
these, then read the reader's place again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..care.crisis import concern_in
from ..i18n import _
from ..story import State, Story, kept_answer, prompt_text
from . import words
from .erase import Outcome, erase_answer

if TYPE_CHECKING:
    from .journal import Entry, Journal
    from .session import Session
    from .store import Profile, Store


def revise_entry(session: Session, entry_id: int, text: str) -> Entry:
    """`Session.revise_entry`: the answer's new words everywhere, and the reader's place read again."""
    entry = session.journal.get(entry_id)
    if entry is None or not text.strip():
        raise ValueError(_("there is nothing written, or that answer is no longer in the journal"))
    if text != entry.answer:
        start = session.start_of(variable_of(session.story, entry))
        revise(
            session.store,
            session.profile,
            session.key,
            session.journal,
            session.story,
            session.state,
            entry,
            text,
            start,
        )
        session.reread()
    revised = session.journal.get(entry_id)
    assert revised is not None, "an answer just revised is in the journal"
    return revised


def delete_entry(session: Session, entry_id: int) -> Outcome:
    """`Session.delete_entry`: the answer gone with its copies, and the reader's place read again."""
    entry = session.journal.get(entry_id)
    if entry is None:  # gone already: the files are checked all the same
        return erase_answer(session.store, session.profile, entry_id, variable=None)
    start = session.start_of(variable_of(session.story, entry))
    outcome = delete(session.store, session.profile, session.journal, session.story, session.state, entry, start)
    session.forget_unsaved(entry.scene_id)
    session.reread()
    return outcome


def revise(
    store: Store,
    profile: Profile,
    key: str,
    journal: Journal,
    story: Story,
    state: State,
    entry: Entry,
    text: str,
    start: Any,
) -> None:
    """The answer's new words, in the journal, in the story's copies and in the questions quoting
    it. Words that may mean the reader is in crisis are kept in the journal only: the story's
    copies go, and `start` (the story's starting value) stands in, as for an answer withheld."""
    withheld = concern_in(text) is not None
    questions = questions_quoting(story, journal, state, entry, start if withheld else kept_answer(text))
    with store.transaction() as conn:
        journal.revise(entry.id, text)
        for other, prompt in questions.items():
            journal.reask(other, prompt)
        words.rewrite_kept(
            conn,
            profile.id,
            key,
            sealing=store.sealing_for(profile),
            variable=variable_of(story, entry),
            old=kept_answer(entry.answer),
            new=None if withheld else kept_answer(text),
        )


def delete(
    store: Store, profile: Profile, journal: Journal, story: Story, state: State, entry: Entry, start: Any
) -> Outcome:
    """The answer gone, with its copies; the questions quoting it asked again with `start`, the
    story's own starting value for its variable. Scrubbed and checked afresh from the disk."""
    variable = variable_of(story, entry)
    questions = questions_quoting(story, journal, state, entry, start) if variable is not None else {}

    def reask() -> None:
        for other, prompt in questions.items():
            journal.reask(other, prompt)

    return erase_answer(store, profile, entry.id, variable=variable, also=reask)


def variable_of(story: Story, entry: Entry) -> str | None:
    """The variable the story keeps this answer in (None if its scene has gone or keeps none)."""
    scene = story.scenes.get(entry.scene_id)
    return scene.reflect.save_as if scene is not None and scene.reflect is not None else None


def questions_quoting(story: Story, journal: Journal, state: State, entry: Entry, value: Any) -> dict[int, str]:
    """The other questions in the journal that quoted this answer, asked again with `value` in its
    place: the new words, or the story's own when it is deleted. Only questions that name the
    answer's variable, and whose kept words hold it, are asked again."""
    variable = variable_of(story, entry)
    quoted = kept_answer(entry.answer)
    if variable is None or not quoted:
        return {}
    asked = replace(state, variables={**state.variables, variable: value})
    out = {}
    for other in journal.entries():
        scene = story.scenes.get(other.scene_id)
        if (
            other.id == entry.id
            or scene is None
            or scene.reflect is None
            or variable not in scene.reflect.prompt.names
            or quoted not in other.prompt
        ):
            continue
        prompt = prompt_text(scene, asked)
        if prompt is not None and prompt != other.prompt:
            out[other.id] = prompt
    return out
