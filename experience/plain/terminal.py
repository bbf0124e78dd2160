"""Where the plain player writes and reads: paragraphs out, one typed line at a time in.

Everything written passes `terminal_safe` (what would act on the terminal, from a story file or
an answer, is shown as a placeholder such as ␛) and is folded to the window when there is one
(a pipe or a file gets whole paragraphs, which screen readers follow best). What is read is made
valid (`valid_text`: bytes that were not UTF-8 become characters). Piped input is echoed, so
that a transcript reads whole. The end of input is a leaving, raised as `Leave`; a stop signal
(SIGTERM, SIGHUP: see stopping.py) is `Stopped`, raised at once while waiting for a line, or at
the next one if it comes while the player is busy (keeping an answer, say), so nothing is cut off
halfway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..story.safe_text import terminal_safe, valid_text
from .text import wrap

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
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.width = width
        self._echo = not isatty(stdin)  # piped input: write it out, so the transcript reads whole
        self._before_asking = before_asking  # e.g. the break suggestion, once a sitting
        self._reading = False  # waiting for a line, when a stop signal may end the wait
        self._stopped: int | None = None  # the stop signal that came, if one did

    def say(self, *texts: str) -> None:
        """Write paragraphs, each followed by a blank line."""
        for text in texts:
            self.stdout.write(wrap(terminal_safe(text), self.width) + "\n\n")
        self.stdout.flush()

    def line(self, text: str = "") -> None:
        """Write one paragraph with no blank line after it: choices, and what to type next."""
        self.stdout.write(wrap(terminal_safe(text), self.width) + "\n")
        self.stdout.flush()

    def write(self, text: str) -> None:
        """Write text already laid out (the goodbye and the support lines), as it is."""
        self.stdout.write(terminal_safe(text))
        self.stdout.flush()

    def stop(self, signum: int) -> None:
        """A stop signal came (this runs in its handler): end the wait for a line, or the next one."""
        self._stopped = signum
        if self._reading:
            self._reading = False
            raise Stopped(signum)

    def ask(self, prompt: str = PROMPT) -> str:
        """One line typed by the reader, without its newline. The end of input means leaving."""
        if self._stopped is not None:
            raise Stopped(self._stopped)
        if self._before_asking is not None:
            self._before_asking()
        self.stdout.write(prompt)
        self.stdout.flush()
        self._reading = True
        try:
            typed = self.stdin.readline()
        finally:
            self._reading = False
        if not typed:
            self.stdout.write("\n")
            raise Leave()
        typed = valid_text(typed.rstrip("\r\n"))
        if self._echo:
            self.stdout.write(terminal_safe(typed) + "\n")
        return typed


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
