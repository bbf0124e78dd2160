"""What the plain reader can turn to and come back from: a pause, the settings, the check-in
before a deep scene, and support (the journal, which can also change, is in journal.py). Each
writes and reads through the player's `Terminal` and changes nothing of where the reader is in
the story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ..care.crisis import Concern
from ..care.grounding import SENSES, SENSES_CLOSING, SENSES_INTRO, STILL_BREATH, STILLNESS
from ..care.pacing import Sitting
from ..care.settings import BREAK_REMINDER, LANGUAGE, REDUCED_MOTION, language_label, language_value, read_settings
from ..care.support import as_text
from ..care.words import (
    CHECKIN_LEAD,
    CHECKIN_OK,
    CHECKIN_TITLE,
    NOT_KEPT,
    SUPPORT_LEAD,
    SUPPORT_TITLE,
    CareReply,
    CheckInReply,
    Comeback,
    checkin_replies,
    folded,
    heard_words,
)
from ..i18n import _, lazy, next_language, use_setting
from .commands import command_of
from .terminal import Leave, Terminal

if TYPE_CHECKING:
    from ..progress.comeback import WayBack
    from ..progress.session import CheckIn, Session

SETTINGS_INTRO = lazy(
    "These are kept for next time, for this profile only. The colours are chosen in the full-screen view, with f2."
)
BACK = lazy("Back where you were.")
WRITING_ON = lazy("{back} Your answer is as you left it: write on if you like, and an empty line ends it.", back=BACK)
BACK_TO_IT = lazy("{back} Type r to read the scene and its choices again, or go on as you were.", back=BACK)
SUPPORT_STILL_HERE = lazy(
    "The support lines are just above, and s at any prompt shows them again. Whenever you are ready, "
    "type a number to go on."
)
GIVEN_BACK = lazy("The line you typed just now is there too, as you wrote it.")
HEARD_REPLIES = lazy(
    "Press Enter to go back to where you were. Or type pause to breathe first, or leave if you "
    "would like to go for now."
)


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
    terminal.say(_("A pause"), STILLNESS, *STILL_BREATH)
    terminal.line(
        _("Press Enter to go back to where you were, or type n to notice what is around you, one sense at a time.")
    )
    if terminal.ask().strip().lower() not in ("n", "senses", "notice"):
        return
    terminal.say(SENSES_INTRO)
    for number, (title, words) in enumerate(SENSES, 1):
        terminal.say(_("{number} of {len}. {title}.").format(number=number, len=len(SENSES), title=title), words)
        terminal.line(_("Press Enter when you are ready for the next one, or r to go back to where you were."))
        if terminal.ask().strip().lower() in ("r", "b", "q", "back", "return"):
            return
    terminal.say(SENSES_CLOSING)
    terminal.line(_("Press Enter to go back to where you were."))
    terminal.ask()


# -- settings -------------------------------------------------------------------------------------------
def change_settings(terminal: Terminal, session: Session, command: Callable[[str], None]) -> None:
    """The settings that mean something here, each changed by its number until Enter.

    Any other command typed here is carried out by `command` (q leaves from here too, and so on).
    """
    while True:
        settings = read_settings(session.profile.settings)
        terminal.line()
        terminal.say(_("Settings"), SETTINGS_INTRO)
        terminal.line(
            _("  1. Break reminder: ")
            + (_("on (one gentle word after about 20 minutes)") if settings.break_reminder else _("off"))
        )
        terminal.line(
            _("  2. Reduced motion: ")
            + (
                _("on (nothing moves in the full-screen view either)")
                if settings.reduced_motion
                else _("off (the full-screen view's breathing guide moves)")
            )
        )
        terminal.line(f"  3. {language_label()}: {language_value(settings.language)}")
        terminal.line(_("Type 1, 2 or 3 to change it, or press Enter to go back to where you were."))
        typed = terminal.ask().strip()
        if typed == "1":
            key, value = BREAK_REMINDER, not settings.break_reminder
        elif typed == "2":
            key, value = REDUCED_MOTION, not settings.reduced_motion
        elif typed == "3":
            chosen = next_language(settings.language)
            use_setting(chosen, session.story.source_language)
            if not session.keep_setting(LANGUAGE, chosen):
                terminal.say(NOT_KEPT)
            continue
        else:
            if command_of(typed) not in (None, "settings"):
                command(typed)
                return
            if typed:
                terminal.line(_("Nothing changed."))
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
    _offer(terminal, replies, _("Type a number."))
    while True:
        typed = terminal.ask().strip()
        picked = _picked(typed, replies)
        if picked is not None:
            return picked
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
            _("Type a number from 1 to {len}; each one is a good answer. Or b to stay where you are for now.").format(
                len=len(replies)
            )
        )


# -- support --------------------------------------------------------------------------------------------
def support(
    terminal: Terminal,
    sitting: Sitting,
    *,
    concern: Concern | None = None,
    writing: bool = False,
    careful: bool = False,
    kept: bool = True,
) -> None:
    """The support lines at once, asked for (s) or offered after heavy words (`concern`); then as
    the reader chooses: back to where they were (Enter: the same prompt comes again, with a word
    on what it waits for, an answer being `writing` or a choice), a pause first, or leaving for
    now (`Leave`). `careful`: the story has a careful way, which it takes from here; `kept`: the heavy
    words were an answer, kept in the journal, rather than a line typed where nothing is kept
    (both as `heard_words` says them)."""
    reply, given_back = _support(terminal, concern=concern, careful=careful, kept=kept)
    if reply is CareReply.LEAVE:
        raise Leave(stepped_out=True)
    if reply is CareReply.PAUSE:
        pause(terminal, sitting)
    else:
        terminal.say(WRITING_ON if writing else BACK_TO_IT, *([GIVEN_BACK] if given_back else []))


def _support(terminal: Terminal, *, concern: Concern | None, careful: bool, kept: bool) -> tuple[CareReply, bool]:
    """Show support and read one line, and nothing more: a reply, or (for any other line) back to
    where the reader was, with that line given back to be read there. Offered after heavy words,
    the replies are words, not numbers, so that a number meant for a sentence never leaves."""
    terminal.line()
    said = ""
    if concern is None:
        terminal.say(SUPPORT_TITLE, SUPPORT_LEAD)
    else:
        title, words, said = heard_words(concern, careful=careful, kept=kept)
        terminal.say(title, words)
    terminal.write(folded(as_text(harm_first=concern is Concern.HARM), terminal.width) + "\n\n")
    replies = list(CareReply)
    if concern is None:
        _offer(terminal, replies, _("Type a number, or press Enter to go back to where you were."))
    else:
        terminal.say(said)
        terminal.line(HEARD_REPLIES)
    typed = terminal.ask()
    picked = _picked(typed.strip(), replies) if concern is None else None
    command = command_of(typed)
    if picked is not None:
        return picked, False
    if not typed.strip() or command == "back":
        return CareReply.BACK, False
    if command == "pause":
        return CareReply.PAUSE, False
    if command in ("leave", "step out"):
        return CareReply.LEAVE, False
    terminal.give_back(typed)
    return CareReply.BACK, True


# -- coming back -----------------------------------------------------------------------------------------
def way_back(terminal: Terminal, ways: list[WayBack], command: Callable[[str], str | None]) -> WayBack:
    """Which way back a returning reader takes: Enter for the first, a number, or 'start again'.

    Any other command typed here is carried out by `command`, and the question comes again.
    """
    _offer(terminal, ways, _("Press Enter for the first, or type a number. ({label}.)").format(label=ways[0].label))
    while True:
        typed = terminal.ask().strip()
        if typed.lower() in ("start again", "restart", "begin again"):
            return next(way for way in ways if way.how is Comeback.RESTART)
        picked = _picked(typed, ways)
        if picked is not None:
            return picked
        done = command(typed)
        if done is None:
            return ways[0]
        if done != "unknown":  # a command was carried out (the journal, say): the question again
            terminal.line(_("Press Enter for the first, or type a number from 1 to {len}.").format(len=len(ways)))


# -- a numbered list to choose from ------------------------------------------------------------------------
Labelled = TypeVar("Labelled", bound="CareReply | CheckInReply | WayBack")


def _offer(terminal: Terminal, options: Sequence[Labelled], what_to_type: str) -> None:
    for number, option in enumerate(options, 1):
        terminal.line(f"  {number}. {option.label}")
    terminal.line()
    terminal.line(what_to_type)


def _picked(typed: str, options: Sequence[Labelled]) -> Labelled | None:
    """The option whose number was typed, or None."""
    return options[int(typed) - 1] if typed.isdigit() and 1 <= int(typed) <= len(options) else None
