"""The plain player's commands: a letter or a word at any prompt, and the help that lists them."""

from __future__ import annotations

from ..care.words import SUPPORT_LETTER
from ..i18n import _, lazy

COMMANDS = {
    "b": "back",
    "back": "back",
    "j": "journal",
    "journal": "journal",
    "p": "pause",
    "pause": "pause",
    "support": "support",  # "s" is heard by the terminal itself, at every prompt
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
ANSWER_COMMANDS = ("b", "j", "p", "q", "h")  # only single letters: a word might be an answer
HELP = (
    lazy("Type the number of a choice and press Enter. When a scene simply goes on, press Enter."),
    lazy("You can also type, at any prompt:"),
    lazy(
        "  {support_letter}  support: emergency numbers and crisis lines (even in the middle of an answer)",
        support_letter=SUPPORT_LETTER,
    ),
    lazy("  b  go back a step"),
    lazy("  r  read the scene again"),
    lazy("  j  read your journal, and change or delete an answer in it"),
    lazy("  p  pause: a slow breath, or your senses one at a time"),
    lazy("  q  leave now; your place and your words are kept"),
    lazy("  o  settings: the break reminder, and stillness for the full-screen view"),
    lazy("  h  this help"),
    lazy(
        "A question is answered in lines; an empty line ends the answer. Press Enter alone, or "
        "type a single dot, to pass it by. The first line of an answer can be b, j, p, q or h "
        "instead, and a line with only {support_letter} shows support at any time, keeping what "
        "you wrote.",
        support_letter=SUPPORT_LETTER,
    ),
)


def command_of(typed: str) -> str | None:
    """The command these typed words mean, or None."""
    return COMMANDS.get(typed.strip().lower())


def which_number(count: int) -> str:
    """What to type at a choice, when what was typed is not one of them."""
    return (
        _("Please type 1 to choose it, or h for help.")
        if count == 1
        else _("Please type a number from 1 to {count}, or h for help.").format(count=count)
    )
