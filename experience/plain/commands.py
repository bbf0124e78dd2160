"""The plain player's commands: a letter or a word at any prompt, and the help that lists them."""

from __future__ import annotations

from ..care.words import SUPPORT_LETTER

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
    "Type the number of a choice and press Enter. When a scene simply goes on, press Enter.",
    "You can also type, at any prompt:",
    f"  {SUPPORT_LETTER}  support: emergency numbers and crisis lines (even in the middle of an answer)",
    "  b  go back a step",
    "  r  read the scene again",
    "  j  read your journal, and change or delete an answer in it",
    "  p  pause: a slow breath, or your senses one at a time",
    "  q  leave now; your place and your words are kept",
    "  o  settings: the break reminder, and stillness for the full-screen view",
    "  h  this help",
    "A question is answered in lines; an empty line ends the answer. Press Enter alone, or type "
    "a single dot, to pass it by. The first line of an answer can be b, j, p, q or h instead, and "
    f"a line with only {SUPPORT_LETTER} shows support at any time, keeping what you wrote.",
)


def command_of(typed: str) -> str | None:
    """The command these typed words mean, or None."""
    return COMMANDS.get(typed.strip().lower())
