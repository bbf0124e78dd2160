"""The few things the program itself says about care, in one place, for both ways of playing.

The full-screen player and `--plain` must say the same true things in the same words: what this
is and is not, who it is not for today, that the reader sets the pace, and how it says goodbye.
Only the keys differ between the two, so the sentences that name keys are kept apart.
"""

from __future__ import annotations

import textwrap

WHAT_THIS_IS = (
    "This is a guided reflection: a quiet story in short scenes about closeness and "
    "distance, with a few questions you can answer privately or pass by."
)

WHAT_IT_IS_NOT = (
    "It is not therapy, and not help in a crisis. It is no substitute for talking with "
    "the people in your life, or with someone trained to help."
)

NOT_FOR_NOW = (
    "If you are in danger or in crisis, or thinking of harming yourself, please set this "
    "aside and reach someone now: your local emergency number or a crisis line."
)
SUPPORT_KEY = "Press s at any moment to see emergency numbers and crisis lines."
SUPPORT_TYPED = "Type s at any prompt to see emergency numbers and crisis lines."

YOUR_PACE_KEYS = (
    "You set the pace. Press p to pause and breathe, b to go back a step, j to read your "
    "journal, s to step out, f2 for settings, and ctrl+q to leave. Your place and your "
    "words are kept on this computer, readable only by you."
)

YOUR_PACE_TYPED = (
    "You set the pace. At any prompt you can type p to pause and breathe, b to go back "
    "a step, j to read your journal, s to step out, q to leave, or h for help. Your "
    "place and your words are kept on this computer, readable only by you."
)

GOODBYE = "Thank you for the time you gave yourself today. Everything is kept, just as you left it."

IF_IT_STIRRED = "If today stirred up more than you expected, you do not have to carry it alone:"

NOTHING_SENT = "This program never contacts anyone and never sends anything anywhere."

NOT_KEPT = "This setting applies now, but could not be kept for next time."
BREAK_SUGGESTION = (
    "You have been here for a while now. A short break might feel good: a pause (p) to "
    "breathe, a stretch, or a glass of water. Or carry on; either is fine."
)


def goodbye_text(support: str, width: int | None = None) -> str:
    """The goodbye and the support information as plain text, for the terminal after leaving.

    Folded to `width` when given (a terminal), an indented line hanging under its own text;
    otherwise one line per line, which suits pipes, files and screen readers.
    """
    text = "\n\n".join((GOODBYE, IF_IT_STIRRED, support.strip(), NOTHING_SENT))
    if width is not None:
        text = "\n".join(_fold(line, width) for line in text.splitlines())
    return text + "\n"


def _fold(line: str, width: int) -> str:
    indent = " " * (len(line) - len(line.lstrip(" ")))
    return (
        textwrap.fill(
            line.strip(),
            width,
            initial_indent=indent,
            subsequent_indent=indent + "  " if indent else "",
            break_long_words=False,
            break_on_hyphens=False,
        )
        or line
    )


# -- before a deep scene ---------------------------------------------------------------------------
CHECKIN_TITLE = "Before you go on"
CHECKIN_LEAD = "The next part goes deeper."
CHECKIN_OK = "Go on only if it feels right today. Every choice here is a good one."
GO_ON, GENTLER, PAUSE, STOP = "go on", "gentler", "pause", "leave"


def checkin_replies(*, has_gentler: bool) -> list[tuple[str, str]]:
    """The reader's answers at a check-in, as (meaning, words); the gentler path only if there is one."""
    replies = [(GO_ON, "I'd like to go on.")]
    if has_gentler:
        replies.append((GENTLER, "I'd like a gentler path."))
    return replies + [(PAUSE, "I'd like to pause first."), (STOP, "I'll stop here for today.")]
