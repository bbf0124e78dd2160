"""What the facilitator's console and the projector say about the room, in plain sentences.

Numbers only, never who: "2 of 5 have reached the gate", "1 asked for a moment". Each sentence is
worked out from one look at the room (a `Moment`) and nothing else, so the console, a second
console and the projector always say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import _, ngettext, pgettext
from .presets import message_words
from .runsheet_words import listed, number_text
from .timer import overrun

if TYPE_CHECKING:
    from .facilitation import Facilitation, Moment
    from .gate import Movements

SEPARATOR = " · "  # between the parts of a line (not words: the same in every language)


def open_line(facilitation: Facilitation) -> str:
    movements, following = facilitation.movements, facilitation.next_movement
    passed = _passed_over(facilitation)
    if not facilitation.begun:
        if following is None:
            # Translators: {passed} is empty, or " · passing over A and B" (the movements left out).
            return _("Not begun yet{passed}.").format(passed=passed)
        return _("Not begun yet{passed}. n begins with {movement} and starts its timer.").format(
            passed=passed, movement=movements.name(following)
        )
    opened = facilitation.opened
    then = (
        _("Next: {movement} (n opens it)").format(movement=movements.name(following))
        if following is not None
        else _("Every movement is open.")
    )
    # Translators: {passed} is empty or " · passing over A and B"; {then} what n does next.
    return _("Open: {number} of {count} · {movement}{passed}   {then}").format(
        number=opened + 1, count=len(movements), movement=movements.name(opened), passed=passed, then=then
    )


def _passed_over(facilitation: Facilitation) -> str:
    skipped = sorted(i for i in facilitation.moment.room.skipped if i > facilitation.moment.room.open_movement)
    names = [facilitation.movements.name(i) for i in skipped]
    return SEPARATOR + _("passing over {movements}").format(movements=listed(names)) if names else ""


def timer_line(facilitation: Facilitation) -> str:
    moment = facilitation.moment
    room = moment.room
    counts_note = SEPARATOR + _("counts on projector") if room.projector_counts else ""
    past = overrun(moment.remaining) if moment.time_up else None
    if past:
        return f"{past}{counts_note}"
    set_to = minutes(room.timer.seconds)
    state = _("running · {minutes} set") if room.timer.running else _("paused · {minutes} set")
    return state.format(minutes=set_to) + counts_note


def sheet_hint(facilitation: Facilitation, index: int) -> str:
    room = facilitation.moment.room
    if index in room.skipped and index > room.open_movement:
        where = _("passed over (k keeps it)")
    elif index == facilitation.opened and facilitation.begun:
        where = _("the open movement")
    elif index <= room.open_movement:
        where = pgettext("a movement", "open")
    else:
        where = _("not open yet (k passes over it)")
    # Translators: {where} says whether this movement is open ("open", "the open movement", ...).
    return _("Run-sheet: {number} of {count}, {where} · ← → to look at the others").format(
        number=index + 1, count=len(facilitation.movements), where=where
    )


def opening_question(facilitation: Facilitation, index: int) -> tuple[str, str, str]:
    """The question before opening movement `index` (or beginning), its detail, and the words for yes."""
    name = facilitation.movements.name(index)
    waiting = facilitation.moment.counts.waiting
    timer = _("The timer will be set to {minutes} and started.").format(
        minutes=minutes(facilitation.minutes_of(index) * 60)
    )
    if not facilitation.begun:
        who = (
            ngettext(
                "{n} person is waiting to begin and will go on to “{movement}” by themselves.",
                "{n} people are waiting to begin and will go on to “{movement}” by themselves.",
                waiting,
            ).format(n=waiting, movement=name)
            if waiting
            else _("Nobody is waiting yet.")
        )
        return (
            _("Begin the session?"),
            f"{who} {timer}",
            _("Begin with “{movement}” now").format(movement=name),
        )
    passing = [facilitation.movements.name(i) for i in range(facilitation.moment.room.open_movement + 1, index)]
    detail = [
        ngettext(
            "{n} person is waiting at the gate and will go on by themselves.",
            "{n} people are waiting at the gate and will go on by themselves.",
            waiting,
        ).format(n=waiting)
        if waiting
        else _("Nobody is waiting at the gate."),
        timer,
    ]
    if passing:
        detail.append(
            ngettext(
                "{movements} is passed over: anyone whose way goes there can still walk it at their own pace.",
                "{movements} are passed over: anyone whose way goes there can still walk it at their own pace.",
                len(passing),
            ).format(movements=listed(passing))
        )
    detail.append(_("Once open, a movement stays open."))
    return (
        _("Open “{movement}” for everyone?").format(movement=name),
        " ".join(detail),
        _("Open “{movement}” now").format(movement=name),
    )


def gate_line(moment: Moment, movements: Movements) -> str:
    """The one sentence a facilitator needs before opening the next movement."""
    counts, room = moment.counts, moment.room
    present = counts.present
    if present == 0:
        if room.joined:
            return ngettext(
                "No one is here just now: everyone who joined has left ({n} in all).",
                "No one is here just now: everyone who joined has left ({n} in all).",
                room.joined,
            ).format(n=room.joined)
        return _("No one has joined yet.")
    if not room.begun:
        return ngettext("{n} has joined.", "{n} have joined.", present).format(n=present)
    if room.open_movement >= movements.last:
        ended = counts.ended
        return _so_many(
            ended,
            present,
            _("No one has reached an ending yet ({present} here)."),
            _("All {present} have reached an ending."),
            ngettext(
                "{some} of {present} has reached an ending.", "{some} of {present} have reached an ending.", ended
            ),
        )
    waiting = counts.waiting
    return _so_many(
        waiting,
        present,
        _("No one has reached the gate yet ({present} here)."),
        _("All {present} have reached the gate."),
        ngettext("{some} of {present} has reached the gate.", "{some} of {present} have reached the gate.", waiting),
    )


def _so_many(some: int, present: int, none: str, every: str, part: str) -> str:
    """Which of three sentences says how many of those present have done something."""
    if some == 0:
        return none.format(present=present)
    if some == present > 1:
        return every.format(present=present)
    return part.format(some=some, present=present)


def care_line(moment: Moment) -> str:
    """Who may need the facilitator's care, as numbers; empty when no one does."""
    counts = moment.counts
    parts = []
    if counts.moments:
        parts.append(
            ngettext("{n} asked for a moment", "{n} asked for a moment", counts.moments).format(n=counts.moments)
        )
    if counts.pausing:
        parts.append(ngettext("{n} pausing", "{n} pausing", counts.pausing).format(n=counts.pausing))
    if counts.stepped_out:
        parts.append(ngettext("{n} stepping out", "{n} stepping out", counts.stepped_out).format(n=counts.stepped_out))
    return SEPARATOR.join(parts)


def spread_line(moment: Moment, movements: Movements) -> str:
    """Where the group is, movement by movement: numbers only."""
    counts = moment.counts
    if counts.present == 0 or not moment.room.begun:
        return ""
    return SEPARATOR.join(f"{movements.name(i)} {counts.by_movement[i]}" for i in sorted(counts.by_movement))


def join_line(moment: Moment) -> str:
    """How people join, as the server said it."""
    room = moment.room
    if not room.join_url:
        command = f"experience serve --room {room.name}"
        return _("Not served: start '{command}' to let people join.").format(command=command)
    if room.join_code:
        return _("Join at {address} · code {code}").format(address=room.join_url, code=room.join_code)
    return _("Join at {address} · no code (this computer only)").format(address=room.join_url)


def message_line(moment: Moment) -> str:
    """The last message to everyone, as the console shows it: a ready-made one in the console's
    language, one the facilitator typed as typed."""
    room = moment.room
    if not room.message or room.message_at is None:
        return _("m sends a short message to every participant's screen.")
    ago = max(0, int((moment.now - room.message_at) // 60))
    words = message_words(room)
    if ago < 1:
        return _("Sent to everyone just now: “{message}”").format(message=words)
    return ngettext(
        "Sent to everyone {n} min ago: “{message}”", "Sent to everyone {n} min ago: “{message}”", ago
    ).format(n=ago, message=words)


def minutes(seconds: float) -> str:
    """A time set, in minutes: "15 min", "2.5 min", or "no time"."""
    count = seconds / 60
    return _("{minutes} min").format(minutes=number_text(count)) if count else _("no time")
