"""The plain player: read a scene, answer with a number, a word or a few lines, and go on.

Everything the full-screen player offers is here in words: numbered choices, questions answered
line by line, the check-in before a deep scene (the same four answers), a pause (the breath as a
count, the senses one at a time), the journal, going back, stepping out with support shown, and
the break suggestion once a sitting. Every step goes through the same `Session`, so it is saved
before the next thing is shown. The end of input (EOF, or ctrl+d) is a quiet leaving: nothing
is lost, and a half-written answer is kept as a draft.

Commands are typed as a letter or a word, then Enter: b back, j journal, p pause, s step out,
q leave, r read the scene again, o settings, h help. When the system stops the program (SIGTERM,
or SIGHUP as the terminal closes), a half-written answer is kept as a draft too, and the
database is closed as on any leaving.

Here is the sitting and the scene; terminal.py writes and reads lines, commands.py lists the
commands, and asides.py holds what the reader turns to and comes back from (the journal, a
pause, the settings, the check-in).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..care.pacing import Sitting
from ..care.settings import read_settings
from ..care.support import as_text
from ..care.words import (
    BREAK_SUGGESTION,
    CANNOT_SHOW_TYPED,
    JOURNAL_KEPT_EITHER_WAY,
    KEPT,
    NO_STEP_BEFORE,
    NOT_FOR_NOW,
    STEP_NOT_TAKEN,
    SUPPORT_TYPED,
    WHAT_IT_IS_NOT,
    WHAT_THIS_IS,
    YOUR_PACE_TYPED,
    CheckInReply,
    EndingAction,
    answer_not_kept,
    goodbye_text,
    place,
    step_failed,
    welcome_back_lead,
)
from ..progress.store import StoreError
from ..stopping import when_told_to_stop
from ..story import Choice, State, StoryRuntimeError, View
from .asides import change_settings, check_in, pause, read_journal
from .commands import ANSWER_COMMANDS, HELP, command_of
from .terminal import PROMPT, Leave, Stopped, Terminal, isatty
from .text import paragraphs

if TYPE_CHECKING:
    from ..progress.session import Session

MAX_WIDTH = 78
LEFT = "You have left for now. Your place and your words are kept; come back whenever you like."


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
        self.terminal = Terminal(stdin, stdout, width=width, before_asking=self._offer_break)
        self._skipped_at: State | None = None  # the state whose question was passed by
        self._shown: State | None = None  # the state whose text was last written out
        self._partial: tuple[State, list[str], str] | None = None  # (state, lines typed, earlier draft) while answering

    # -- the whole sitting --------------------------------------------------------------------------
    def run(self) -> int:
        try:
            return self._sitting()
        except Stopped as stopped:  # told to stop, or the terminal went away (even while leaving)
            self._keep_partial()
            try:  # there may be nobody left to say goodbye to
                self.terminal.line()
                self.terminal.say(LEFT)
            except (Stopped, OSError):
                pass
            return 128 + stopped.signum  # as a shell reports a program ended by that signal

    def _sitting(self) -> int:
        try:
            self._arrive()
            self.sitting.begin()
            while True:
                self._scene()
        except Leave as leaving:
            self._leave(leaving.stepped_out)
        except KeyboardInterrupt:
            self.terminal.line()
            self._leave(False)
        except BrokenPipeError:  # the other end of a pipe went away (`| head`): nobody is reading
            self._keep_partial()
            raise
        return 0

    def _arrive(self) -> None:
        session, terminal = self.session, self.terminal
        if session.is_new:
            terminal.say(
                session.story.title,
                WHAT_THIS_IS,
                WHAT_IT_IS_NOT,
                f"{NOT_FOR_NOW} {SUPPORT_TYPED}",
                YOUR_PACE_TYPED,
                *self.notices,
            )
            while True:
                terminal.line("Press Enter to begin.")
                if self._command_or_none(terminal.ask()) is None:
                    break
            session.start()
            return
        view = session.view()
        terminal.say(
            session.story.title,
            f"Welcome back. {welcome_back_lead(ended=view.ending)} {place(view.chapter_title, view.title)}.",
            *self.notices,
            *session.notes,
            JOURNAL_KEPT_EITHER_WAY,
        )
        while True:
            terminal.line("Press Enter to continue where you left off, or type 'start again' to begin again.")
            typed = terminal.ask()
            if typed.strip().lower() in ("start again", "restart", "begin again"):
                self._attempt(session.restart)
                break
            if self._command_or_none(typed) is None:
                break
        session.start()

    def _leave(self, stepped_out: bool) -> None:
        self._keep_partial()
        self.terminal.line()
        if stepped_out:
            self.terminal.write(goodbye_text(as_text(), self.terminal.width))
        else:
            self.terminal.say(LEFT)

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
        if view.prompt is not None and self._skipped_at is not state and session.answered_here() is None:
            self._reflect(view.prompt)
            return
        self._choose(view)

    def _read(self, view: View) -> None:
        heading = view.chapter_title + (f": {view.title}" if view.title else "")
        self.terminal.line()
        self.terminal.say(heading, *paragraphs(view.text))

    def _choose(self, view: View) -> None:
        terminal = self.terminal
        if view.ending:
            labels = tuple(action.label for action in EndingAction)
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
            terminal.line()
            terminal.line("Type a number, or h for help.")
        else:
            terminal.line("Press Enter to continue, or h for help.")
        typed = terminal.ask().strip()
        if typed.isdigit() and 1 <= int(typed) <= len(labels):
            self._pick(view, int(typed) - 1)
        elif not typed and not labels:
            self._move(None)
        elif typed.isdigit() or not typed:
            terminal.line(_which_number(len(labels)) if labels else "Press Enter alone to continue, or h for help.")
        else:
            self._command(typed)

    def _pick(self, view: View, index: int) -> None:
        if not view.ending:
            self._move(view.choices[index][0])
            return
        match list(EndingAction)[index]:
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
            if answer is CheckInReply.STOP:
                raise Leave(stepped_out=True)
            if answer is not CheckInReply.PAUSE:
                reply = answer
                break
            self._pause()  # then the same question again
        self._attempt(lambda: session.take(step, reply))

    # -- a question ------------------------------------------------------------------------------------
    def _reflect(self, prompt: str) -> None:
        session, terminal = self.session, self.terminal
        draft = session.draft()
        terminal.say(prompt)
        if draft:
            terminal.say(
                f"You had begun an answer: “{draft}”",
                "Press Enter alone to keep it as your answer, write more lines to add to it, or type a "
                "single dot to set it aside.",
            )
        else:
            terminal.say(
                "Write as much or as little as you like; only you will read it. An empty line ends "
                "your answer. Press Enter alone, or type a single dot, to pass it by."
            )
        lines: list[str] = []
        self._partial = (session.state, lines, draft or "")
        while True:
            typed = terminal.ask("  " if lines else PROMPT)
            if not lines and typed.strip().lower() in ANSWER_COMMANDS:
                self._partial = None
                self._command(typed.strip().lower())
                return
            if not typed.strip():
                break
            if not lines and typed.strip() == ".":
                lines = []
                draft = ""
                break
            lines.append(typed)
        self._partial = None
        answer = "\n".join(part for part in (draft or "", "\n".join(lines)) if part)
        if not answer.strip():
            self._quietly(session.drop_draft)
            self._skipped_at = session.state
            terminal.line("Passed by. That is fine.")
            terminal.line()
            return
        try:
            session.answer(answer)
        except (StoreError, StoryRuntimeError) as error:
            terminal.say(answer_not_kept(error))
            self._quietly(lambda: session.keep_draft(answer))
            return
        self._shown = session.state  # keeping an answer replaces the state; the text is already out
        terminal.say(KEPT)

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
            self.terminal.line("Press Enter to go on, or type h for help.")
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
            self.terminal.line("That is not one of the choices. Type a number, or h for help.")

    def _back(self) -> None:
        if not self.session.can_go_back:
            self.terminal.line(NO_STEP_BEFORE)
            return
        self._attempt(self.session.back)

    def _journal(self) -> None:
        read_journal(self.terminal, self.session)

    def _pause(self) -> None:
        pause(self.terminal, self.sitting)

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


def play_plain(
    session: Session,
    *,
    notices: tuple[str, ...] = (),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    sitting: Sitting | None = None,
) -> int:
    """Play in plain text on standard input and output (or the streams given)."""
    if stdin is None and isinstance(sys.stdin, io.TextIOWrapper):
        # A byte that is not UTF-8 (a Latin-1 terminal, a pasted CP1252 quote) is kept as it came,
        # for `valid_text` to recover, instead of failing the whole line (or, piped, all of them).
        sys.stdin.reconfigure(errors="surrogateescape")
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    width = None
    if isatty(stdout):  # fold to the window; a pipe or a file gets whole paragraphs
        width = min(shutil.get_terminal_size().columns - 1, MAX_WIDTH)
    player = PlainPlayer(session, stdin, stdout, notices=notices, sitting=sitting, width=width)
    try:
        with when_told_to_stop(player.terminal.stop):
            return player.run()
    except BrokenPipeError:
        if stdout is sys.stdout:  # so that Python's own last flush at exit does not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _which_number(count: int) -> str:
    return (
        "Please type 1 to choose it, or h for help."
        if count == 1
        else f"Please type a number from 1 to {count}, or h for help."
    )
