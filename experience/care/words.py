"""The things the program itself says, in one place, for every way of playing.

The full-screen player and `--plain` must say the same true things in the same words: what this
is and is not, who it is not for today, that the reader sets the pace, how it says goodbye, the
answers at a check-in and at an ending, what it says when a step or a scene goes wrong, and how a
journal entry's date reads. Only the keys differ between the two, so the sentences that name keys
are kept apart (`..._KEYS` for the full screen, `..._TYPED` for typed commands).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from .crisis import Concern
from .wrapping import fold

WHAT_THIS_IS = (
    "This is a guided reflection: a quiet story in short scenes about closeness and "
    "distance, with a few questions you can answer privately or pass by."
)

WHAT_IT_IS_NOT = (
    "This is not therapy, and not help in a crisis. It is no substitute for talking with "
    "the people in your life, or with someone trained to help."
)

NOT_FOR_NOW = (
    "If you are in danger or in crisis, or thinking of harming yourself, please set this "
    "aside and reach someone now: your local emergency number or a crisis line."
)
# -- support, from everywhere ------------------------------------------------------------------------
SUPPORT_KEY = "f1"  # the full screen's one key for support: it never types, so it works even while writing
SUPPORT_LETTER = "s"  # the same where a letter types nothing; in --plain, typed at any prompt, even mid-answer
SUPPORT_KEYS = f"Press {SUPPORT_KEY} at any moment, even while writing, to see emergency numbers and crisis lines."
SUPPORT_TYPED = (
    f"Type {SUPPORT_LETTER} at any prompt, even in the middle of an answer, to see emergency numbers and crisis lines."
)

YOUR_PACE_KEYS = (
    "You set the pace. Press p to pause and breathe, b to go back a step, j to read your "
    "journal, f2 for settings, and ctrl+q to leave. Your place and your words are kept on "
    "this computer, readable only by you."
)

YOUR_PACE_TYPED = (
    "You set the pace. At any prompt you can type p to pause and breathe, b to go back "
    "a step, j to read your journal, q to leave, or h for help. Your place and your words "
    "are kept on this computer, readable only by you."
)

SUPPORT_TITLE = "Support"
SUPPORT_LEAD = (
    "If you would like to talk to someone, now or later, here is where to find them. Everything "
    "is kept, just as you left it."
)
CRISIS_TITLE = "You don't have to carry this alone"
CRISIS_WORDS = (
    "What you wrote sounds very heavy. If you are thinking of ending your life or hurting "
    "yourself, please reach someone now: a person you trust, your local emergency number, or "
    "one of the lines below. They are free, and this is what they are there for."
)
CRISIS_KEPT = (
    "Your words stay yours: kept in your journal, and the story will not repeat them. This "
    "program only reads words, and may have read yours wrong; if so, go on whenever you like."
)
HARM_TITLE = "You deserve to be safe"
HARM_WORDS = (
    "What you wrote sounds as though someone may be hurting or frightening you. If that is so, it "
    "is not your fault. The services first in the list below help with exactly that, free and in "
    "confidence, whenever you are ready."
)
HARM_KEPT = CRISIS_KEPT
CAREFUL_FROM_HERE = "From here on, nothing in the story will ask you to say anything to anyone."


def heard_words(concern: Concern, *, careful: bool = False) -> tuple[str, str, str]:
    """What the support screen says first when it comes by itself: a title, a few words, and what
    becomes of the reader's words. Never the words themselves. `careful`: the story has a careful
    way (its `careful_as`), which it takes from here, and that is said too."""
    title, words, kept = (
        (HARM_TITLE, HARM_WORDS, HARM_KEPT) if concern is Concern.HARM else (CRISIS_TITLE, CRISIS_WORDS, CRISIS_KEPT)
    )
    return title, words, f"{kept} {CAREFUL_FROM_HERE}" if careful else kept


LEAVE_FOR_NOW = "Leave for now"
GO_ON_FROM_THE_STOP = "Go on from where I stopped"
START_AGAIN = "Start again from the beginning"

GOODBYE = "Thank you for the time you gave yourself today. Everything is kept, just as you left it."

IF_IT_STIRRED = "If today stirred up more than you expected, you do not have to carry it alone:"

NOTHING_SENT = "This program never contacts anyone and never sends anything anywhere."

NOT_KEPT = "This setting applies now, but could not be kept for next time."
BREAK_SUGGESTION = (
    "You have been here for a while now. A short break might feel good: a pause (p) to "
    "breathe, a stretch, or a glass of water. Or carry on; either is fine."
)


def goodbye_text(support: str, width: int | None = None, *, goodbye: str = GOODBYE) -> str:
    """The goodbye and the support information as plain text, for the terminal after leaving.

    Folded to `width` when given (a terminal), an indented line hanging under its own text;
    otherwise one line per line, which suits pipes, files and screen readers. `goodbye` is the
    first line: the stepping out's own, or what was said on leaving another way.
    """
    return folded("\n\n".join((goodbye, IF_IT_STIRRED, support.strip(), NOTHING_SENT)), width) + "\n"


def folded(text: str, width: int | None) -> str:
    """Text laid out in lines (the support text), folded to `width` when given, as `goodbye_text`:
    an indented line's later lines hang under its own text, a little further in."""
    return fold(text, width, hang=2)


# -- before a deep scene ---------------------------------------------------------------------------
CHECKIN_TITLE = "Before you go on"
CHECKIN_LEAD = "The next part goes deeper."
CHECKIN_OK = "Go on only if it feels right today. Every choice here is a good one."


class Worded(Enum):
    """Answers a reader picks from a list: each member's value is its words, shown as `label`."""

    @property
    def label(self) -> str:
        return str(self.value)


class CareReply(Worded):
    """What the reader may do from the support screen (asked for, or offered after heavy words):
    going back leaves everything as it was; leaving shows the goodbye and the lines once more."""

    BACK = "Go back to where I was"
    PAUSE = "Pause and breathe first"
    LEAVE = LEAVE_FOR_NOW


class CheckInReply(Worded):
    """The reader's answers at a check-in, in the order they are offered, each in its own words.

    Going on and the gentler path take the step (`Session.take`); pausing breathes first and then
    asks the same question again; stopping for today goes to the story's own gentle stop (a pause
    in the journey, `Session.stop_for_today`), or, in a story without one, steps out.
    """

    GO_ON = "I'd like to go on."
    GENTLER = "I'd like a gentler path."
    PAUSE = "I'd like to pause first."
    STOP = "I'll stop here for today."


def checkin_replies(*, has_gentler: bool) -> list[CheckInReply]:
    """The answers offered at a check-in: the gentler path only if the scene has one."""
    return [reply for reply in CheckInReply if has_gentler or reply is not CheckInReply.GENTLER]


# -- at an ending -------------------------------------------------------------------------------------
class EndingAction(Worded):
    """What the reader may do at an ending, in the order offered, each in its own words.

    Players show `label`s in this order and act on the member picked, never on its position, so
    the order can change here alone. Going on is offered only at a pause in the journey.
    """

    GO_ON = GO_ON_FROM_THE_STOP
    JOURNAL = "Read your journal"
    RESTART = START_AGAIN
    LEAVE = LEAVE_FOR_NOW


def ending_actions(*, can_go_on: bool) -> list[EndingAction]:
    """The actions offered at an ending: going on only at a pause in the journey with a way on."""
    return [action for action in EndingAction if can_go_on or action is not EndingAction.GO_ON]


class Comeback(Worded):
    """How a returning reader may come back, in the order offered (see `Session.ways_back`)."""

    CONTINUE = "Continue where I left off"
    GO_ON = GO_ON_FROM_THE_STOP
    PICK_UP = "Go to the start of a part already reached"
    RESTART = START_AGAIN


def pick_up_label(movement: str, chapter_title: str) -> str:
    """A movement to pick up at, in words: its name, and its first chapter's title."""
    if chapter_title.casefold().startswith(movement.casefold()):  # "Noticing": "Noticing the distance"
        return f"Go to the start of “{chapter_title}”"
    return f"Go to the start of {movement}: “{chapter_title}”"


# -- along the way ------------------------------------------------------------------------------------
KEPT = "Kept in your journal."
PASSED_DRAFT_KEPT = (
    "What you wrote is kept as a draft, not as an answer: it will be there if you come back to this question."
)
KEPT_KEYS = f"{KEPT} You can read it at any time with j."
_CANNOT_SHOW = (
    "Something in this part of the story could not be shown. Nothing is lost: you can "
    "go back a step with b, or leave{how} and come back later."
)
CANNOT_SHOW_KEYS = _CANNOT_SHOW.format(how="")
CANNOT_SHOW_TYPED = _CANNOT_SHOW.format(how=" with q")
STEP_NOT_TAKEN = (
    "This step could not be taken: something in the story is not right here. You are "
    "still where you were, and nothing is lost."
)
STILL_WHERE_YOU_WERE = "You are still where you were."
NO_STEP_BEFORE = "This is where your journey began; there is no step before it."
JOURNAL_EMPTY = (
    "Nothing here yet. When a scene asks you a question, whatever you choose to write "
    "is kept here, on this computer, readable only by you."
)
JOURNAL_KEPT_EITHER_WAY = "Your journal is kept whichever you choose."


def answer_not_kept(error: object) -> str:
    """Why an answer is not in the journal yet; the player says where the words still are.

    A store's refusal carries its reason (`why`: no room on the disk, another window writing, a
    read-only folder), said as it is; any other failure is named in its own words.
    """
    reason = getattr(getattr(error, "why", None), "value", None)
    if reason:
        return f"Your answer is not saved yet: {reason}."
    return f"Your answer could not be kept just now ({error})."


STILL_IN_THE_BOX_KEYS = (
    "It is still in the box, and stays there: press ctrl+s to try again, or f7 to select it all "
    "and ctrl+c to copy it somewhere safe."
)


def words_not_saved_keys(error: object) -> str:
    """Why the reader has not moved on: the words in the box could not be written yet."""
    reason = getattr(getattr(error, "why", None), "value", None) or str(error)
    return (
        f"What you wrote here is not saved yet: {reason}. You are still here, with your words in the "
        "box: press ctrl+s to try again, f7 and then ctrl+c to copy them, or clear the box and Skip "
        "to let them go."
    )


def still_here_typed(words: str) -> tuple[str, str]:
    """An answer the disk refused, offered again at its question in the plain player."""
    return (
        f"Your answer is not saved yet, so it is still here: “{words}”",
        "Press Enter alone to try to save it again, write more lines to add to it, or type a single dot to let it go.",
    )


def not_saved_at_leaving(reason: str, texts: list[str], width: int | None = None) -> str:
    """Said on leaving when words could not be written at all: what, why, and the words themselves,
    so that nothing is lost without the reader knowing and having had the chance to copy it."""
    lead = (
        f"One thing was not kept: what you wrote below could not be saved, because {reason}. Here "
        "it is, so that you can copy it somewhere safe; it is kept nowhere else."
    )
    lines = [fold(lead, width), ""]
    for text in texts:
        lines += [*(f"    {line}" for line in text.splitlines() or [""]), ""]
    return "\n".join(lines)


def step_failed(error: object) -> str:
    """A step the database would not write: its own words, and that the reader has not moved."""
    return f"{error} {STILL_WHERE_YOU_WERE}"


def place(chapter_title: str, title: str | None) -> str:
    """Where a returning reader was: the chapter in quotes, and the scene's title if it has one
    and it says something more (an ending named like its chapter is not named twice)."""
    more = title and title.strip().casefold() != chapter_title.strip().casefold()
    return f"“{chapter_title}”" + (f", {title}" if more else "")


def welcome_back_lead(*, ended: bool, paused: bool = False) -> str:
    """The words before `place` when a reader comes back."""
    if paused:
        return "Last time you stopped for a while, at"
    return "Last time you reached the end, at" if ended else "You were at"


def go_on_from(where: str) -> str:
    """Where a reader who stopped for a while can go on from (`where` is a `place`)."""
    return f"You can go on from where you stopped: {where}{full_stop(where)}"


def full_stop(text: str) -> str:
    """The full stop a sentence ending in `text` needs: none after a title that ends in its own
    mark ("What is wrong with me?" is not followed by a stray ".")."""
    return "" if text.rstrip("”’\"' ").endswith((".", "?", "!", "…")) else "."


def local_date(stamp: str) -> str:
    """A stored UTC time (as the journal keeps it) as the reader's local date and time, in words."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%B %Y, %H:%M}"
