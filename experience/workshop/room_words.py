"""What the facilitator's console and the projector say about the room, in plain sentences.

Numbers only, never who: "2 of 5 have reached the gate", "1 asked for a moment". Each sentence is
worked out from one look at the room (a `Moment`) and nothing else, so the console, a second
console and the projector always say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .runsheet import listed
from .timer import overrun

if TYPE_CHECKING:
    from .facilitation import Facilitation, Moment
    from .gate import Movements


def open_line(facilitation: Facilitation) -> str:
    movements, following = facilitation.movements, facilitation.next_movement
    passed = _passed_over(facilitation)
    if not facilitation.begun:
        first = f"n begins with {movements.name(following)} and starts its timer" if following is not None else ""
        return f"Not begun yet{passed}. {first}." if first else f"Not begun yet{passed}."
    opened = facilitation.opened
    then = (
        f"   Next: {movements.name(following)} (n opens it)" if following is not None else "   Every movement is open."
    )
    return f"Open: {opened + 1} of {len(movements)} · {movements.name(opened)}{passed}{then}"


def _passed_over(facilitation: Facilitation) -> str:
    skipped = sorted(i for i in facilitation.moment.room.skipped if i > facilitation.moment.room.open_movement)
    names = [facilitation.movements.name(i) for i in skipped]
    return f" · passing over {listed(names)}" if names else ""


def timer_line(facilitation: Facilitation) -> str:
    moment = facilitation.moment
    room = moment.room
    counts_note = " · counts on projector" if room.projector_counts else ""
    past = overrun(moment.remaining) if moment.time_up else None
    if past:
        return f"{past}{counts_note}"
    state = "running" if room.timer.running else "paused"
    return f"{state} · {minutes(room.timer.seconds)} set{counts_note}"


def sheet_hint(facilitation: Facilitation, index: int) -> str:
    room = facilitation.moment.room
    if index in room.skipped and index > room.open_movement:
        where = "passed over (k keeps it)"
    elif index == facilitation.opened and facilitation.begun:
        where = "the open movement"
    elif index <= room.open_movement:
        where = "open"
    else:
        where = "not open yet (k passes over it)"
    return f"Run-sheet: {index + 1} of {len(facilitation.movements)}, {where} · ← → to look at the others"


def opening_question(facilitation: Facilitation, index: int) -> tuple[str, str, str]:
    """The question before opening movement `index` (or beginning), its detail, and the words for yes."""
    name = facilitation.movements.name(index)
    waiting = facilitation.moment.counts.waiting
    timer = f"The timer will be set to {minutes(facilitation.minutes_of(index) * 60)} and started."
    who = f"{waiting} {'person is' if waiting == 1 else 'people are'}"
    if not facilitation.begun:
        return (
            "Begin the session?",
            f"{who} waiting to begin and will go on to “{name}” by themselves. {timer}",
            f"Begin with “{name}” now",
        )
    passing = [facilitation.movements.name(i) for i in range(facilitation.moment.room.open_movement + 1, index)]
    passed = (
        f" {listed(passing)} {'is' if len(passing) == 1 else 'are'} passed over: anyone whose way goes there can "
        "still walk it at their own pace."
        if passing
        else ""
    )
    detail = (
        f"{who} waiting at the gate and will go on by themselves. {timer}{passed} Once open, a movement stays open."
    )
    return f"Open “{name}” for everyone?", detail, f"Open “{name}” now"


def gate_line(moment: Moment, movements: Movements) -> str:
    """The one sentence a facilitator needs before opening the next movement."""
    counts, room = moment.counts, moment.room
    if counts.present == 0:
        if room.joined:
            return f"No one is here just now: everyone who joined has left ({room.joined} in all)."
        return "No one has joined yet."
    if not room.begun:
        return f"{counts.present} {_have(counts.present)} joined."
    if room.open_movement >= movements.last:
        return _so_many(counts.ended, counts.present, "reached an ending")
    return _so_many(counts.waiting, counts.present, "reached the gate")


def _so_many(some: int, present: int, done: str) -> str:
    if some == 0:
        return f"No one has {done} yet ({present} here)."
    if some == present > 1:
        return f"All {present} have {done}."
    return f"{some} of {present} {_have(some)} {done}."


def care_line(moment: Moment) -> str:
    """Who may need the facilitator's care, as numbers; empty when no one does."""
    counts = moment.counts
    parts = []
    if counts.moments:
        parts.append(f"{counts.moments} asked for a moment")
    if counts.pausing:
        parts.append(f"{counts.pausing} pausing")
    if counts.stepped_out:
        parts.append(f"{counts.stepped_out} stepping out")
    return " · ".join(parts)


def spread_line(moment: Moment, movements: Movements) -> str:
    """Where the group is, movement by movement: numbers only."""
    counts = moment.counts
    if counts.present == 0 or not moment.room.begun:
        return ""
    return " · ".join(f"{movements.name(i)} {counts.by_movement[i]}" for i in sorted(counts.by_movement))


def join_line(moment: Moment) -> str:
    """How people join, as the server said it."""
    room = moment.room
    if not room.join_url:
        return f"Not served: start 'experience serve --room {room.name}' to let people join."
    code = f" · code {room.join_code}" if room.join_code else " · no code (this computer only)"
    return f"Join at {room.join_url}{code}"


def message_line(moment: Moment) -> str:
    room = moment.room
    if not room.message or room.message_at is None:
        return "m sends a short message to every participant's screen."
    ago = max(0, int((moment.now - room.message_at) // 60))
    when = "just now" if ago < 1 else f"{ago} min ago"
    return f"Sent to everyone {when}: “{room.message}”"


def minutes(seconds: float) -> str:
    """A time set, in minutes: "15 min", "2.5 min", or "no time"."""
    count = seconds / 60
    return f"{count:g} min" if count else "no time"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"
