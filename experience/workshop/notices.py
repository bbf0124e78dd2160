"""What the server itself says on a tab's screen, when there is no session to say it.

A tab that finds the room full, or arrives while too many others are at the door, or whose session
could not start or stopped unexpectedly, sees one calm screen from the server, drawn as a terminal
would receive it, in the room's colours. Each notice is a heading and a sentence or two; every
word is true when it is shown (the server checks a session's folder is gone before saying so).

The tab's terminal may still be as a session left it (its colours, its mouse reporting), and it is
no terminal of the kind Rich expects: a line feed there does not return to the first column. So
the notice resets what a session may have set, and places every row itself, painted edge to edge.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.align import Align
from rich.console import Console
from rich.text import Text

from ..i18n import Words, lazy

HEADING, WORDS, BACKGROUND = "#D9A47A", "#E9DFD3", "#1E1A17"
RESET = (
    "\x1b[0m"  # plain colours
    "\x1b[?25l"  # no cursor
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # no mouse reports: nothing here listens
    "\x1b[?2004l"  # no bracketed paste
)


@dataclass(frozen=True)
class Notice:
    """Said in the server's language (the tab's own is not known until its session asks)."""

    said: Words  # the heading
    more: Words  # the sentence or two below it

    @property
    def heading(self) -> str:
        return str(self.said)

    @property
    def words(self) -> str:
        return str(self.more)

    def draw(self, columns: int, rows: int) -> bytes:
        drawn = io.StringIO()
        console = Console(
            file=drawn,
            width=columns,
            height=rows,
            force_terminal=True,
            color_system="truecolor",
            legacy_windows=False,
        )
        text = Text.assemble((self.heading, f"bold {HEADING}"), "\n\n", (self.words, WORDS), justify="center")
        console.print(Align.center(text, vertical="middle", height=rows, style=f"on {BACKGROUND}"), end="")
        lines = drawn.getvalue().split("\n")[:rows]
        return (RESET + "".join(f"\x1b[{row};1H{line}" for row, line in enumerate(lines, 1))).encode("utf-8")


FULL = Notice(
    lazy("This room is full."), lazy("Please ask the facilitator. If a place comes free, this page will let you in.")
)
BUSY = Notice(
    lazy("Many people are joining just now."),
    lazy("This page will let you in as soon as there is room; you need not do anything."),
)
NOT_STARTED = Notice(
    lazy("Your session could not start just now."),
    lazy("Please reload this page to try again. If it happens again, let the facilitator know."),
)
STOPPED = Notice(
    lazy("Your session stopped unexpectedly."),
    lazy("What you wrote in it has been removed from this computer. Reload this page to begin again."),
)
NOT_REMOVED = Notice(
    lazy("Your session has ended."),
    lazy("Its folder could not be removed from this computer just now. Please tell the facilitator."),
)
TOO_LONG_AT_THE_DOOR = Notice(
    lazy("This page waited a long time for the join code."),
    lazy("Reload it whenever you are ready to join."),
)
