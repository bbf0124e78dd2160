"""Playing a story with saved progress: each step is written before it is shown.

A `Session` joins the pure engine to the store. Every method that moves the reader computes the
new state first, writes it in one transaction, and only then makes it current; if the write fails
the reader stays where they were and is told, so the screen never shows a step that is not saved.
The players call these methods and draw `view()`; tests call them without any screen at all.

What the reader types is never dropped when the disk refuses it (full, busy, read-only): an
answer or a draft that could not be written stays in memory (`unsaved`), is offered again where it
was typed (`draft`), and is written as soon as a write succeeds; the front ends say so, truly.
An answer is followed by a checkpoint (store.py), so the database file itself holds the journal.

A step the reader asks for is planned first and taken second: `plan` says where it leads and
whether to check in before it (a deep scene), `take` goes, with the reader's answer. Every front
end (the full screen, `--plain`, a workshop's gate) only asks the reader in its own way between
the two, so the check-in is decided in one place. So is what else a front end offers: the ways
back for a returning reader (`ways_back`), the actions at an ending, and when to offer support
for what the reader wrote (`offer_care`), whose words the story then never quotes back.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..care.crisis import Concern, concern_in
from ..care.words import CheckInReply, Comeback, EndingAction, ending_actions, place
from ..story import (
    Choice,
    State,
    Story,
    StoryRuntimeError,
    View,
    advance,
    back,
    begin,
    careful,
    destination,
    needs_checkin,
    record_answer,
    restore_history,
    take,
    view,
)
from ..story.pickup import Movement, movements, pick_up, stop_for_today, way_on
from ..story.safe_text import valid_text
from . import amending, keeping
from .comeback import WayBack, ways_back
from .filing import answer_variables, file_story, story_key
from .journal import Entry, Journal
from .keeping import StoryJournal
from .listening import Listening
from .opening import Why
from .steps import CheckIn, Step
from .store import Profile, Save, Store, StoreError

if TYPE_CHECKING:
    from .erase import Outcome


class Session:
    def __init__(
        self, story: Story, store: Store, profile: Profile, state: State, *, saved: bool, notes: tuple[str, ...] = ()
    ):
        self.story = story
        self.store = store
        self.profile = profile
        self.state = state
        self.notes = notes  # what changed in the story since the last visit, for the reader
        self._saved = saved
        self.listening = Listening()  # what the reader writes, heard: support, and the careful way
        self._unsaved: dict[str, str] = {}  # scene -> words the disk refused, in memory until written
        self.refusal: StoreError | None = None  # why the disk last refused the reader's words
        self.key = story_key(story)  # what its save and journal are filed under
        self._starts = answer_variables(story)  # each answer's variable, with the story's starting value
        self._save: Save = store.save(profile, self.key, self._starts, title=story.title)
        self.journal: Journal = store.journal(profile, self.key)

    @classmethod
    def resume(cls, story: Story, store: Store, profile_name: str, *, seed: int | None = None) -> Session:
        """Pick up where this profile left off in this story, or stand at its start."""
        profile = store.profile(profile_name)
        save = store.save(profile, file_story(store, profile, story), answer_variables(story), title=story.title)
        history = save.history()
        if not history:
            start = begin(story, seed=random.randrange(2**31) if seed is None else seed)
            return cls(story, store, profile, start, saved=False)
        restored = restore_history(story, list(history))  # list(): typed as the engine asks (lists are invariant)
        session = cls(story, store, profile, restored.state, saved=True, notes=restored.notes)
        if restored.notes:  # write the mended place down, so the note is given once
            save.replace_current(restored.state.snapshot())
        return session

    # -- where the reader is ------------------------------------------------------------------
    @property
    def is_new(self) -> bool:
        """Nothing saved yet: the reader has never begun this story."""
        return not self._saved

    def view(self) -> View:
        return view(self.story, self.state)

    def place(self, scene_id: str | None = None) -> str:
        """Where the reader is (or a scene is), in words: its chapter and its title, if it has one."""
        scene = self.story.scenes[scene_id or self.state.scene]
        return place(self.story.chapters[scene.chapter].title, scene.title)

    @property
    def can_go_back(self) -> bool:
        return self.state.previous is not None

    # -- moving -------------------------------------------------------------------------------
    def plan(self, choice: Choice | None = None) -> Step:
        """The step this choice (or continuing, for None) would take from here, and what to ask first."""
        try:
            target = destination(self.story, self.state, choice)
        except StoryRuntimeError:
            return Step(choice, None)  # taking it explains what is wrong
        if not needs_checkin(self.story, self.state, target):
            return Step(choice, target)
        scene = self.story.scenes[target]
        return Step(choice, target, CheckIn(scene.content_note, has_gentler=bool(scene.gentler)))

    def take(self, step: Step, reply: CheckInReply = CheckInReply.GO_ON) -> State:
        """Take a planned step, as the reader answered its check-in (going on, when there was none).

        The gentler path lands on the deep scene's gentler one; stopping for today goes to the
        story's own gentle stop instead (see `stop_for_today`). Pausing is not a way of taking a
        step: the front end breathes, and asks again.
        """
        if reply is CheckInReply.STOP:
            return self.stop_for_today()
        if reply is not CheckInReply.GO_ON and reply is not CheckInReply.GENTLER:
            raise ValueError(f"{reply} does not take a step")
        gentler = reply is CheckInReply.GENTLER
        if step.choice is None:
            return self.advance(gentler=gentler)
        return self.choose(step.choice, gentler=gentler)

    @property
    def can_stop_for_today(self) -> bool:
        """The story has a gentle stop of its own; without one, stopping for today steps out."""
        return self.story.stop_scene is not None

    def stop_for_today(self) -> State:
        """A step to the story's gentle stop, a pause in the journey (`way_on` finds this place again)."""
        stopped = stop_for_today(self.story, self.state)
        if stopped is None:
            raise StoryRuntimeError("this story has no gentle stop (see `stop` in AUTHORING.md)")
        return self._step(stopped)

    # -- picking up again ---------------------------------------------------------------------
    @property
    def way_on(self) -> str | None:
        """At a pause in the journey, the scene the reader can go on from; None anywhere else."""
        return way_on(self.story, self.state)

    def movements(self) -> list[Movement]:
        """The movements the reader has reached, each with where picking it up lands."""
        return movements(self.story, self.state)

    def go_to(self, scene_id: str, *, resuming: bool = False) -> State:
        """Go on from a stop, or pick up at a movement: one more step, so "back" undoes it. Resuming,
        an answer given there comes along (kept; changed, it is replaced, never a second entry)."""
        reflects = resuming and self._saved and self.story.scenes[scene_id].reflect is not None
        answered = self._save.answered() if reflects else set()
        carried = [e.id for e in self.journal.entries() if e.scene_id == scene_id and e.id in answered]
        state = self._step(pick_up(self.story, self.state, scene_id))
        if carried:
            self._save.replace_current(state.snapshot(), carried[-1])
        return state

    def go_on(self) -> State:
        """At a pause in the journey, go on from where the reader stopped."""
        if self.way_on is None:
            raise StoryRuntimeError("there is no way on from here")
        return self.go_to(self.way_on, resuming=True)

    def ending_actions(self) -> list[EndingAction]:
        """What the reader may do at this ending: going on too, at a pause with a way on."""
        return ending_actions(can_go_on=self.way_on is not None)

    def ways_back(self) -> list[WayBack]:
        """How a returning reader may come back, in the order to offer them (progress/comeback.py)."""
        return ways_back(self.story, self.state)

    def come_back(self, way: WayBack) -> None:
        """Take the way back the reader chose (and write the first step, if there was none)."""
        if way.how is Comeback.RESTART:
            self.restart()
        elif way.scene is not None:
            self.go_to(way.scene, resuming=way.how is Comeback.GO_ON)
        else:
            self.start()

    def start(self) -> None:
        """Write the first step, when the reader actually begins."""
        if not self._saved:
            self._save.push(self.state.snapshot())
            self._saved = True
            self.store.checkpoint()  # the first sitting's place is in the database file, not only its log

    def choose(self, choice: Choice, *, gentler: bool = False) -> State:
        return self._step(take(self.story, self.state, choice, gentler=gentler))

    def advance(self, *, gentler: bool = False) -> State:
        return self._step(advance(self.story, self.state, gentler=gentler))

    def back(self) -> State | None:
        previous = back(self.state)
        if previous is None:
            return None
        self.start()
        self._save.pop()
        self.state = previous
        self.notes = ()
        return previous

    def restart(self) -> State:
        """Begin again as one more step, so that "back" can still undo it; the journal stays."""
        fresh = begin(self.story, seed=random.randrange(2**31))
        return self._step(replace(fresh, step=self.state.step + 1, previous=self.state))

    def _step(self, new: State) -> State:
        if self.listening.heard:
            new = careful(self.story, new)
        self.start()
        self._save.push(new.snapshot())
        self.state = new
        self.notes = ()
        return new

    # -- the reader's words ---------------------------------------------------------------------
    def answered_here(self) -> Entry | None:
        """The answer the reader gave at this very step (not at an earlier visit)."""
        entry_id = self._save.current_entry() if self._saved else None
        return self.journal.get(entry_id) if entry_id is not None else None

    def earlier_answer(self) -> Entry | None:
        """The answer that saving here would replace: the one given at this very step, else the
        newest one to this scene whose step the reader went back over, so that correcting an answer
        replaces it. An answer still in the history (a loop, a new start) keeps its own entry."""
        if not self._saved or self.story.scenes[self.state.scene].reflect is None:
            return None
        here = self.answered_here()
        if here is not None:
            return here
        answered = self._save.answered()
        earlier = [e for e in self.journal.entries() if e.scene_id == self.state.scene and e.id not in answered]
        return earlier[-1] if earlier else None

    def offer_care(self, text: str) -> Concern | None:
        """Whether to offer support now, for words the reader wrote (an answer, a draft as it is
        kept, words left in the box on leaving, a line typed where a choice was asked): what they
        may mean (care/crisis.py), once a step; the front end then shows support for it.

        Words heard also turn the rest of the journey to its careful way (the story's
        `careful_as`), from the next step: the step on screen stays as it is, so that nothing
        the reader is typing into it changes under them."""
        return self.listening.hear(text, self.state.step)

    @property
    def careful(self) -> bool:
        """Words were heard this sitting that call for care (`offer_care`), or the story says so."""
        flag = self.story.careful_as
        return self.listening.heard or (flag is not None and self.state.variables.get(flag) is True)

    def answer(self, text: str) -> Entry:
        """Keep an answer in the journal, at once, replacing the earlier answer if there is one (an
        unchanged one keeps its date). Words that may mean the reader is in crisis are kept in the
        journal, being the reader's own, but the story never quotes them back (story/answers.py).
        It is made valid first: bytes a terminal could not decode would lose the whole answer."""
        text = valid_text(text)
        scene = self.story.scenes[self.state.scene]
        current = self.view()
        chapter = self.story.chapters[scene.chapter]
        withheld = concern_in(text) is not None
        self.listening.heard = self.listening.heard or withheld
        new_state = record_answer(self.story, self.state, text, withheld=withheld)
        try:
            with self.store.transaction():
                self.start()
                earlier = self.earlier_answer()
                if earlier is not None:
                    if text != earlier.answer:
                        self.journal.revise(earlier.id, text)
                    entry_id = earlier.id
                else:
                    entry_id = self.journal.add(
                        scene_id=scene.id,
                        chapter_id=chapter.id,
                        chapter_title=chapter.title,
                        prompt=current.prompt or "",
                        answer=text,
                    )
                self._save.replace_current(new_state.snapshot(), entry_id)
                self.journal.drop_draft(scene.id)
        except StoreError as error:
            self._unsaved[scene.id] = text
            self.refusal = error
            raise
        self._unsaved.pop(scene.id, None)
        self.state = new_state
        self.store.checkpoint()
        entry = self.journal.get(entry_id)
        assert entry is not None, "an answer just kept is in the journal"
        return entry

    def revise_entry(self, entry_id: int, text: str) -> Entry:
        """Change an answer from the journal, and every copy of it (amending.py), made valid first."""
        return amending.revise_entry(self, entry_id, valid_text(text))

    def delete_entry(self, entry_id: int) -> Outcome:
        """Delete an answer and every copy of it, then scrub and check the files (amending.py)."""
        return amending.delete_entry(self, entry_id)

    def start_of(self, variable: str | None) -> Any:
        """The story's starting value for a variable that keeps an answer (None if it keeps none)."""
        return self._starts.get(variable or "")

    def forget_unsaved(self, scene_id: str) -> None:
        """Words the disk refused at this scene go from memory too (their answer was deleted)."""
        self._unsaved.pop(scene_id, None)

    def reread(self) -> None:
        """Where the reader is, read again from the store: the copies of an answer changed there."""
        if self._saved:
            self.state = restore_history(self.story, list(self._save.history())).state

    def draft(self) -> str | None:
        """What was typed here and not kept as an answer: words the disk refused, else the draft."""
        return self._unsaved.get(self.state.scene) or self.journal.draft(self.state.scene)

    @property
    def unsaved_here(self) -> bool:
        """Whether words typed at this scene are only in memory: the disk refused them."""
        return self.state.scene in self._unsaved

    @property
    def unsaved(self) -> int:
        """How many scenes hold words only in memory, because the disk refused them."""
        return len(self._unsaved)

    def keep_draft(self, text: str) -> None:
        text = valid_text(text)
        scene = self.state.scene
        try:
            with self.store.transaction():
                self.journal.keep_draft(scene, text)
        except StoreError as error:
            if text.strip():
                self._unsaved[scene] = text
                self.refusal = error
            raise
        self._unsaved.pop(scene, None)

    def pass_by(self, words: str = "") -> None:
        """The reader let the question pass. Words they had typed there are never thrown away:
        they are kept as a draft, offered again if they come back; with none, the draft goes."""
        if words.strip():
            self.keep_draft(words)
            return
        self._unsaved.pop(self.state.scene, None)
        with self.store.transaction():
            self.journal.drop_draft(self.state.scene)

    @property
    def why_unsaved(self) -> str:
        """Why the disk refused the reader's words, as the end of a sentence ("there is no room ...")."""
        return (self.refusal.why if self.refusal is not None else Why.OTHER).value

    def write_unsaved(self) -> list[str]:
        """Try once more to write what the disk refused, as drafts (on leaving); what is still unsaved."""
        for scene, text in list(self._unsaved.items()):
            try:
                with self.store.transaction():
                    self.journal.keep_draft(scene, text)
            except StoreError as error:
                self.refusal = error
                continue
            del self._unsaved[scene]
        return list(self._unsaved.values())

    def keep_setting(self, key: str, value: object) -> bool:
        """Apply one of the reader's settings now and keep it in their profile for next time.

        False if it could not be kept (the database refused the write): it still applies for the
        rest of this sitting, and the caller says so.
        """
        try:
            self.store.set_setting(self.profile, key, value)
        except StoreError:
            self.profile.settings[key] = value
            return False
        return True

    def kept(self) -> StoryJournal:
        """The reader's answers in journey order, and the story's letter to them if they reached it."""
        return keeping.kept(self.story, self.story.title, self.journal.entries(), self.state if self._saved else None)
