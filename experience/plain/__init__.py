"""`experience play --plain`: the journey line by line, for screen readers and simple terminals.

No full screen, no colour, no box drawing: paragraphs of text, numbered choices, typed answers.
It never imports Textual, so it works wherever Python can read and write lines, including
through pipes. It plays the same `Session` as the full-screen player, so the saved place, the
journal and the settings are the same whichever way a person plays.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from ..care.wrapping import width_of
from .player import PlainPlayer

if TYPE_CHECKING:
    from ..care.pacing import Sitting
    from ..progress.session import Session

__all__ = ["PlainPlayer", "play_plain"]


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
    width = width_of(stdout)  # fold to the window; a pipe or a file gets whole paragraphs
    try:
        return PlainPlayer(session, stdin, stdout, notices=notices, sitting=sitting, width=width).run()
    except BrokenPipeError:
        if stdout is sys.stdout:  # so that Python's own last flush at exit does not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
