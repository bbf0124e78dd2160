"""Where the plain player writes and reads: paragraphs out, one typed line at a time in.

Everything written passes `terminal_safe` (what would act on the terminal, from a story file or
an answer, is shown as a placeholder such as ␛) and is folded to the window when there is one
(a pipe or a file gets whole paragraphs, which screen readers follow best). What is read is made
valid (`valid_text`: bytes that were not UTF-8 become characters). Piped input is echoed, so
that a transcript reads whole. The end of input is a leaving, raised as `Leave`; a stop signal
(SIGTERM, SIGHUP: see stopping.py) is `Stopped`, raised at once while waiting for a line, or at
the next one if it comes while the player is busy (keeping an answer, say), so nothing is cut off
halfway.

The support letter (s) is heard here, at every prompt, even in the middle of an answer: the
support lines are shown, and the same prompt comes back, with nothing typed before it lost. So is
every line the reader types, anywhere (`hear`): words that may mean they are in crisis, or that
someone is hurting them, bring support at once, wherever they were typed. A line that support
read but was not meant for it is given back (`give_back`), to be read where the reader was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..care.words import SUPPORT_LETTER
from ..care.wrapping import fold
from ..i18n import Words
from ..stopping import HANG_UP
from ..story.safe_text import terminal_safe, valid_text

PROMPT = "> "


class Leave(Exception):
    """The reader is leaving: by q, by step out (with support), or because input ended."""

    def __init__(self, stepped_out: bool = False) -> None:
        super().__init__()
        self.stepped_out = stepped_out


class Stopped(Exception):
    """The system asked the program to stop (`signum`): leave at once, keeping what was typed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Terminal:
    def __init__(
        self,
        stdin: TextIO,
        stdout: TextIO,
        *,
        width: int | None = None,
        before_asking: Callable[[], None] | None = None,
        support: Callable[[], None] | None = None,
        hear: Callable[[str], bool] | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.width = width
        self._echo = not isatty(stdin)  # piped input: write it out, so the transcript reads whole
        self._before_asking = before_asking  # e.g. the break suggestion, once a sitting
        self._reading = False  # waiting for a line, when a stop signal may end the wait
        self._stopped: int | None = None  # the stop signal that came, if one did
        self._support = support  # what the support letter shows, from any prompt
        self._supporting = False  # showing it already: the letter is then an answer like any other
        self._hear = hear  # every typed line, heard: True if support came for it
        self._given_back: list[str] = []  # lines read by support but meant for the prompt before it
        self.just_heard = False  # support came for the line `ask` last returned

    def say(self, *texts: Words) -> None:
        """Write paragraphs, each followed by a blank line (in the language in use, if lazy)."""
        self._put("".join(fold(terminal_safe(str(text)), self.width) + "\n\n" for text in texts))

    def line(self, text: Words = "") -> None:
        """Write one paragraph with no blank line after it: choices, and what to type next."""
        self._put(fold(terminal_safe(str(text)), self.width) + "\n")

    def write(self, text: str) -> None:
        """Write text already laid out (the goodbye and the support lines), as it is."""
        self._put(terminal_safe(text))

    def stop(self, signum: int) -> None:
        """A stop signal came (this runs in its handler): end the wait for a line, or the next one."""
        self._stopped = signum
        if self._reading:
            self._reading = False
            raise Stopped(signum)

    def ask(self, prompt: str = PROMPT, *, heard_by_caller: bool = False) -> str:
        """One line typed by the reader, without its newline. The end of input means leaving.

        The support letter alone on a line is not returned: support is shown, and this asks again.
        Any other line is heard (`hear`), unless `heard_by_caller`: an answer's lines are heard
        once they are part of the answer, so that leaving from support keeps them in the draft.
        """
        while True:
            typed = self._ask(prompt)
            if self._supporting:
                return typed
            self._supporting = True
            try:
                if typed.strip().lower() != SUPPORT_LETTER or self._support is None:
                    self.just_heard = not heard_by_caller and self._hear is not None and self._hear(typed)
                    return typed
                self._support()
            finally:
                self._supporting = False

    def give_back(self, typed: str) -> None:
        """A line support read that was meant for where the reader was: the next `ask` reads it."""
        self._given_back.append(typed)

    def _ask(self, prompt: str) -> str:
        if self._stopped is not None:
            raise Stopped(self._stopped)
        if self._given_back:  # written out again at the prompt it was meant for
            typed = self._given_back.pop(0)
            self._put(prompt + terminal_safe(typed) + "\n")
            return typed
        if self._before_asking is not None:
            self._before_asking()
        self._put(prompt)
        self._reading = True  # from here a stop signal raises; one that came just before is seen next
        try:
            if self._stopped is not None:
                raise Stopped(self._stopped)
            typed = self.stdin.readline()
        except OSError as error:
            raise self._gone(error) from None
        finally:
            self._reading = False
        if not typed:
            self._put("\n")
            raise Leave()
        typed = valid_text(typed.rstrip("\r\n"))
        if self._echo:
            self._put(terminal_safe(typed) + "\n")
        return typed

    def _put(self, text: str) -> None:
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except OSError as error:
            raise self._gone(error) from None

    def _gone(self, error: OSError) -> OSError | Stopped:
        """A terminal that cannot be read or written any more (EIO: it closed under us) ends the
        sitting as SIGHUP does, which is usually on its way. A pipe whose reader left (`| head`)
        is the player's own case, and stays a BrokenPipeError."""
        return error if isinstance(error, BrokenPipeError) else Stopped(self._stopped or HANG_UP)


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
