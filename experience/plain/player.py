"""The plain player: read a scene, answer with a number, a word or a few lines, and go on.

Everything the full-screen player offers is here in words: numbered choices, questions answered
line by line, the check-in before a deep scene (the same four answers), a pause (the breath as a
count, the senses one at a time), the journal, going back, stepping out with support shown, and
the break suggestion once a sitting. Every step goes through the same `Session`, so it is saved
before the next thing is shown. The end of input (EOF, or ctrl+d) is a quiet leaving: nothing
is lost, and a half-written answer is kept as a draft.

Commands are typed as a letter or a word, then Enter: s support (at every prompt, even in the
middle of an answer), b back, j journal, p pause, q leave, r read the scene again, o settings,
h help. Words that may mean the reader is in crisis bring support at once, as in the full screen.

Here is the sitting and the scene; terminal.py writes and reads lines, commands.py lists the
commands, journal.py shows the journal and changes an answer in it, asides.py holds the other
things the reader turns to and comes back from (a pause, the settings, the check-in), and run.py
plays it all on the process's own input and output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..care.crisis import Concern, concern_in
from ..care.journal_words import KEPT_AS_IT_WAS
from ..care.pacing import Sitting
from ..care.settings import read_settings
from ..care.support import as_text
from ..care.words import (
    BREAK_SUGGESTION,
    CANNOT_SHOW_TYPED,
    KEPT,
    NO_STEP_BEFORE,
    PASSED_DRAFT_KEPT,
    STEP_NOT_TAKEN,
    CheckInReply,
    EndingAction,
    answer_not_kept,
    goodbye_text,
    not_saved_at_leaving,
    step_failed,
    still_here_typed,
)
from ..i18n import _, lazy
from ..progress.store import StoreError
from ..story import Choice, State, StoryRuntimeError, View
from .arriving import arrive
from .asides import SUPPORT_STILL_HERE, change_settings, check_in, pause, support
from .commands import ANSWER_COMMANDS, HELP, command_of, which_number
from .journal import read_journal
from .terminal import PROMPT, Leave, Terminal
from .text import paragraphs

if TYPE_CHECKING:
    from ..progress.session import Session

LEFT = lazy("You have left for now. Your place and your words are kept; come back whenever you like.")
LEFT_UNSAVED = lazy("You have left for now. Your place is kept, and all else you wrote; come back whenever you like.")


class PlainPlayer:
    def __init__(
        self,
        session: Session,
        stdin: TextIO,
        stdout: TextIO,
        *,
        notices: tuple[str, ...] = (),
        sitting: Sitting | None = None,
        width: int | None = None,
    ) -> None:
        self.session = session
        self.notices = notices
        self.sitting = sitting or Sitting()
        self.terminal = Terminal(
            stdin, stdout, width=width, before_asking=self._offer_break, support=self._support, hear=self._care_for_line
        )
        self._settled: State | None = None  # the state whose question was answered, kept or passed by
        self._back_to: State | None = None  # the state the reader went back to, to see its answer again
        self._shown: State | None = None  # the state whose text was last written out
        self._partial: tuple[State, list[str], str] | None = None  # (state, lines typed, earlier draft) while answering

    # -- the whole sitting --------------------------------------------------------------------------
    def run(self) -> int:
        """The sitting, to its end. A stop signal (`Stopped`) is let through: run.py leaves on it."""
        try:
            arrive(self.terminal, self.session, self.notices, self._command_or_none, self._attempt)
            self.sitting.begin()
            while True:
                self._scene()
        except Leave as leaving:
            self.leave(leaving.stepped_out)
        except KeyboardInterrupt:
            self.terminal.line()
            self.leave(False)
        except BrokenPipeError:  # the other end of a pipe went away (`| head`): nobody is reading
            self._keep_partial()
            raise
        return 0

    def leave(self, stepped_out: bool) -> None:
        """What was typed is kept, then the goodbye (and any words the disk refused) is said."""
        self._keep_partial()
        unsaved = self.session.write_unsaved()
        self.terminal.line()
        if stepped_out and not unsaved:
            self.terminal.write(goodbye_text(as_text(), self.terminal.width))
        else:  # every way of leaving ends with the support lines, after words that are true
            self.terminal.write(goodbye_text(as_text(), self.terminal.width, goodbye=LEFT_UNSAVED if unsaved else LEFT))
        if unsaved:  # said last, so that it is the nearest thing to the reader's next prompt
            self.terminal.write(not_saved_at_leaving(self.session.why_unsaved, unsaved, self.terminal.width) + "\n")

    # -- a scene --------------------------------------------------------------------------------------
    def _scene(self) -> None:
        session = self.session
        state = session.state
        try:
            view = session.view()
        except StoryRuntimeError:
            self.terminal.say(CANNOT_SHOW_TYPED)
            self._command(self.terminal.ask(), stuck=True)
            return
        if self._shown is not state:
            self._shown = state
            self._read(view)
        if (
            view.prompt is not None
            and self._settled is not state
            and (self._back_to is state or session.answered_here() is None)
        ):
            self._reflect(view.prompt)  # going back to it shows the earlier answer, to keep or replace
            return
        self._choose(view)

    def _read(self, view: View) -> None:
        heading = view.chapter_title + (f": {view.title}" if view.title else "")
        self.terminal.line()
        self.terminal.say(heading, *paragraphs(view.text))

    def _choose(self, view: View) -> None:
        terminal = self.terminal
        if view.ending:
            labels = tuple(action.label for action in self.session.ending_actions())
        elif view.choices:
            labels = tuple(label for _, label in view.choices)
        elif view.can_continue:
            labels = ()
        else:
            terminal.say(CANNOT_SHOW_TYPED)
            self._command(terminal.ask(), stuck=True)
            return
        if labels:
            for number, label in enumerate(labels, 1):
                terminal.line(f"  {number}. {label}")
            for _shown, label, reason in view.disabled if not view.ending else ():  # shown, but not to be taken now
                terminal.line(f"     ({label}: {reason or _('not now')})")
            terminal.line()
            terminal.line(_("Type a number, or h for help."))
        else:
            terminal.line(_("Press Enter to continue, or h for help."))
        typed = terminal.ask().strip()
        if typed.isdigit() and 1 <= int(typed) <= len(labels):
            self._pick(view, int(typed) - 1)
        elif not typed and not labels:
            self._move(None)
        elif typed.isdigit() or not typed:
            terminal.line(which_number(len(labels)) if labels else _("Press Enter alone to continue, or h for help."))
        elif terminal.just_heard:
            pass  # words met with support are not a mistaken choice
        elif concern_in(typed) is not None:  # nor are such words again, after support a moment ago
            terminal.say(SUPPORT_STILL_HERE)
        else:
            self._command(typed)

    def _pick(self, view: View, index: int) -> None:
        if not view.ending:
            self._move(view.choices[index][0])
            return
        match self.session.ending_actions()[index]:
            case EndingAction.GO_ON:  # a pause in the journey: back to where the reader stopped
                self._attempt(self.session.go_on)
            case EndingAction.JOURNAL:
                self._journal()
            case EndingAction.RESTART:
                self._attempt(self.session.restart)
            case EndingAction.LEAVE:
                raise Leave(stepped_out=True)

    def _move(self, choice: Choice | None) -> None:
        """Plan the step, ask first if it goes deep, then take it."""
        session = self.session
        step = session.plan(choice)
        reply = CheckInReply.GO_ON
        while step.checkin is not None:
            answer = check_in(self.terminal, step.checkin, self._journal)
            if answer is None:
                return  # not now: stay where you are
            if answer is CheckInReply.STOP and not session.can_stop_for_today:
                raise Leave(stepped_out=True)  # a story with no gentle stop of its own
            if answer is not CheckInReply.PAUSE:  # going on, the gentler path, or the story's gentle stop
                reply = answer
                break
            self._pause()  # then the same question again
        self._attempt(lambda: session.take(step, reply))

    # -- a question ------------------------------------------------------------------------------------
    def _reflect(self, prompt: str) -> None:
        """Ask the scene's question; an earlier answer (going back to it) is shown, to keep or replace."""
        session, terminal = self.session, self.terminal
        draft = session.draft()
        earlier = session.earlier_answer()
        terminal.say(prompt)
        if draft and session.unsaved_here:
            terminal.say(*still_here_typed(draft))
        elif draft:
            terminal.say(
                _("You had begun an answer: “{draft}”").format(draft=draft),
                _(
                    "Press Enter alone to keep it as your answer, write more lines to add to it, or type a "
                    "single dot to pass the question by and keep it as a draft."
                ),
            )
        elif earlier is not None:
            terminal.say(
                _("Your answer: “{answer}”").format(answer=earlier.answer),
                _(
                    "Press Enter alone to keep it as it is, or write a new answer to put in its place; an "
                    "empty line ends it."
                ),
            )
        else:
            terminal.say(
                _(
                    "Write as much or as little as you like; only you will read it. An empty line ends "
                    "your answer. Press Enter alone, or type a single dot, to pass it by."
                )
            )
        lines: list[str] = []
        self._partial = (session.state, lines, draft or "")
        while True:
            typed = terminal.ask("  " if lines else PROMPT, heard_by_caller=True)
            if not lines and typed.strip().lower() in ANSWER_COMMANDS:
                self._partial = None
                self._command(typed.strip().lower())
                return
            if not typed.strip():
                break
            if not lines and typed.strip() == ".":
                self._partial = None
                self._pass_by(draft)
                return
            lines.append(typed)
            self._care_for("\n".join((draft or "", *lines)))
        self._partial = None
        answer = "\n".join(part for part in (draft or "", "\n".join(lines)) if part)
        said = KEPT
        if not answer.strip():
            if earlier is None:
                self._pass_by(None)
                return
            answer, said = earlier.answer, KEPT_AS_IT_WAS
        try:
            session.answer(answer)
        except StoreError as error:  # the session keeps the words, and they are offered again here
            terminal.say(answer_not_kept(error))
            return
        except StoryRuntimeError as error:
            terminal.say(answer_not_kept(error))
            self._quietly(lambda: session.keep_draft(answer))
            return
        self._shown = self._settled = session.state  # keeping an answer replaces the state; the text is out
        terminal.say(said)
        self._care_for(answer)

    def _pass_by(self, draft: str | None) -> None:
        """The question passed by; words begun here before are kept as a draft, never thrown away."""
        session, terminal = self.session, self.terminal
        self._quietly(lambda: session.pass_by(draft or ""))
        self._settled = session.state
        terminal.line(_("Passed by. That is fine."))
        if draft:
            terminal.line(PASSED_DRAFT_KEPT)
        terminal.line()

    def _keep_partial(self) -> None:
        """Input ended mid-answer: keep what was typed as a draft, as the full-screen player does."""
        if self._partial is None:
            return
        state, lines, draft = self._partial
        text = "\n".join(part for part in (draft, "\n".join(lines)) if part)
        if text.strip() and state is self.session.state:
            self._quietly(lambda: self.session.keep_draft(text))
        self._partial = None

    # -- commands ---------------------------------------------------------------------------------------
    def _command_or_none(self, typed: str) -> str | None:
        """Carry out a command typed at a simple "press Enter" prompt; None for plain Enter."""
        if not typed.strip():
            return None
        command = command_of(typed)
        if command is None or command in ("back", "read"):
            self.terminal.line(_("Press Enter to go on, or type h for help."))
            return "unknown"
        self._command(typed)
        return command

    def _command(self, typed: str, *, stuck: bool = False) -> None:
        command = command_of(typed)
        if command == "back":
            self._back()
        elif command == "journal":
            self._journal()
        elif command == "pause":
            self._pause()
        elif command == "support":
            self._support()
        elif command == "step out":
            raise Leave(stepped_out=True)
        elif command == "leave":
            raise Leave()
        elif command == "read":
            self._shown = None
        elif command == "settings":
            change_settings(self.terminal, self.session, self._command)
        elif command == "help":
            self.terminal.say(*HELP)
        elif not stuck:
            self.terminal.line(_("That is not one of the choices. Type a number, or h for help."))

    def _back(self) -> None:
        if not self.session.can_go_back:
            self.terminal.line(NO_STEP_BEFORE)
            return
        self._attempt(self._go_back)

    def _go_back(self) -> None:
        self.session.back()
        self._back_to, self._settled = self.session.state, None  # its question is asked again, with its answer

    def _journal(self) -> None:
        read_journal(self.terminal, self.session, self._command, self._care_for)

    def _pause(self) -> None:
        pause(self.terminal, self.sitting)

    def _support(self, *, concern: Concern | None = None, kept: bool = True) -> None:
        """The support lines, from any prompt (s) or offered at once after heavy words."""
        support(
            self.terminal,
            self.sitting,
            concern=concern,
            writing=self._partial is not None,
            careful=self.session.story.careful_as is not None,
            kept=kept,
        )

    def _care_for(self, text: str, *, kept: bool = True) -> bool:
        """Support at once, if these words may mean the reader is in crisis or that someone is
        hurting them (once a step for each): every answer comes here, as it is written (`kept`:
        it is, or will be, in the journal), and every other line typed anywhere (`_care_for_line`)."""
        concern = self.session.offer_care(text)
        if concern is not None:
            self._support(concern=concern, kept=kept)
        return concern is not None

    def _care_for_line(self, text: str) -> bool:
        """A line typed at a choice or a command prompt: heard like an answer, but kept nowhere."""
        return self._care_for(text, kept=False)

    def _attempt(self, step: Callable[[], object]) -> None:
        """Take a step through the session; if it fails, say so gently and stay put."""
        try:
            step()
        except StoryRuntimeError:
            self.terminal.say(STEP_NOT_TAKEN)
        except StoreError as error:
            self.terminal.say(step_failed(error))

    def _quietly(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError:
            pass

    # -- a break, once, if it is wanted --------------------------------------------------------------------
    def _offer_break(self) -> None:
        if read_settings(self.session.profile.settings).break_reminder and self.sitting.break_due():
            self.terminal.line()
            self.terminal.say(BREAK_SUGGESTION)
