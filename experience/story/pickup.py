"""Picking up again: where a reader goes on from after a pause in the journey, where they go to
stop for today, and the movements they can return to.

A stop (an ending marked `end: pause`) is a pause, not a goodbye: the way on from it is the last
place the reader stood on the story's own road (not an ending, not a side path such as the pause,
not a deep scene, whose check-in then comes again as they step in). Each of these is one more
step, never a rewriting of history, so "back" still undoes it. All pure: states in, states out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import State, arrive
from .model import Story
from .saves import safe_landing


@dataclass(frozen=True, slots=True)
class Movement:
    """A movement the reader has reached, and where picking it up lands: its first scene."""

    name: str  # the chapters' `movement`, or the first chapter's title when it has none
    chapter_title: str
    landing: str


def is_pause(story: Story, state: State) -> bool:
    """The reader stands at a pause in the journey: an ending marked `end: pause`."""
    return story.scenes[state.scene].pause


def way_on(story: Story, state: State) -> str | None:
    """At a pause in the journey, the scene to go on from; None anywhere else, or if none is left."""
    if not is_pause(story, state):
        return None
    earlier = state.previous
    while earlier is not None:
        if safe_landing(story, earlier.scene) and not earlier.detours:
            return earlier.scene
        earlier = earlier.previous
    return None


def stop_for_today(story: Story, state: State) -> State | None:
    """A step to the story's own gentle stop, from wherever the reader is; None if it has none.

    The stop is entered as a side path from here (like the pause it is), so a saved stop keeps its
    way back, and `way_on` finds this place again.
    """
    stop = story.stop_scene
    if stop is None:
        return None
    return _step(story, state, stop, detours=state.detours + (state.scene,))


def movements(story: Story, state: State) -> list[Movement]:
    """The movements the reader has reached (been in any scene of), in story order, each with its
    landing: the first scene of its first chapter, if a reader can stand there without a detour."""
    found: dict[str, Movement] = {}
    reached: set[str] = set()
    for chapter in story.chapters.values():
        name = chapter.movement or chapter.title
        if name not in found and chapter.first_scene and safe_landing(story, chapter.first_scene):
            found[name] = Movement(name, chapter.title, chapter.first_scene)
        if any(state.visits_to(sid) for sid in chapter.scenes):
            reached.add(name)
    return [movement for name, movement in found.items() if name in reached]


def pick_up(story: Story, state: State, scene_id: str) -> State:
    """A step to `scene_id` (a way on, or a movement's landing), keeping all the story remembers."""
    if scene_id not in story.scenes:
        raise KeyError(scene_id)
    return _step(story, state, scene_id, detours=())


def _step(story: Story, state: State, target: str, *, detours: tuple[str, ...]) -> State:
    """One more step, arriving at `target` as any step arrives (the visit counted, its `set` applied)."""
    return arrive(story, state, target, detours)
