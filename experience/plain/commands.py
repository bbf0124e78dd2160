"""The plain player's commands: a letter or a word at any prompt, and the help that lists them."""

from __future__ import annotations

COMMANDS = {
    "b": "back",
    "back": "back",
    "j": "journal",
    "journal": "journal",
    "p": "pause",
    "pause": "pause",
    "s": "step out",
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
ANSWER_COMMANDS = ("b", "j", "p", "s", "q", "h")  # only single letters: a word might be an answer
HELP = (
    "Type the number of a choice and press Enter. When a scene simply goes on, press Enter.",
    "You can also type, at any prompt:",
    "  b  go back a step",
    "  r  read the scene again",
    "  j  read your journal",
    "  p  pause: a slow breath, or your senses one at a time",
    "  s  step out: leave with everything kept, and see where to find support",
    "  q  leave now; your place and your words are kept",
    "  o  settings: the break reminder, and stillness for the full-screen view",
    "  h  this help",
    "A question is answered in lines; an empty line ends the answer. Press Enter alone, or type "
    "a single dot, to pass it by. While writing, a line with only b, j, p, s, q or h is that command.",
)


def command_of(typed: str) -> str | None:
    """The command these typed words mean, or None."""
    return COMMANDS.get(typed.strip().lower())
