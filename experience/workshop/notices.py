"""What the server itself says on a tab's screen, when there is no session to say it.

A tab that finds the room full, or arrives while too many others are at the door, or whose session
could not start or stopped unexpectedly, sees one calm screen from the server, drawn as a terminal
would receive it, in the room's colours. Each notice is a heading and a sentence or two; every
word is true when it is shown (the server checks a session's folder is gone before saying so).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.align import Align
from rich.console import Console
from rich.text import Text

HEADING, WORDS, BACKGROUND = "#D9A47A", "#E9DFD3", (30, 26, 23)


@dataclass(frozen=True)
class Notice:
    heading: str
    words: str

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
        console.print(Align.center(text, vertical="middle", height=rows - 1), end="")
        r, g, b = BACKGROUND
        return (f"\x1b[?25l\x1b[48;2;{r};{g};{b}m\x1b[2J\x1b[H" + drawn.getvalue()).encode("utf-8")


FULL = Notice("This room is full.", "Please ask the facilitator.")
BUSY = Notice(
    "Many people are joining just now.",
    "This page will let you in as soon as there is room; you need not do anything.",
)
NOT_STARTED = Notice(
    "Your session could not start just now.",
    "Please reload this page to try again. If it happens again, let the facilitator know.",
)
STOPPED = Notice(
    "Your session stopped unexpectedly.",
    "What you wrote in it has been removed from this computer. Reload this page to begin again.",
)
NOT_REMOVED = Notice(
    "Your session has ended.",
    "Its folder could not be removed from this computer just now. Please tell the facilitator.",
)
TOO_LONG_AT_THE_DOOR = Notice(
    "This page waited a long time for the join code.",
    "Reload it whenever you are ready to join.",
)
