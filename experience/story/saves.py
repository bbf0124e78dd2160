"""Saved states brought back to life, and play started from any scene.

Stories change under saves: a scene is renamed, a variable removed. `restore` takes the reader to
the nearest sensible place and says so gently; nothing in a snapshot can make it raise.
`start_at` is the author's "play from here", which stands a reader at any scene as if they had
just arrived there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..i18n import _
from .engine import State, arrive, begin, detour_return, take
from .format import in_range
from .model import Choice, Story, reachable, reading_order
from .values import ValueType


@dataclass(frozen=True, slots=True)
class Restored:
    state: State
    notes: tuple[str, ...]  # what had to change, in words for the reader


def restore(story: Story, snapshot: Mapping[str, Any], previous: State | None = None) -> Restored:
    """Rebuild a State from a snapshot, mending whatever no longer fits the story.

    The reader is taken to the nearest sensible place (the first scene of the same chapter, or
    the start) and told so gently.
    """
    notes: list[str] = []
    raw_scene = snapshot.get("scene")
    scene = raw_scene if isinstance(raw_scene, str) else ""
    detours = tuple(d for d in _strings(snapshot.get("detours")) if detour_return(d)[0] in story.scenes)
    if scene not in story.scenes:
        chapter = story.chapters.get(scene.split("/", 1)[0]) if scene else None
        landing = chapter.first_scene if chapter is not None else None
        if chapter is not None and landing is not None and safe_landing(story, landing):
            scene = landing
            # Translators: {chapter} is the chapter's title; put it in the quotation marks your language uses.
            notes.append(
                _(
                    "The story has changed since your last visit, so the place you stopped is no "
                    "longer there. You are at the beginning of “{chapter}”."
                ).format(chapter=chapter.title)
            )
        else:
            scene = story.start
            notes.append(
                _(
                    "The story has changed since your last visit, so the place you stopped is no "
                    "longer there. You are back at the beginning; your journal is as you left it."
                )
            )
        detours = ()
    elif not detours and scene not in story.main_path:
        # a side path (a pause) whose way back has gone: returning would have nowhere to go
        scene = story.start
        notes.append(
            _(
                "The story has changed since your last visit, and the way back from where you "
                "paused is no longer there. You are back at the beginning; your journal is as you left it."
            )
        )

    variables = story.initial_variables()
    saved_vars = snapshot.get("variables")
    if isinstance(saved_vars, Mapping):
        for name, value in saved_vars.items():
            declared = story.variables.get(name)
            kind = ValueType.of(value)
            if declared is not None and kind is declared.type and (kind is not ValueType.NUMBER or in_range(value)):
                variables[name] = value  # a number beyond the limits was never computed by this story

    visits: dict[str, int] = {}
    saved_visits = snapshot.get("visits")
    if isinstance(saved_visits, Mapping):
        visits = {
            k: v
            for k, v in saved_visits.items()
            if k in story.scenes and isinstance(v, int) and not isinstance(v, bool) and v > 0
        }
    visits.setdefault(scene, 1)

    taken = frozenset(k for k in _strings(snapshot.get("taken")) if _choice_exists(story, k))
    step = snapshot.get("step")
    seed = snapshot.get("seed")
    state = State(
        scene,
        variables,
        visits,
        taken,
        detours,
        step if isinstance(step, int) and not isinstance(step, bool) and step >= 0 else 0,
        seed if isinstance(seed, int) and not isinstance(seed, bool) else 0,
        previous,
    )
    return Restored(state, tuple(notes))


def restore_history(story: Story, snapshots: Sequence[Mapping[str, Any]]) -> Restored:
    """Rebuild a whole history (oldest first), so that "back" works after a restart too."""
    if not snapshots:
        return Restored(begin(story), ())
    previous: State | None = None
    for snap in snapshots[:-1]:
        previous = restore(story, snap, previous).state
    return restore(story, snapshots[-1], previous)


def safe_landing(story: Story, scene_id: str) -> bool:
    """Where a reader may be put (a mended save, picking up again): the story goes on from there,
    no detour is needed to leave it, and no check-in is skipped."""
    scene = story.scenes.get(scene_id)
    return scene is not None and not scene.end and not scene.is_deep and scene_id in story.main_path


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, str))


def _choice_exists(story: Story, key: str) -> bool:
    scene_id, _, index = key.rpartition("#")
    scene = story.scenes.get(scene_id)
    return scene is not None and index.isdigit() and 1 <= int(index) <= len(scene.choices)


# -- play from here ---------------------------------------------------------------------------------
def start_at(story: Story, scene_id: str, seed: int = 0) -> State:
    """ "Play from here": the story's starting values, standing at `scene_id` as just arrived.

    A scene on a side path (a pause) is entered as if by the first detour, in reading order, that
    leads to it: that detour's choice is taken (so a once-only detour is not offered again on
    the way back, and its `set` applies), and its `return` goes where that detour's would.
    """
    first = begin(story, seed=seed)
    if scene_id == story.start:
        return first
    if scene_id not in story.main_path:
        found = detour_into(story, scene_id)
        if found is not None:
            origin, choice = found
            at_origin = replace(first, scene=origin, visits={origin: 1})
            aside = take(story, at_origin, choice)
            if aside.scene != scene_id:
                aside = arrive(story, aside, scene_id)
            return replace(aside, previous=None)
    return replace(arrive(story, replace(first, visits={}), scene_id), previous=None)


def detour_into(story: Story, scene_id: str) -> tuple[str, Choice] | None:
    """The first scene on the main path (in reading order) with a detour choice whose side path
    can lead to `scene_id`, and that choice."""
    for sid in reading_order(story.scenes, story.start, follow_detours=False):
        scene = story.scenes.get(sid)
        for choice in scene.choices if scene is not None else ():
            if choice.detour and scene_id in reachable(story, choice.detour, follow_detours=False):
                return sid, choice
    return None
