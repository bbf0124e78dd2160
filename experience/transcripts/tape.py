"""Recording one sitting of the plain player: everything it writes, everything it reads, in order.

The tape is the player's standard output and standard input at once. Each time the player asks
for a line, the tape notes where the reader is (a scene marker when it changed), then takes the
next line from its source (the transcript being replayed, or the person at the keyboard) and
writes it down as typed. The prompt the player wrote before asking stays out of the text: the
typed line stands in its place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO

from .transcript import SCENE, shown, typed


class Tape:
    def __init__(self, source: Callable[[], str | None], where: Callable[[], str], *, echo: TextIO | None = None):
        """`source` gives the next typed line (None when input has ended); `where` says which
        scene the reader is in; `echo` (a terminal, when recording) sees everything as it goes."""
        self._source = source
        self._where = where
        self._echo = echo
        self._lines: list[str] = []
        self._pending = ""  # written, not yet ended by a newline
        self._scene: str | None = None
        self._ended = False

    @property
    def lines(self) -> list[str]:
        """The transcript's body so far (a last, unfinished line included)."""
        lines = list(self._lines)
        if self._pending:
            lines.extend(shown(self._pending))
        while lines and not lines[-1]:
            lines.pop()
        return lines

    # -- the player's standard output ---------------------------------------------------------
    def write(self, text: str) -> int:
        if self._echo is not None:
            self._echo.write(text)
        if self._ended and text.startswith("\n"):  # the newline the player writes when input ends
            text = text[1:]
            self._ended = False
        self._pending += text
        *complete, self._pending = self._pending.split("\n")
        for line in complete:
            self._lines.extend(shown(line))
        return len(text)

    def flush(self) -> None:
        if self._echo is not None:
            self._echo.flush()

    # -- the player's standard input ----------------------------------------------------------
    def readline(self) -> str:
        self._pending = ""  # the prompt: the typed line takes its place
        scene = self._where()
        if scene != self._scene:
            self._scene = scene
            self._lines.append(SCENE + scene)
        line = self._source()
        if line is None:
            self._ended = True
            return ""
        self._lines.append(typed(line))
        return line + "\n"

    def isatty(self) -> bool:
        """Yes, as far as the player knows: it echoes piped input itself, and the tape writes
        what was typed already."""
        return True


def lines_of(inputs: list[str]) -> Callable[[], str | None]:
    """A source that gives `inputs` one by one, then ends."""
    remaining: Iterator[str] = iter(inputs)
    return lambda: next(remaining, None)
