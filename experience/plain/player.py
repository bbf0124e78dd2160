"""The plain player: read a scene, answer with a number, a word or a few lines, and go on.

Everything the full-screen player offers is here in words: numbered choices, questions answered
line by line, the check-in before a deep scene (the same four answers), a pause (the breath as a
count, the senses one at a time), the journal, going back, stepping out with support shown, and
the break suggestion once a sitting. Every step goes through the same `Session`, so it is saved
before the next thing is shown. The end of input (EOF, or ctrl+d) is a quiet leaving: nothing
is lost, and a half-written answer is kept as a draft.

Commands are typed as a letter or a word, then Enter: b back, j journal, p pause, s step out,
q leave, r read the scene again, o settings, h help.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..care.grounding import SENSES, SENSES_CLOSING, SENSES_INTRO, STILL_BREATH, STILLNESS
from ..care.pacing import Sitting
from ..care.settings import BREAK_REMINDER, REDUCED_MOTION, read_settings
from ..care.support import as_text
from ..care.words import (
    BREAK_SUGGESTION,
    CHECKIN_LEAD,
    CHECKIN_OK,
    CHECKIN_TITLE,
    GENTLER,
    GO_ON,
    NOT_FOR_NOW,
    NOT_KEPT,
    PAUSE,
    STOP,
    SUPPORT_TYPED,
    WHAT_IT_IS_NOT,
    WHAT_THIS_IS,
    YOUR_PACE_TYPED,
    checkin_replies,
    goodbye_text,
)
from ..progress.store import StoreError
from ..story import Choice, StoryRuntimeError, View
from .text import clean, local_date, paragraphs, wrap

if TYPE_CHECKING:
    from ..progress.session import Session

PROMPT = "> "
MAX_WIDTH = 78
ENDING_ACTIONS = ("Read your journal", "Start again from the beginning", "Leave for now")
COMMANDS = {
    "b": "back",
    "back": "back",
    "j": "journal",
    "journal": "journal",
    "p": "pause",
    "pause": "pause",
    "s": "step out",
    "step out": "step out",
    "stop": "step out",
    "q": "leave",
    "quit": "leave",
    "leave": "leave",
    "exit": "leave",
    "r": "read",
    "read": "read",
    "again": "read",
    "o": "settings",
    "settings": "settings",
    "options": "settings",
    "h": "help",
    "help": "help",
    "?": "help",
}
ANSWER_COMMANDS = ("b", "j", "p", "s", "q", "h")  # only single letters: a word might be an answer
HELP = (
    "Type the number of a choice and press Enter. When a scene simply goes on, press Enter.",
    "You can also type, at any prompt:",
    "  b  go back a step",
    "  r  read the scene again",
    "  j  read your journal",
    "  p  pause: a slow breath, or your senses one at a time",
    "  s  step out: leave with everything kept, and see where to find support",
    "  q  leave now; your place and your words are kept",
    "  o  settings: the break reminder, and stillness for the full-screen view",
    "  h  this help",
    "A question is answered in lines; an empty line ends the answer. Press Enter alone, or type "
    "a single dot, to pass it by. While writing, a line with only b, j, p, s, q or h is that command.",
)
KEPT = "Kept in your journal."
CANNOT_SHOW = (
    "Something in this part of the story could not be shown. Nothing is lost: you can "
    "go back a step with b, or leave with q and come back later."
)
SETTINGS_INTRO = (
    "These are kept for next time, for this profile only. The colours are chosen in the full-screen view, with f2."
)
LEFT = "You have left for now. Your place and your words are kept; come back whenever you like."


class _Leave(Exception):
    """The reader is leaving: by q, by step out (with support), or because input ended."""

    def __init__(self, stepped_out: bool = False) -> None:
        super().__init__()
        self.stepped_out = stepped_out


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
        self.stdin = stdin
        self.stdout = stdout
        self.notices = notices
        self.sitting = sitting or Sitting()
        self.width = width
        self._echo = not _isatty(stdin)  # piped input: write it out, so the transcript reads whole
        self._skipped_at = None  # the state whose question was passed by
        self._shown = None  # the state whose text was last written out
        self._partial: tuple | None = None  # (state, lines typed, earlier draft) while answering

    # -- writing and reading ------------------------------------------------------------------------
    def say(self, *texts: str) -> None:
        """Write paragraphs, each followed by a blank line."""
        for text in texts:
            self.stdout.write(wrap(clean(text), self.width) + "\n\n")
        self.stdout.flush()

    def line(self, text: str = "") -> None:
        """Write one paragraph with no blank line after it: choices, and what to type next."""
        self.stdout.write(wrap(clean(text), self.width) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str = PROMPT) -> str:
        """One line typed by the reader, without its newline. The end of input means leaving."""
        self._offer_break()
        self.stdout.write(prompt)
        self.stdout.flush()
        typed = self.stdin.readline()
        if not typed:
            self.stdout.write("\n")
            raise _Leave()
        typed = typed.rstrip("\r\n")
        if self._echo:
            self.stdout.write(clean(typed) + "\n")
        return typed

    # -- the whole sitting --------------------------------------------------------------------------
    def run(self) -> int:
        try:
            self._arrive()
            self.sitting.begin()
            while True:
                self._scene()
        except _Leave as leaving:
            self._leave(leaving.stepped_out)
        except KeyboardInterrupt:
            self.line()
            self._leave(False)
        except BrokenPipeError:  # the other end of a pipe went away (`| head`): nobody is reading
            self._keep_partial()
            raise
        return 0

    def _arrive(self) -> None:
        session = self.session
        if session.is_new:
            self.say(
                session.story.title,
                WHAT_THIS_IS,
                WHAT_IT_IS_NOT,
                f"{NOT_FOR_NOW} {SUPPORT_TYPED}",
                YOUR_PACE_TYPED,
                *self.notices,
            )
            while True:
                self.line("Press Enter to begin.")
                if self._command_or_none(self.ask()) is None:
                    break
            session.start()
            return
        view = session.view()
        where = f"“{view.chapter_title}”" + (f", {view.title}" if view.title else "")
        lead = "Last time you reached the end, at" if view.ending else "You were at"
        self.say(
            session.story.title,
            f"Welcome back. {lead} {where}.",
            *self.notices,
            *session.notes,
            "Your journal is kept whichever you choose.",
        )
        while True:
            self.line("Press Enter to continue where you left off, or type 'start again' to begin again.")
            typed = self.ask()
            if typed.strip().lower() in ("start again", "restart", "begin again"):
                self._attempt(session.restart)
                break
            if self._command_or_none(typed) is None:
                break
        session.start()

    def _leave(self, stepped_out: bool) -> None:
        self._keep_partial()
        self.line()
        if stepped_out:
            self.stdout.write(goodbye_text(as_text(), self.width))
        else:
            self.say(LEFT)
        self.stdout.flush()

    # -- a scene --------------------------------------------------------------------------------------
    def _scene(self) -> None:
        session = self.session
        state = session.state
        try:
            view = session.view()
        except StoryRuntimeError:
            self.say(CANNOT_SHOW)
            self._command(self.ask(), stuck=True)
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
        self.line()
        self.say(heading, *paragraphs(view.text))

    def _choose(self, view: View) -> None:
        if view.ending:
            labels: tuple[str, ...] = ENDING_ACTIONS
        elif view.choices:
            labels = tuple(label for _, label in view.choices)
        elif view.can_continue:
            labels = ()
        else:
            self.say(CANNOT_SHOW)
            self._command(self.ask(), stuck=True)
            return
        if labels:
            for number, label in enumerate(labels, 1):
                self.line(f"  {number}. {label}")
            self.line()
            self.line("Type a number, or h for help.")
        else:
            self.line("Press Enter to continue, or h for help.")
        typed = self.ask().strip()
        if typed.isdigit() and 1 <= int(typed) <= len(labels):
            self._pick(view, int(typed) - 1)
        elif not typed and not labels:
            self._move(None)
        elif typed.isdigit() or not typed:
            self.line(_which_number(len(labels)) if labels else "Press Enter alone to continue, or h for help.")
        else:
            self._command(typed)

    def _pick(self, view: View, index: int) -> None:
        if view.ending:
            (self._journal, self._restart, self._step_out)[index]()
        else:
            self._move(view.choices[index][0])

    def _move(self, choice: Choice | None) -> None:
        session = self.session

        def step(gentler: bool = False) -> None:
            if choice is None:
                session.advance(gentler=gentler)
            else:
                session.choose(choice, gentler=gentler)

        try:
            ask_first = session.checkin_before(choice)
        except StoryRuntimeError:
            ask_first = False
        if not ask_first:
            self._attempt(step)
            return
        from ..story import destination

        scene = session.story.scenes[destination(session.story, session.state, choice)]
        while True:
            reply = self._check_in(scene.content_note, has_gentler=bool(scene.gentler))
            if reply == PAUSE:
                self._pause()  # then the same question again
                continue
            if reply == GO_ON:
                self._attempt(step)
            elif reply == GENTLER:
                self._attempt(lambda: step(gentler=True))
            elif reply == STOP:
                raise _Leave(stepped_out=True)
            return

    def _check_in(self, note: str | None, *, has_gentler: bool) -> str | None:
        replies = checkin_replies(has_gentler=has_gentler)
        self.line()
        self.say(CHECKIN_TITLE, CHECKIN_LEAD, *([f"  {note.strip()}"] if note else []), CHECKIN_OK)
        for number, (_, label) in enumerate(replies, 1):
            self.line(f"  {number}. {label}")
        self.line()
        self.line("Type a number.")
        while True:
            typed = self.ask().strip()
            if typed.isdigit() and 1 <= int(typed) <= len(replies):
                return replies[int(typed) - 1][0]
            command = COMMANDS.get(typed.lower())
            if command == "pause":
                return PAUSE
            if command == "back":
                return None  # not now: stay where you are
            if command in ("step out", "leave"):
                raise _Leave(stepped_out=command == "step out")
            if command == "journal":
                self._journal()
            self.line(
                f"Type a number from 1 to {len(replies)}; each one is a good answer. Or b to stay "
                "where you are for now."
            )

    # -- a question ------------------------------------------------------------------------------------
    def _reflect(self, prompt: str) -> None:
        session = self.session
        draft = session.draft()
        self.say(prompt)
        if draft:
            self.say(
                f"You had begun an answer: “{draft}”",
                "Press Enter alone to keep it as your answer, write more lines to add to it, or type a "
                "single dot to set it aside.",
            )
        else:
            self.say(
                "Write as much or as little as you like; only you will read it. An empty line ends "
                "your answer. Press Enter alone, or type a single dot, to pass it by."
            )
        lines: list[str] = []
        self._partial = (session.state, lines, draft or "")
        while True:
            typed = self.ask("  " if lines else PROMPT)
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
            self.line("Passed by. That is fine.")
            self.line()
            return
        try:
            session.answer(answer)
        except (StoreError, StoryRuntimeError) as error:
            self.say(f"Your answer could not be kept just now ({error}).")
            self._quietly(lambda: session.keep_draft(answer))
            return
        self._shown = session.state  # keeping an answer replaces the state; the text is already out
        self.say(KEPT)

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
        command = COMMANDS.get(typed.strip().lower())
        if command is None or command in ("back", "read"):
            self.line("Press Enter to go on, or type h for help.")
            return "unknown"
        self._command(typed)
        return command

    def _command(self, typed: str, *, stuck: bool = False) -> None:
        command = COMMANDS.get(typed.strip().lower())
        if command == "back":
            self._back()
        elif command == "journal":
            self._journal()
        elif command == "pause":
            self._pause()
        elif command == "step out":
            raise _Leave(stepped_out=True)
        elif command == "leave":
            raise _Leave()
        elif command == "read":
            self._shown = None
        elif command == "settings":
            self._settings()
        elif command == "help":
            self.say(*HELP)
        elif not stuck:
            self.line("That is not one of the choices. Type a number, or h for help.")

    def _back(self) -> None:
        if not self.session.can_go_back:
            self.line("This is where your journey began; there is no step before it.")
            return
        self._attempt(self.session.back)

    def _restart(self) -> None:
        self._attempt(self.session.restart)

    def _step_out(self) -> None:
        raise _Leave(stepped_out=True)

    def _attempt(self, step: Callable[[], object]) -> None:
        """Take a step through the session; if it fails, say so gently and stay put."""
        try:
            step()
        except StoryRuntimeError:
            self.say(
                "This step could not be taken: something in the story is not right here. You are "
                "still where you were, and nothing is lost."
            )
        except StoreError as error:
            self.say(f"{error} You are still where you were.")

    def _quietly(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError:
            pass

    # -- the journal ------------------------------------------------------------------------------------
    def _journal(self) -> None:
        groups = self.session.journal_by_chapter()
        self.line()
        self.say("Your journal")
        if not groups:
            self.say(
                "Nothing here yet. When a scene asks you a question, whatever you choose to write is "
                "kept here, on this computer, readable only by you."
            )
        for title, entries in groups:
            self.say(title)
            for entry in entries:
                answer = "    " + "\n    ".join(entry.answer.splitlines() or [""])
                self.say(f"  {entry.prompt}", answer, f"  ({local_date(entry.created)})")
        self.line("End of your journal.")
        self.line()

    # -- a pause ------------------------------------------------------------------------------------------
    def _pause(self) -> None:
        """The breath as a count, then the senses if wanted; every step waits for the reader."""
        self.sitting.rest()
        try:
            self._ground()
        finally:
            self.sitting.resume()
        self.line()
        self.say("Back where you were.")

    def _ground(self) -> None:
        self.line()
        self.say("A pause", STILLNESS, *STILL_BREATH)
        self.line(
            "Press Enter to go back to where you were, or type n to notice what is around you, one sense at a time."
        )
        if self.ask().strip().lower() not in ("n", "senses", "notice"):
            return
        self.say(SENSES_INTRO)
        for number, (title, words) in enumerate(SENSES, 1):
            self.say(f"{number} of {len(SENSES)}. {title}.", words)
            self.line("Press Enter when you are ready for the next one, or r to go back to where you were.")
            if self.ask().strip().lower() in ("r", "b", "q", "back", "return"):
                return
        self.say(SENSES_CLOSING)
        self.line("Press Enter to go back to where you were.")
        self.ask()

    # -- settings ---------------------------------------------------------------------------------------
    def _settings(self) -> None:
        """The settings that mean something here, each changed by its number until Enter."""
        while True:
            settings = read_settings(self.session.profile.settings)
            self.line()
            self.say("Settings", SETTINGS_INTRO)
            self.line(
                "  1. Break reminder: "
                + ("on (one gentle word after about 20 minutes)" if settings.break_reminder else "off")
            )
            self.line(
                "  2. Reduced motion: "
                + (
                    "on (nothing moves in the full-screen view either)"
                    if settings.reduced_motion
                    else "off (the full-screen view's breathing guide moves)"
                )
            )
            self.line("Type 1 or 2 to change it, or press Enter to go back to where you were.")
            typed = self.ask().strip()
            if typed == "1":
                key, value = BREAK_REMINDER, not settings.break_reminder
            elif typed == "2":
                key, value = REDUCED_MOTION, not settings.reduced_motion
            else:
                if COMMANDS.get(typed.lower()) not in (None, "settings"):
                    self._command(typed)  # q leaves from here too, s steps out, and so on
                    return
                if typed:
                    self.line("Nothing changed.")
                self.say("Back where you were.")
                return
            if not self.session.keep_setting(key, value):
                self.say(NOT_KEPT)

    # -- a break, once, if it is wanted --------------------------------------------------------------------
    def _offer_break(self) -> None:
        if read_settings(self.session.profile.settings).break_reminder and self.sitting.break_due():
            self.line()
            self.say(BREAK_SUGGESTION)


def play_plain(
    session: Session,
    *,
    notices: tuple[str, ...] = (),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    sitting: Sitting | None = None,
) -> int:
    """Play in plain text on standard input and output (or the streams given)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    width = None
    if _isatty(stdout):  # fold to the window; a pipe or a file gets whole paragraphs
        width = min(shutil.get_terminal_size().columns - 1, MAX_WIDTH)
    try:
        return PlainPlayer(session, stdin, stdout, notices=notices, sitting=sitting, width=width).run()
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


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
