"""A scene: where the reader is, the story's words, and what they can do next.

Each step goes through the session, which saves it before anything changes here; only then is
the new scene drawn. A scene with a question shows the question first, with Save and Skip; its
choices come once the reader has answered or let the question pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static

from ...care.words import (
    CANNOT_SHOW_KEYS,
    KEPT_KEYS,
    NO_STEP_BEFORE,
    PASSED_DRAFT_KEPT,
    STEP_NOT_TAKEN,
    STILL_IN_THE_BOX_KEYS,
    CheckInReply,
    EndingAction,
    answer_not_kept,
    step_failed,
    words_not_saved_keys,
)
from ...i18n import N_, _
from ...progress.store import StoreError
from ...story import Choice, State, StoryRuntimeError, View
from ..contract import PlayerScreen
from ..markdown import parse
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter
from ..widgets.heading import SceneHeading
from ..widgets.passage import Passage, Reading
from ..widgets.reflect import ReflectBox
from .scene_layout import fit_reading, say_where

if TYPE_CHECKING:
    from textual.app import SystemCommand

CHOICES, CONTINUE, ENDING, STUCK = "choices", "continue", "ending", "stuck"
WARM_AFTER = 0.1  # seconds after start-up, with the welcome on screen, to make the scene ready


class SceneScreen(PlayerScreen[None]):
    BINDINGS = [  # the number keys belong to the ChoiceList
        Binding("enter", "continue", N_("Continue")),
        Binding("b", "back", N_("Back")),
        Binding("pageup", "scroll_text(-1)", show=False, priority=True),
        Binding("pagedown", "scroll_text(1)", show=False, priority=True),
    ]

    reflecting: reactive[bool] = reactive(False)
    """The scene's question is waiting for an answer or a skip; its choices come after."""

    class Shown(Message):
        """A scene is on screen: drawn, or uncovered (posted after the refresh that shows it)."""

        def __init__(self, scene: str) -> None:
            super().__init__()
            self.scene = scene

    def __init__(self) -> None:
        super().__init__()
        self._shown: State | None = None
        self._view: View | None = None
        self._mode = CHOICES
        self._settled: State | None = None  # the state whose question was answered, kept or let pass
        self._back_to: State | None = None  # the state the reader went back to, to see its answer again
        self._refusal: StoreError | None = None  # why the disk last refused the words in the box
        self._reflect = ReflectBox(id="reflect")  # kept to read a draft even while closing

    def compose(self) -> ComposeResult:
        with Vertical(id="page"):
            yield SceneHeading(id="heading")
            with Vertical(id="body"):
                with Reading(id="reading", can_focus=False):
                    yield Passage(id="passage")
                yield Static("", id="more", markup=False)
                yield self._reflect
                yield Static(str(KEPT_KEYS), id="kept", markup=False)
                yield ChoiceList(id="choices")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.query_one(Reading), "scroll_y", lambda _: say_where(self), init=False)
        if self.is_current:
            self.show_current()
        else:  # under the welcome: drawn when uncovered, its words made ready while they read
            self.set_timer(WARM_AFTER, self._warm)

    def _warm(self) -> None:
        """Parse the scene that will show when the welcome goes (the first parse loads the
        Markdown parser, a noticeable moment), so that continuing draws it at once."""
        try:
            parse(self.session.view().text)
        except StoryRuntimeError:
            pass  # show_current explains it when the scene is uncovered

    def on_screen_resume(self) -> None:
        if not self.is_current:  # the resume queued at start-up, arriving after the welcome
            return
        if self.session.state is not self._shown:  # not drawn yet, or moved on (e.g. "start again")
            self.show_current()
        else:
            self.call_after_refresh(self.post_message, self.Shown(self.session.state.scene))

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def on_unmount(self) -> None:
        self.keep_draft()

    # -- drawing ------------------------------------------------------------------------------
    def show_current(self) -> None:
        """Draw the session's current state, from the top of the text."""
        session = self.session
        state = session.state
        self._shown = state
        heading = self.query_one(SceneHeading)
        try:
            view = session.view()
        except StoryRuntimeError:
            self._view, self._mode = None, STUCK
            heading.chapter, heading.title = "", ""
            self.query_one(Passage).markdown = str(CANNOT_SHOW_KEYS)
            self.query_one(ChoiceList).show([])
            self.reflecting = False
            self._finish_drawing(state)
            return
        self._view = view
        heading.chapter = view.chapter_title
        heading.title = view.title or ""
        self.query_one(Passage).markdown = view.text
        reading = self.query_one("#reading", VerticalScroll)
        if reading.scroll_y:
            reading.scroll_home(animate=False, immediate=True)

        choices = self.query_one(ChoiceList)
        if view.ending:
            self._mode = ENDING
            choices.show([action.label for action in session.ending_actions()])
        elif view.choices:
            self._mode = CHOICES
            choices.show([label for _, label in view.choices], disabled=[shown[1:] for shown in view.disabled])
        elif view.can_continue:
            self._mode = CONTINUE
            choices.show([_("Continue")], numbered=False)
        else:
            self._mode = STUCK
            choices.show([])

        # A question is asked until it is answered or let pass. Going back to it (or past it and on
        # again) shows the earlier answer to edit, and saving replaces it: the session decides
        # which answer that is. Coming back another way (resuming) shows that it is kept.
        earlier = session.earlier_answer() if view.prompt is not None else None
        asking = (
            view.prompt is not None
            and self._settled is not state
            and (self._back_to is state or session.answered_here() is None)
        )
        self.query_one("#kept").display = earlier is not None and not asking
        if asking and view.prompt is not None:
            draft = session.draft()
            text = draft if draft is not None else (earlier.answer if earlier is not None else "")
            self.query_one(ReflectBox).ask(view.prompt, text, revising=earlier is not None)
        self.reflecting = asking
        self._finish_drawing(state)

    def _finish_drawing(self, state: State) -> None:
        self.watch_reflecting(self.reflecting)
        self.refresh_bindings()
        self.call_after_refresh(self.post_message, self.Shown(state.scene))

    def watch_reflecting(self, reflecting: bool) -> None:
        reflect, choices = self.query_one(ReflectBox), self.query_one(ChoiceList)
        reflect.display = reflecting
        choices.display = not reflecting and choices.option_count > 0  # see scene_layout's preview
        choices.disabled = reflecting
        if reflecting:
            reflect.focus_answer()
        elif choices.display and not choices.has_focus:
            choices.focus()
        self._fit_reading()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_reading)

    def on_key_footer_resized(self, event: KeyFooter.Resized) -> None:
        event.stop()  # the footer took lines from the page, or gave them back
        self.call_after_refresh(self._fit_reading)

    def _fit_reading(self) -> None:
        if not fit_reading(self, reflecting=self.reflecting):  # not laid out yet
            self.call_after_refresh(self._fit_reading)

    # -- what keys may do here ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return self._mode == CONTINUE and not self.reflecting
        if action == "back":
            return True if self.session.can_go_back else None
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        from textual.app import SystemCommand

        if self.session.can_go_back:
            yield SystemCommand(_("Go back"), _("Undo the last step (b)"), self.action_back)
        for way in self.session.ways_back():  # going on from a stop, and each movement reached
            if way.scene is not None:
                yield SystemCommand(way.label, _("One more step; b comes back here"), partial(self._go_to, way.scene))
        yield SystemCommand(
            _("Start again"), _("Begin the story again; your journal is kept, and b undoes this"), self.action_restart
        )

    # -- actions ------------------------------------------------------------------------------
    def action_continue(self) -> None:
        if self._mode == CONTINUE:
            self._pick(0)

    def action_back(self) -> None:
        if not self.session.can_go_back:
            self.notify(str(NO_STEP_BEFORE), timeout=4)
            return
        if self._words_are_safe():
            self._attempt(self._go_back)

    def _go_back(self) -> None:
        self.session.back()
        self._back_to, self._settled = self.session.state, None  # its question is asked again, with its answer

    def action_restart(self) -> None:
        if self._words_are_safe():
            self._attempt(self.session.restart)

    def _go_to(self, scene_id: str) -> None:
        self.keep_draft()
        self._attempt(lambda: self.session.go_to(scene_id))

    def action_scroll_text(self, direction: int) -> None:
        reading = self.query_one("#reading", VerticalScroll)
        (reading.scroll_page_down if direction > 0 else reading.scroll_page_up)(animate=False)

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, index: int) -> None:
        if self.reflecting:
            return
        if self._mode == ENDING:
            actions = self.session.ending_actions()
            if index < len(actions):
                self._end(actions[index])
        elif self._mode == CONTINUE:
            self._move(None)
        elif self._mode == CHOICES and self._view is not None and index < len(self._view.choices):
            self._move(self._view.choices[index][0])

    def _end(self, action: EndingAction) -> None:
        match action:
            case EndingAction.GO_ON:  # a pause in the journey: back to where the reader stopped
                self._attempt(self.session.go_on)
            case EndingAction.JOURNAL:
                self.player.action_journal()
            case EndingAction.RESTART:
                self.action_restart()
            case EndingAction.LEAVE:
                self.player.action_step_out()

    def _move(self, choice: Choice | None) -> None:
        """Plan the step, let the gate hold it, ask first if it goes deep, then take it."""
        session = self.session
        step = session.plan(choice)
        waiting = self.player.gate.hold(step)
        if waiting is not None:  # e.g. a workshop's gate: once it opens, the same step is asked for again

            def opened(go_on: bool | None) -> None:
                if go_on:
                    self._move(choice)

            self.app.push_screen(waiting, opened)
            return
        if not self._words_are_safe():
            return
        checkin = step.checkin
        if checkin is None:
            self._attempt(lambda: session.take(step))
            return
        from .checkin import CheckInScreen

        def ask() -> None:
            self.app.push_screen(CheckInScreen(checkin), answered)

        def answered(reply: CheckInReply | None) -> None:
            if reply is CheckInReply.PAUSE:  # breathe first, then the same question again
                self.player.open_pause(then=ask)
            elif reply is CheckInReply.STOP and not session.can_stop_for_today:
                self.player.action_step_out()  # a story with no gentle stop of its own
            elif reply is not None:  # going on, the gentler path, or the story's gentle stop
                self._attempt(lambda: session.take(step, reply))

        ask()

    def _attempt(self, step: Callable[[], object]) -> None:
        """Take a step through the session; if it fails, say so gently and stay put."""
        try:
            step()
        except StoryRuntimeError:
            self.notify(str(STEP_NOT_TAKEN), severity="warning", timeout=8)
            return
        except StoreError as error:
            self.notify(step_failed(error), severity="warning", timeout=8)
            return
        self.show_current()

    # -- the reader's words -------------------------------------------------------------------
    @on(ReflectBox.Saved)
    def _saved(self, event: ReflectBox.Saved) -> None:
        event.stop()
        if self._keep_answer(event.answer):
            self._settle(kept=True)
            self.player.care_for(event.answer)

    @on(ReflectBox.Skipped)
    def _skipped_question(self, event: ReflectBox.Skipped) -> None:
        """Skip, or (with an earlier answer in the box) keep that answer as it was."""
        event.stop()
        earlier, words = self.session.earlier_answer(), self._reflect.text.strip()
        if earlier is None:  # passed by: words typed are kept as a draft (an empty box drops it)
            if not self._words_are_safe():
                return
            self._settle(kept=False)
            if words:
                self.notify(str(PASSED_DRAFT_KEPT), timeout=8, markup=False)
                self.player.care_for(words)
        elif self._keep_answer(earlier.answer):
            self._settle(kept=True)

    def _keep_answer(self, text: str) -> bool:
        try:
            self.session.answer(text)
        except (StoreError, StoryRuntimeError) as error:  # the session keeps the words too, until a write succeeds
            stored = isinstance(error, StoreError)
            still = STILL_IN_THE_BOX_KEYS if stored else _("It is still in the box.")
            self.notify(f"{answer_not_kept(error)} {still}", severity="warning", timeout=12 if stored else 8)
            return False
        return True

    def _settle(self, *, kept: bool) -> None:
        self.query_one(ReflectBox).kept()
        self.query_one("#kept").display = kept
        self._settled = self.session.state
        self.reflecting = False

    @on(ReflectBox.DraftChanged)
    def _draft_changed(self, event: ReflectBox.DraftChanged) -> None:
        event.stop()
        self.keep_draft()
        self.player.care_for(event.text)

    def keep_draft(self) -> bool:
        """Keep whatever is typed and not yet kept, so that nothing typed is ever lost.

        False if there were words and the disk refused them: the session holds them in memory
        meanwhile, and a step away must wait (`_words_are_safe`), so that they stay on screen.
        """
        if self._view is None or self._view.prompt is None:
            return True
        reflect = self._reflect
        text = reflect.unkept
        if text is None or self._shown is not self.session.state:
            return True
        try:
            self.session.keep_draft(text)
        except StoreError as error:
            self._refusal = error
            return False
        reflect.kept()
        return True

    def _words_are_safe(self) -> bool:
        """Before a step away: the words in the box are written, or the reader is told why not."""
        if self.keep_draft():
            return True
        self.notify(words_not_saved_keys(self._refusal), severity="warning", timeout=12)
        return False
