"""What the plain reader can turn to and come back from: the journal, a pause, the settings, and
the check-in before a deep scene. Each writes and reads through the player's `Terminal` and
changes nothing of where the reader is in the story.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..care.grounding import SENSES, SENSES_CLOSING, SENSES_INTRO, STILL_BREATH, STILLNESS
from ..care.pacing import Sitting
from ..care.settings import BREAK_REMINDER, REDUCED_MOTION, read_settings
from ..care.words import (
    CHECKIN_LEAD,
    CHECKIN_OK,
    CHECKIN_TITLE,
    JOURNAL_EMPTY,
    NOT_KEPT,
    CheckInReply,
    checkin_replies,
    local_date,
)
from .commands import command_of
from .terminal import Leave, Terminal

if TYPE_CHECKING:
    from ..progress.session import CheckIn, Session

SETTINGS_INTRO = (
    "These are kept for next time, for this profile only. The colours are chosen in the full-screen view, with f2."
)
BACK = "Back where you were."


# -- the journal ------------------------------------------------------------------------------------
def read_journal(terminal: Terminal, session: Session) -> None:
    groups = session.journal_by_chapter()
    terminal.line()
    terminal.say("Your journal")
    if not groups:
        terminal.say(JOURNAL_EMPTY)
    for title, entries in groups:
        terminal.say(title)
        for entry in entries:
            answer = "    " + "\n    ".join(entry.answer.splitlines() or [""])
            terminal.say(f"  {entry.prompt}", answer, f"  ({local_date(entry.created)})")
    terminal.line("End of your journal.")
    terminal.line()


# -- a pause ------------------------------------------------------------------------------------------
def pause(terminal: Terminal, sitting: Sitting) -> None:
    """The breath as a count, then the senses if wanted; every step waits for the reader."""
    sitting.rest()
    try:
        _ground(terminal)
    finally:
        sitting.resume()
    terminal.line()
    terminal.say(BACK)


def _ground(terminal: Terminal) -> None:
    terminal.line()
    terminal.say("A pause", STILLNESS, *STILL_BREATH)
    terminal.line(
        "Press Enter to go back to where you were, or type n to notice what is around you, one sense at a time."
    )
    if terminal.ask().strip().lower() not in ("n", "senses", "notice"):
        return
    terminal.say(SENSES_INTRO)
    for number, (title, words) in enumerate(SENSES, 1):
        terminal.say(f"{number} of {len(SENSES)}. {title}.", words)
        terminal.line("Press Enter when you are ready for the next one, or r to go back to where you were.")
        if terminal.ask().strip().lower() in ("r", "b", "q", "back", "return"):
            return
    terminal.say(SENSES_CLOSING)
    terminal.line("Press Enter to go back to where you were.")
    terminal.ask()


# -- settings -------------------------------------------------------------------------------------------
def change_settings(terminal: Terminal, session: Session, command: Callable[[str], None]) -> None:
    """The settings that mean something here, each changed by its number until Enter.

    Any other command typed here is carried out by `command` (q leaves from here too, and so on).
    """
    while True:
        settings = read_settings(session.profile.settings)
        terminal.line()
        terminal.say("Settings", SETTINGS_INTRO)
        terminal.line(
            "  1. Break reminder: "
            + ("on (one gentle word after about 20 minutes)" if settings.break_reminder else "off")
        )
        terminal.line(
            "  2. Reduced motion: "
            + (
                "on (nothing moves in the full-screen view either)"
                if settings.reduced_motion
                else "off (the full-screen view's breathing guide moves)"
            )
        )
        terminal.line("Type 1 or 2 to change it, or press Enter to go back to where you were.")
        typed = terminal.ask().strip()
        if typed == "1":
            key, value = BREAK_REMINDER, not settings.break_reminder
        elif typed == "2":
            key, value = REDUCED_MOTION, not settings.reduced_motion
        else:
            if command_of(typed) not in (None, "settings"):
                command(typed)
                return
            if typed:
                terminal.line("Nothing changed.")
            terminal.say(BACK)
            return
        if not session.keep_setting(key, value):
            terminal.say(NOT_KEPT)


# -- before a deep scene ------------------------------------------------------------------------------
def check_in(terminal: Terminal, checkin: CheckIn, journal: Callable[[], None]) -> CheckInReply | None:
    """Ask before a deep scene; None is "not now" (b), staying where one is."""
    replies = checkin_replies(has_gentler=checkin.has_gentler)
    note = checkin.content_note
    terminal.line()
    terminal.say(CHECKIN_TITLE, CHECKIN_LEAD, *([f"  {note.strip()}"] if note else []), CHECKIN_OK)
    for number, reply in enumerate(replies, 1):
        terminal.line(f"  {number}. {reply.label}")
    terminal.line()
    terminal.line("Type a number.")
    while True:
        typed = terminal.ask().strip()
        if typed.isdigit() and 1 <= int(typed) <= len(replies):
            return replies[int(typed) - 1]
        command = command_of(typed)
        if command == "pause":
            return CheckInReply.PAUSE
        if command == "back":
            return None  # not now: stay where you are
        if command in ("step out", "leave"):
            raise Leave(stepped_out=command == "step out")
        if command == "journal":
            journal()
        terminal.line(
            f"Type a number from 1 to {len(replies)}; each one is a good answer. Or b to stay where you are for now."
        )
