"""Folding what the program says to the terminal it is said in: one way, for every message.

The command line's messages, the plain player's paragraphs and the goodbye after leaving all go
through `fold`, to the width `width_of` finds:

- A terminal gets lines folded to its own width (less one column, so that a line never touches
  the edge and wraps again), at most `MOST` columns, which is comfortable to read. A pipe or a
  file gets whole paragraphs: screen readers and other programs follow sentences, not lines.
- A word is never broken, nor a path or an address (a word longer than the line stays whole).
- An indented line (a listed item, a quote) hangs its later lines under its own text, after a
  list marker ("- ", "1. ") if it has one.
- A paragraph never ends on a line of one word when a slightly narrower fold avoids it.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from typing import TextIO

MOST = 78  # columns: the longest line worth reading, however wide the window
_LEAD = re.compile(r" *(?:- |\d+\. )?")


def width_of(stream: TextIO | None = None) -> int | None:
    """The width to fold to for `stream` (standard output if None), or None if it is not a terminal."""
    stream = sys.stdout if stream is None else stream
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return max(20, min(shutil.get_terminal_size().columns - 1, MOST))


def fold(text: str, width: int | None, *, hang: int = 0) -> str:
    """`text` folded to `width`, line by line (see the module's notes); as it is when None.

    `hang` indents the later lines of an indented line that has no list marker a little further
    (a list of support lines reads better with its items apart).
    """
    if width is None:
        return text
    return "\n".join(_fold_line(line, width, hang) for line in text.split("\n"))


def tell(*paragraphs: str, stream: TextIO | None = None, hang: int = 0) -> None:
    """Write paragraphs (each may hold several lines) to `stream`, folded to its width."""
    stream = sys.stdout if stream is None else stream
    print(fold("\n".join(paragraphs), width_of(stream), hang=hang), file=stream)


def _fold_line(line: str, width: int, hang: int) -> str:
    found = _LEAD.match(line)
    lead = found.group(0) if found else ""
    body = line[len(lead) :]
    if not body.strip():
        return line.rstrip()
    later = " " * (len(lead) + (hang if lead and not lead.strip() else 0))
    narrowest = max(len(later) + 10, width * 3 // 4)
    first: list[str] | None = None
    for room in range(width, narrowest - 1, -1):  # bounded: at most a quarter of the width
        lines = textwrap.wrap(
            body,
            room,
            initial_indent=lead,
            subsequent_indent=later,
            break_long_words=False,
            break_on_hyphens=False,
        )
        if first is None:
            first = lines
        if len(lines) < 2 or len(lines[-1].split()) > 1:
            return "\n".join(lines)
    return "\n".join(first or [line])
