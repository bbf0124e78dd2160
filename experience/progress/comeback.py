"""How a returning reader may come back: the ways, in the order both players offer them, each in
its own words. After a stop (a pause in the journey) the first is going on from where they
stopped; otherwise continuing where they left off. Then the start of every movement reached,
and always the beginning. `Session.ways_back` asks this; `Session.come_back` takes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..care.words import Comeback, pick_up_label
from ..story import State, Story
from ..story.pickup import movements, way_on


@dataclass(frozen=True, slots=True)
class WayBack:
    """One way back, in words, and where it lands (a scene id for going on from a stop or picking
    up at a movement; None to stay where one is, or to begin again)."""

    how: Comeback
    label: str
    scene: str | None = None


def ways_back(story: Story, state: State) -> list[WayBack]:
    on = way_on(story, state)
    ways = [
        WayBack(Comeback.GO_ON, Comeback.GO_ON.label, on) if on else WayBack(Comeback.CONTINUE, Comeback.CONTINUE.label)
    ]
    for movement in movements(story, state):
        if movement.landing != on:
            ways.append(
                WayBack(Comeback.PICK_UP, pick_up_label(movement.name, movement.chapter_title), movement.landing)
            )
    ways.append(WayBack(Comeback.RESTART, Comeback.RESTART.label))
    return ways
