"""Two ways back into the body and the room: a paced breath, and the senses one at a time.

Both are the same wherever they are shown (the full-screen pause, the still version for people
who prefer no movement, and `--plain`). Nothing here is timed for the reader: the breath has a
rhythm to follow if they want one, and the senses move on only when the reader says so.
"""

from __future__ import annotations

import math

from ..i18n import lazy

BREATHE_IN, BREATHE_OUT = lazy("Breathe in…"), lazy("and out…")
IN_SECONDS, OUT_SECONDS = 4.0, 6.0  # a longer out-breath is the calming half
CYCLE = IN_SECONDS + OUT_SECONDS

STILL_BREATH = (
    lazy("Breathe in gently while you count to four: one, two, three, four."),
    lazy("Let it go slowly while you count to six: one, two, three, four, five, six."),
    lazy(
        "Three or four rounds is plenty, at whatever pace feels right. If counting is too much, just "
        "let each breath out last a little longer than it came in."
    ),
)

STILLNESS = lazy(
    "There is nowhere you need to be right now. Let your shoulders drop a little, and "
    "feel whatever is holding you up: the chair, the floor, the bed."
)

SENSES_INTRO = lazy(
    "A way to come back into the room, one sense at a time. There is no hurry, and "
    "no wrong answer; move on whenever you are ready."
)

SENSES = (
    (
        lazy("Five things you can see"),
        lazy(
            "Let your eyes wander slowly. Find five things you can see, and name each one to yourself: "
            "a colour, an edge, a small thing you had not noticed before."
        ),
    ),
    (
        lazy("Four things you can hear"),
        lazy(
            "Now listen. Find four sounds, near or far, loud or very faint: a fridge, a car, your own "
            "breathing. Even a quiet room has sounds in it."
        ),
    ),
    (
        lazy("Three things you can feel"),
        lazy(
            "Find three things you can feel: your feet on the floor, the weight of your hands, the air "
            "or the fabric against your skin."
        ),
    ),
    (
        lazy("Two things you can smell"),
        lazy(
            "Find two things you can smell. If nothing comes, notice the air itself, or remember a smell "
            "you like: bread, rain, someone's jumper."
        ),
    ),
    (
        lazy("One thing you can taste"),
        lazy(
            "Find one thing you can taste, or simply notice your mouth: your tongue resting, the taste "
            "of the last thing you drank."
        ),
    ),
)

SENSES_CLOSING = lazy(
    "You are here, in this room, in this moment. Take one more slow breath. When "
    "you are ready, you can go back to where you were; it has waited for you."
)


def breath_at(seconds: float) -> tuple[str, float]:
    """The words and how full the breath is (0 to 1) at `seconds` into the exercise.

    The fullness follows half a cosine in each phase, so the pacer eases in and out of each turn
    instead of jerking at the top and bottom of the breath.
    """
    t = seconds % CYCLE
    if t < IN_SECONDS:
        return str(BREATHE_IN), (1 - math.cos(math.pi * t / IN_SECONDS)) / 2
    return str(BREATHE_OUT), (1 + math.cos(math.pi * (t - IN_SECONDS) / OUT_SECONDS)) / 2
