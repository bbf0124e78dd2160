"""The plain player on this process's own input and output, as `experience play --plain` runs it.

What belongs to the process rather than to the sitting is here: the window's width (a pipe or a
file gets whole paragraphs), standard input read so that a byte that is not UTF-8 comes through
(`read_every_byte`), the far end of a pipe going away, and the system's stop signals (SIGTERM,
or SIGHUP as the terminal closes: stopping.py), on which a half-written answer is kept as a draft
and the database is closed as on any leaving.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import suppress
from typing import TYPE_CHECKING, TextIO

from ..care.wrapping import width_of
from ..stopping import when_told_to_stop
from .player import PlainPlayer
from .terminal import Stopped

if TYPE_CHECKING:
    from ..care.pacing import Sitting
    from ..progress.session import Session


def read_every_byte() -> None:
    """Standard input, decoded so that a byte that is not UTF-8 (a Latin-1 terminal, a pasted CP1252
    quote) comes through, for `valid_text` to recover, instead of failing its line (or, piped, every
    line read with it). Called before the first line is read: Python allows it only then."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")


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
    player = PlainPlayer(session, stdin, stdout, notices=notices, sitting=sitting, width=width)
    try:
        with when_told_to_stop(player.terminal.stop):
            return player.run()
    except Stopped as stopped:  # told to stop, or the terminal went away (even while leaving)
        with suppress(Stopped, OSError):  # what was typed is kept first; then nobody may be left to read
            player.leave(False)
        return 128 + stopped.signum  # the status a shell gives it
    except BrokenPipeError:
        if stdout is sys.stdout:  # so that Python's own last flush at exit does not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
