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

from ..i18n import ENGLISH, Words, _, babel_locale, lazy
from .crisis import Concern
from .wrapping import fold

WHAT_THIS_IS = lazy(
    "This is a guided reflection: a quiet story in short scenes about closeness and "
    "distance, with a few questions you can answer privately or pass by."
)

WHAT_IT_IS_NOT = lazy(
    "This is not therapy, and not help in a crisis. It is no substitute for talking with "
    "the people in your life, or with someone trained to help."
)

NOT_FOR_NOW = lazy(
    "If you are in danger or in crisis, or thinking of harming yourself, please set this "
    "aside and reach someone now: your local emergency number or a crisis line."
)
# -- support, from everywhere ------------------------------------------------------------------------
SUPPORT_KEY = "f1"  # the full screen's one key for support: it never types, so it works even while writing
SUPPORT_LETTER = "s"  # the same where a letter types nothing; in --plain, typed at any prompt, even mid-answer
SUPPORT_KEYS = lazy(
    "Press {key} at any moment, even while writing, to see emergency numbers and crisis lines.", key=SUPPORT_KEY
)
SUPPORT_TYPED = lazy(
    "Type {letter} at any prompt, even in the middle of an answer, to see emergency numbers and crisis lines.",
    letter=SUPPORT_LETTER,
)

YOUR_PACE_KEYS = lazy(
    "You set the pace. Press p to pause and breathe, b to go back a step, j to read your "
    "journal, f2 for settings, and ctrl+q to leave. Your place and your words are kept on "
    "this computer, readable only by you."
)

YOUR_PACE_TYPED = lazy(
    "You set the pace. At any prompt you can type p to pause and breathe, b to go back "
    "a step, j to read your journal, q to leave, or h for help. Your place and your words "
    "are kept on this computer, readable only by you."
)

SUPPORT_TITLE = lazy("Support")
SUPPORT_LEAD = lazy(
    "If you would like to talk to someone, now or later, here is where to find them. Everything "
    "is kept, just as you left it."
)
CRISIS_TITLE = lazy("You don't have to carry this alone")
CRISIS_WORDS = lazy(
    "What you wrote sounds very heavy. If you are thinking of ending your life or hurting "
    "yourself, please reach someone now: a person you trust, your local emergency number, or "
    "one of the lines below. They are free, and this is what they are there for."
)
CRISIS_KEPT = lazy(
    "Your words stay yours: kept in your journal, and the story will not repeat them. This "
    "program only reads words, and may have read yours wrong; if so, go on whenever you like."
)
HARM_TITLE = lazy("You deserve to be safe")
HARM_WORDS = lazy(
    "What you wrote sounds as though someone may be hurting or frightening you. If that is so, it "
    "is not your fault. The services first in the list below help with exactly that, free and in "
    "confidence, whenever you are ready."
)
HARM_KEPT = CRISIS_KEPT
# Words typed where nothing is kept (at a choice, in plain mode, where every line is read).
TYPED_NOT_KEPT = lazy(
    "Your words stay yours: what you typed there is not kept anywhere, and the story will not "
    "repeat it. This program only reads words, and may have read yours wrong; if so, go on "
    "whenever you like."
)
CAREFUL_FROM_HERE = lazy("From here on, nothing in the story will ask you to say anything to anyone.")


def heard_words(concern: Concern, *, careful: bool = False, kept: bool = True) -> tuple[str, str, str]:
    """What the support screen says first when it comes by itself: a title, a few words, and what
    becomes of the reader's words (`kept`: they were an answer, so they are in the journal; else
    they were typed where nothing is kept). Never the words themselves. `careful`: the story has a
    careful way (its `careful_as`), which it takes from here, and that is said too."""
    title, words, said = (
        (HARM_TITLE, HARM_WORDS, HARM_KEPT) if concern is Concern.HARM else (CRISIS_TITLE, CRISIS_WORDS, CRISIS_KEPT)
    )
    kept_words = said if kept else TYPED_NOT_KEPT
    return str(title), str(words), f"{kept_words} {CAREFUL_FROM_HERE}" if careful else str(kept_words)


LEAVE_FOR_NOW = lazy("Leave for now")
GO_ON_FROM_THE_STOP = lazy("Go on from where I stopped")
START_AGAIN = lazy("Start again from the beginning")

GOODBYE = lazy("Thank you for the time you gave yourself today. Everything is kept, just as you left it.")

IF_IT_STIRRED = lazy("If today stirred up more than you expected, you do not have to carry it alone:")

NOTHING_SENT = lazy("This program never contacts anyone and never sends anything anywhere.")

NOT_KEPT = lazy("This setting applies now, but could not be kept for next time.")
BREAK_SUGGESTION = lazy(
    "You have been here for a while now. A short break might feel good: a pause (p) to "
    "breathe, a stretch, or a glass of water. Or carry on; either is fine."
)


def goodbye_text(support: str, width: int | None = None, *, goodbye: Words = GOODBYE) -> str:
    """The goodbye and the support information as plain text, for the terminal after leaving.

    Folded to `width` when given (a terminal), an indented line hanging under its own text;
    otherwise one line per line, which suits pipes, files and screen readers. `goodbye` is the
    first line: the stepping out's own, or what was said on leaving another way.
    """
    return folded("\n\n".join((str(goodbye), str(IF_IT_STIRRED), support.strip(), str(NOTHING_SENT))), width) + "\n"


def folded(text: str, width: int | None) -> str:
    """Text laid out in lines (the support text), folded to `width` when given, as `goodbye_text`:
    an indented line's later lines hang under its own text, a little further in."""
    return fold(text, width, hang=2)


# -- before a deep scene ---------------------------------------------------------------------------
CHECKIN_TITLE = lazy("Before you go on")
CHECKIN_LEAD = lazy("The next part goes deeper.")
CHECKIN_OK = lazy("Go on only if it feels right today. Every choice here is a good one.")


class Worded(Enum):
    """Answers a reader picks from a list: each member's value is its words, shown as `label`."""

    @property
    def label(self) -> str:
        return str(self.value)  # a `lazy` sentence: in the language in use when it is shown


class CareReply(Worded):
    """What the reader may do from the support screen (asked for, or offered after heavy words):
    going back leaves everything as it was; leaving shows the goodbye and the lines once more."""

    BACK = lazy("Go back to where I was")
    PAUSE = lazy("Pause and breathe first")
    LEAVE = LEAVE_FOR_NOW


class CheckInReply(Worded):
    """The reader's answers at a check-in, in the order they are offered, each in its own words.

    Going on and the gentler path take the step (`Session.take`); pausing breathes first and then
    asks the same question again; stopping for today goes to the story's own gentle stop (a pause
    in the journey, `Session.stop_for_today`), or, in a story without one, steps out.
    """

    GO_ON = lazy("I'd like to go on.")
    GENTLER = lazy("I'd like a gentler path.")
    PAUSE = lazy("I'd like to pause first.")
    STOP = lazy("I'll stop here for today.")


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
    JOURNAL = lazy("Read your journal")
    RESTART = START_AGAIN
    LEAVE = LEAVE_FOR_NOW


def ending_actions(*, can_go_on: bool) -> list[EndingAction]:
    """The actions offered at an ending: going on only at a pause in the journey with a way on."""
    return [action for action in EndingAction if can_go_on or action is not EndingAction.GO_ON]


class Comeback(Worded):
    """How a returning reader may come back, in the order offered (see `Session.ways_back`)."""

    CONTINUE = lazy("Continue where I left off")
    GO_ON = GO_ON_FROM_THE_STOP
    PICK_UP = lazy("Go to the start of a part already reached")
    RESTART = START_AGAIN


def pick_up_label(movement: str, chapter_title: str) -> str:
    """A movement to pick up at, in words: its name, and its first chapter's title."""
    if chapter_title.casefold().startswith(movement.casefold()):  # "Noticing": "Noticing the distance"
        return _("Go to the start of “{chapter}”").format(chapter=chapter_title)
    return _("Go to the start of {movement}: “{chapter}”").format(movement=movement, chapter=chapter_title)


# -- along the way ------------------------------------------------------------------------------------
KEPT = lazy("Kept in your journal.")
PASSED_DRAFT_KEPT = lazy(
    "What you wrote is kept as a draft, not as an answer: it will be there if you come back to this question."
)
KEPT_KEYS = lazy("{kept} You can read it at any time with j.", kept=KEPT)
# Two whole sentences rather than one with a gap: a translation needs the whole of each.
CANNOT_SHOW_KEYS = lazy(
    "Something in this part of the story could not be shown. Nothing is lost: you can "
    "go back a step with b, or leave and come back later."
)
CANNOT_SHOW_TYPED = lazy(
    "Something in this part of the story could not be shown. Nothing is lost: you can "
    "go back a step with b, or leave with q and come back later."
)
STEP_NOT_TAKEN = lazy(
    "This step could not be taken: something in the story is not right here. You are "
    "still where you were, and nothing is lost."
)
STILL_WHERE_YOU_WERE = lazy("You are still where you were.")
NO_STEP_BEFORE = lazy("This is where your journey began; there is no step before it.")
JOURNAL_EMPTY = lazy(
    "Nothing here yet. When a scene asks you a question, whatever you choose to write "
    "is kept here, on this computer, readable only by you."
)
JOURNAL_KEPT_EITHER_WAY = lazy("Your journal is kept whichever you choose.")


def answer_not_kept(error: object) -> str:
    """Why an answer is not in the journal yet; the player says where the words still are.

    A store's refusal carries its reason (`why`: no room on the disk, another window writing, a
    read-only folder), said as it is; any other failure is named in its own words.
    """
    reason = getattr(getattr(error, "why", None), "value", None)
    if reason:
        return _("Your answer is not saved yet: {reason}.").format(reason=_(reason))
    return _("Your answer could not be kept just now ({error}).").format(error=error)


STILL_IN_THE_BOX_KEYS = lazy(
    "It is still in the box, and stays there: press ctrl+s to try again, or f7 to select it all "
    "and ctrl+c to copy it somewhere safe."
)


def words_not_saved_keys(error: object) -> str:
    """Why the reader has not moved on: the words in the box could not be written yet."""
    why = getattr(getattr(error, "why", None), "value", None)
    return _(
        "What you wrote here is not saved yet: {reason}. You are still here, with your words in the "
        "box: press ctrl+s to try again, f7 and then ctrl+c to copy them, or clear the box and Skip "
        "to let them go."
    ).format(reason=_(why) if why else error)


def still_here_typed(words: str) -> tuple[str, str]:
    """An answer the disk refused, offered again at its question in the plain player."""
    return (
        _("Your answer is not saved yet, so it is still here: “{words}”").format(words=words),
        _(
            "Press Enter alone to try to save it again, write more lines to add to it, "
            "or type a single dot to let it go."
        ),
    )


def not_saved_at_leaving(reason: str, texts: list[str], width: int | None = None) -> str:
    """Said on leaving when words could not be written at all: what, why, and the words themselves,
    so that nothing is lost without the reader knowing and having had the chance to copy it."""
    lead = _(
        "One thing was not kept: what you wrote below could not be saved, because {reason}. Here "
        "it is, so that you can copy it somewhere safe; it is kept nowhere else."
    ).format(reason=reason)
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
    if title and title.strip().casefold() != chapter_title.strip().casefold():
        return _("“{chapter}”, {title}").format(chapter=chapter_title, title=title)
    return _("“{chapter}”").format(chapter=chapter_title)


def welcome_back_lead(*, ended: bool, paused: bool = False) -> str:
    """The words before `place` when a reader comes back."""
    if paused:
        return _("Last time you stopped for a while, at")
    return _("Last time you reached the end, at") if ended else _("You were at")


def go_on_from(where: str) -> str:
    """Where a reader who stopped for a while can go on from (`where` is a `place`)."""
    return _("You can go on from where you stopped: {where}{full_stop}").format(where=where, full_stop=full_stop(where))


def full_stop(text: str) -> str:
    """The full stop a sentence ending in `text` needs: none after a title that ends in its own
    mark ("What is wrong with me?" is not followed by a stray ".")."""
    return "" if text.rstrip("”’\"' »").endswith((".", "?", "!", "…")) else "."


def local_date(stamp: str) -> str:
    """A stored UTC time (as the journal keeps it) as the reader's local date and time, in words."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    from babel.dates import format_date, format_time

    where = babel_locale()
    # The locale's own long date (3 de diciembre de 2026; December 3, 2026 in en_US); the program's
    # English, with no region named, keeps the day first, as it always has: 3 December 2026.
    day = format_date(moment, "d MMMM y" if where == ENGLISH else "long", locale=where)
    return _("{day}, {time}").format(day=day, time=format_time(moment, "HH:mm", locale=where))
