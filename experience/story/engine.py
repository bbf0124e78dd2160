"""Playing a story: an immutable `State` and the pure functions that move it on.

A `State` is a value: choosing returns a new one and leaves the old one as it was. So going back
is just the previous state, a save is a snapshot of one, a random play-through is a loop, and a
test can hold any moment of a story in a variable. Nothing here knows about screens or files.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .conditions import Value, ValueType
from .diagnostics import StoryRuntimeError
from .format import in_range
from .model import Choice, Scene, Story
from .text import escape_markdown, render_paragraphs


@dataclass(frozen=True, slots=True)
class State:
    """Where a reader is and everything the story remembers about how they got there.

    `variables` and `visits` are never changed after a State is made; every transition copies.
    `previous` links to the state before the last step, which makes the whole history (and
    "back") free.
    """

    scene: str
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    taken: frozenset[str] = frozenset()
    detours: tuple[str, ...] = ()
    step: int = 0
    seed: int = 0
    previous: State | None = field(default=None, repr=False, compare=False)

    __hash__ = None  # type: ignore[assignment]  # holds dicts; compare, don't hash

    def visits_to(self, scene_id: str) -> int:
        return self.visits.get(scene_id, 0)

    def history(self) -> list[State]:
        """Every state from the first to this one."""
        states = []
        state: State | None = self
        while state is not None:
            states.append(state)
            state = state.previous
        return states[::-1]

    def snapshot(self) -> dict[str, Any]:
        """A JSON-ready picture of this state (without its history)."""
        return {
            "scene": self.scene,
            "variables": dict(self.variables),
            "visits": dict(self.visits),
            "taken": sorted(self.taken),
            "detours": list(self.detours),
            "step": self.step,
            "seed": self.seed,
        }


def begin(story: Story, seed: int = 0) -> State:
    return State(scene=story.start, variables=story.initial_variables(), visits={story.start: 1}, seed=seed)


# -- what the reader can do ---------------------------------------------------------------------
def available(story: Story, state: State) -> list[Choice]:
    """The choices shown in this state, in the order the author wrote them.

    A choice is hidden when its `if` is false or when it is once-only and was taken. Fallback
    choices appear only when nothing else is available.
    """
    scene = story.scenes[state.scene]
    if not scene.choices:
        return []
    variables, visits, taken = state.variables, state.visits, state.taken
    shown: list[Choice] = []
    fallbacks: list[Choice] = []
    for choice in scene.choices:
        if choice.once and choice.key in taken:
            continue
        if choice.condition is not None and not choice.condition.evaluate(variables, visits):
            continue
        (fallbacks if choice.fallback else shown).append(choice)
    return shown or fallbacks


def is_ending(story: Story, state: State) -> bool:
    return story.scenes[state.scene].end


def can_continue(story: Story, state: State) -> bool:
    """A scene without choices that goes on by itself (a `goto` or a `return`)."""
    scene = story.scenes[state.scene]
    return not scene.choices and not scene.end and (scene.goto is not None or scene.returns)


def is_stuck(story: Story, state: State) -> bool:
    """Not an ending, nothing to continue to, and no choice available: the author's bug."""
    return not is_ending(story, state) and not can_continue(story, state) and not available(story, state)


def destination(story: Story, state: State, choice: Choice | None = None) -> str:
    """Where a choice (or continuing, with no choice) would take the reader."""
    if choice is None:
        scene = story.scenes[state.scene]
        if scene.goto:
            return scene.goto
        if scene.returns:
            return _return_target(state)
        raise StoryRuntimeError(f"scene '{state.scene}' does not continue by itself", scene.location)
    if choice.returns:
        return _return_target(state)
    assert choice.target is not None  # a choice that does not return has goto or detour (E102)
    return choice.target


def _return_target(state: State) -> str:
    if not state.detours:
        raise StoryRuntimeError(f"scene '{state.scene}' returns, but no detour led here")
    return state.detours[-1]


# -- moving on ------------------------------------------------------------------------------------
def choose(story: Story, state: State, choice: Choice | int, *, gentler: bool = False) -> State:
    """Take a choice (a `Choice`, or its number in the scene, from 1) and return the new state.

    `gentler=True` is the reader's answer at a check-in before a deep scene: the choice is taken,
    but the reader lands on that scene's `gentler` path instead.
    """
    scene = story.scenes[state.scene]
    if isinstance(choice, int):
        if not 1 <= choice <= len(scene.choices):
            raise StoryRuntimeError(f"scene '{state.scene}' has no choice {choice}", scene.location)
        choice = scene.choices[choice - 1]
    if choice.scene != state.scene or not any(c is choice for c in available(story, state)):
        raise StoryRuntimeError(f"that choice is not available in scene '{state.scene}'", choice.location)
    return take(story, state, choice, gentler=gentler)


def take(story: Story, state: State, choice: Choice, *, gentler: bool = False) -> State:
    """`choose` for a choice already known to be available (one that `available` returned).

    On the gentler path the reader did not go where the choice leads, so its `set` is not
    applied and a once-only choice stays available: the story remembers what happened, not
    what was declined.
    """
    if gentler and choice.target and story.scenes[choice.target].gentler:
        detours = state.detours + (state.scene,) if choice.detour else state.detours
        return _enter(story, state, choice.target, state.variables, state.taken, detours, gentler=True)
    variables = state.variables
    if choice.sets:
        old = state.variables
        variables = dict(old)
        for name, expression in choice.sets:
            variables[name] = expression.evaluate(old, state.visits)
    taken = state.taken | {choice.key} if choice.once else state.taken
    if choice.returns:
        return _enter(story, state, _return_target(state), variables, taken, state.detours[:-1], counted=False)
    if choice.detour:
        return _enter(story, state, choice.detour, variables, taken, state.detours + (state.scene,))
    assert choice.goto is not None  # neither return nor detour: goto (E102)
    return _enter(story, state, choice.goto, variables, taken, state.detours)


def advance(story: Story, state: State, *, gentler: bool = False) -> State:
    """Continue from a scene that has no choices."""
    scene = story.scenes[state.scene]
    if not can_continue(story, state):
        raise StoryRuntimeError(f"scene '{state.scene}' does not continue by itself", scene.location)
    if scene.returns:
        return _enter(
            story, state, _return_target(state), state.variables, state.taken, state.detours[:-1], counted=False
        )
    assert scene.goto is not None  # it continues by itself and does not return
    return _enter(story, state, scene.goto, state.variables, state.taken, state.detours, gentler=gentler)


def _enter(
    story: Story,
    state: State,
    target: str,
    variables: Mapping[str, Value],
    taken: frozenset[str],
    detours: tuple[str, ...],
    *,
    counted: bool = True,
    gentler: bool = False,
) -> State:
    if gentler:
        landing = story.scenes[target].gentler
        if landing:
            target = landing
    visits = state.visits
    if counted:
        visits = dict(visits)
        visits[target] = visits.get(target, 0) + 1
    return State(target, variables, visits, taken, detours, state.step + 1, state.seed, state)


def back(state: State) -> State | None:
    """The state before the last step, or None at the very beginning."""
    return state.previous


def needs_checkin(story: Story, state: State, target: str | None) -> bool:
    """Whether to ask before entering `target`: the first deep scene of a stretch, and again where
    its content note changes (the reader agreed to what the last one named). Coming back from a
    detour is not a new stretch: the reader already chose to be there."""
    if target is None:
        return False
    scene = story.scenes.get(target)
    if scene is None or not scene.is_deep:
        return False
    if state.detours and target == state.detours[-1]:
        return False
    here = story.scenes[state.scene]
    return not here.is_deep or here.content_note != scene.content_note


# -- what the reader sees ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class View:
    scene: Scene
    chapter_title: str
    title: str | None
    text: str  # Markdown; values the reader or story supplied are escaped
    choices: tuple[tuple[Choice, str], ...]  # available choices with their labels (plain text)
    prompt: str | None  # the reflection prompt, plain text
    ending: bool
    can_continue: bool
    visit: int


def scene_text(story: Story, state: State, *, escape: bool = True) -> str:
    """The scene's text as this reader sees it now.

    Variations count the visits of the text they belong to: `text` the visits to the scene,
    `revisit` the returns to it, so the first return shows a revisit's first variation.
    """
    scene = story.scenes[state.scene]
    visit = state.visits.get(state.scene, 1)
    if scene.revisit is not None and visit > 1:
        paragraphs, salt, visit = scene.revisit, scene.id + "/revisit", visit - 1
    else:
        paragraphs, salt = scene.text, scene.id
    return render_paragraphs(
        paragraphs,
        state.variables,
        state.visits,
        visit=visit,
        seed=state.seed,
        salt=salt,
        escape=escape_markdown if escape else None,
    )


def view(story: Story, state: State) -> View:
    scene = story.scenes[state.scene]
    chapter = story.chapters[scene.chapter]
    choices = tuple((c, c.text.render(state.variables)) for c in available(story, state))
    prompt = scene.reflect.prompt.render(state.variables) if scene.reflect else None
    return View(
        scene,
        chapter.title,
        scene.title,
        scene_text(story, state),
        choices,
        prompt,
        scene.end,
        can_continue(story, state),
        state.visits.get(state.scene, 1),
    )


# -- saved states ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Restored:
    state: State
    notes: tuple[str, ...]  # what had to change, in words for the reader


def restore(story: Story, snapshot: Mapping[str, Any], previous: State | None = None) -> Restored:
    """Rebuild a State from a snapshot, mending whatever no longer fits the story.

    Stories change under saves: a scene is renamed, a variable removed. The reader is taken to the
    nearest sensible place (the first scene of the same chapter, or the start) and told so gently.
    Nothing in a snapshot can make this raise.
    """
    notes: list[str] = []
    raw_scene = snapshot.get("scene")
    scene = raw_scene if isinstance(raw_scene, str) else ""
    detours = tuple(d for d in _strings(snapshot.get("detours")) if d in story.scenes)
    if scene not in story.scenes:
        chapter = story.chapters.get(scene.split("/", 1)[0]) if scene else None
        landing = chapter.first_scene if chapter is not None else None
        if chapter is not None and landing is not None and safe_landing(story, landing):
            scene = landing
            notes.append(
                f"The story has changed since your last visit, so the place you stopped is no "
                f"longer there. You are at the beginning of “{chapter.title}”."
            )
        else:
            scene = story.start
            notes.append(
                "The story has changed since your last visit, so the place you stopped is no "
                "longer there. You are back at the beginning; your journal is as you left it."
            )
        detours = ()
    elif not detours and scene not in story.main_path:
        # a side path (a pause) whose way back has gone: returning would have nowhere to go
        scene = story.start
        notes.append(
            "The story has changed since your last visit, and the way back from where you "
            "paused is no longer there. You are back at the beginning; your journal is as you left it."
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
