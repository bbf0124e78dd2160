"""Playing a story: an immutable `State` and the pure functions that move it on.

A `State` is a value: choosing returns a new one and leaves the old one as it was. So going back
is just the previous state, a save is a snapshot of one, a random play-through is a loop, and a
test can hold any moment of a story in a variable. Nothing here knows about screens or files.

A move happens in this order: the choice's `set` is computed from the state before it; where it
leads is decided (the first branch of its `goto` that holds, with those values); the reader
enters that scene, which counts the visit and applies the scene's own `set`. Coming back from a
detour resumes the scene the reader left, so it counts nothing and sets nothing; a detour with
`then` goes on to a new scene instead, which is entered like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..i18n import _
from .conditions import COMPUTE_ERRORS, Value
from .diagnostics import Location, StoryRuntimeError
from .model import Branch, Choice, Sets, Story

THEN = "then:"  # marks a detour that goes on to a new scene when it returns (see State.detours)


@dataclass(slots=True)
class State:
    """Where a reader is and everything the story remembers about how they got there.

    A State is never changed after it is made, nor are its `variables` and `visits`: every
    transition copies (`dataclasses.replace`). It is not frozen at run time only because a frozen
    dataclass is several times slower to make, and a walk makes one for every step of every
    reader; a test holds the engine to it.

    `previous` links to the state before the last step, which makes the whole history (and
    "back") free. `detours` holds, for each detour under way, where its `return` goes: the scene
    it left (resumed as it was), or `then:` and the scene to go on to.
    """

    scene: str
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    taken: frozenset[str] = frozenset()
    detours: tuple[str, ...] = ()
    step: int = 0
    seed: int = 0
    previous: State | None = field(default=None, repr=False, compare=False)
    via: str | None = field(default=None, compare=False)  # the key of the choice that led here
    #: Fixed for this reader at this step: what `random()` is computed from. Kept, not computed
    #: when asked: each step asks for it more than once.
    draw: int = field(init=False, repr=False, compare=False)

    __hash__ = None  # type: ignore[assignment]  # holds dicts; compare, don't hash

    def __post_init__(self) -> None:
        self.draw = self.seed * 1_000_003 + self.step

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


def detour_return(entry: str) -> tuple[str, bool]:
    """Where a detour's `return` goes, and whether that is a new visit (a `then`) or a resumption."""
    return (entry[len(THEN) :], True) if entry.startswith(THEN) else (entry, False)


def begin(story: Story, seed: int = 0) -> State:
    state = State(scene=story.start, variables=story.initial_variables(), visits={story.start: 1}, seed=seed)
    sets = story.scenes[story.start].sets
    return replace(state, variables=_apply(sets, state.variables, state)) if sets else state


# -- what the reader can do ---------------------------------------------------------------------
def offered(story: Story, state: State) -> tuple[list[Choice], list[Choice]]:
    """The choices shown in this state, in the order the author wrote them: those the reader can
    take, and those shown but not selectable now (`disabled_if` holds).

    A choice is hidden when its `if` is false or when it is once-only and was taken. Fallback
    choices appear only when nothing else can be taken.
    """
    scene = story.scenes[state.scene]
    if not scene.choices:
        return [], []
    variables, visits, taken, draw = state.variables, state.visits, state.taken, state.draw
    shown: list[Choice] = []
    if scene.only_ifs:  # nothing but `if`s (most scenes): the quick way, computing them directly
        condition = None
        try:
            for choice in scene.choices:
                condition = choice.condition
                if condition is None or condition.compute(variables, visits, draw):
                    shown.append(choice)
        except COMPUTE_ERRORS as error:
            assert condition is not None
            raise condition.failure(error) from None
        return shown, []
    fallbacks: list[Choice] = []
    disabled: list[Choice] = []
    disabled_fallbacks: list[Choice] = []
    for choice in scene.choices:
        if choice.once and choice.key in taken:
            continue
        if choice.condition is not None and not choice.condition.evaluate(variables, visits, draw):
            continue
        if choice.disabled is not None and choice.disabled.evaluate(variables, visits, draw):
            (disabled_fallbacks if choice.fallback else disabled).append(choice)
        else:
            (fallbacks if choice.fallback else shown).append(choice)
    if shown:
        return shown, disabled
    return fallbacks, disabled + disabled_fallbacks


def available(story: Story, state: State) -> list[Choice]:
    """The choices the reader can take in this state (see `offered`)."""
    return offered(story, state)[0]


def is_ending(story: Story, state: State) -> bool:
    return story.scenes[state.scene].end


def can_continue(story: Story, state: State) -> bool:
    """A scene without choices that goes on by itself (a `goto` that leads somewhere now, a
    `return` or a `detour`)."""
    scene = story.scenes[state.scene]
    if not scene.continues:
        return False
    return bool(scene.returns or scene.detour) or _branch(scene.goto, state.variables, state) is not None


def is_stuck(story: Story, state: State) -> bool:
    """Not an ending, nothing to continue to, and no choice available: the author's bug."""
    return not is_ending(story, state) and not can_continue(story, state) and not available(story, state)


def destination(story: Story, state: State, choice: Choice | None = None) -> str:
    """Where a choice (or continuing, with no choice) would take the reader."""
    scene = story.scenes[state.scene]
    if choice is None:
        if scene.returns:
            return _return_target(state)[0]
        if scene.detour:
            return scene.detour
        if scene.goto:
            return _leads_to(scene.goto, state.variables, state)
        raise _does_not_continue(state, scene.location)
    if choice.returns:
        return _return_target(state)[0]
    if choice.detour:
        return choice.detour
    variables = _apply(choice.sets, state.variables, state) if choice.sets else state.variables
    return _leads_to(choice.goto, variables, state, choice)


def _branch(branches: tuple[Branch, ...], variables: Mapping[str, Value], state: State) -> str | None:
    for branch in branches:
        if branch.condition is None or branch.condition.evaluate(variables, state.visits, state.draw):
            return branch.target
    return None


def _leads_to(
    branches: tuple[Branch, ...], variables: Mapping[str, Value], state: State, choice: Choice | None = None
) -> str:
    """Where the goto of the scene (or of `choice`) leads now; the words for why it leads nowhere
    are made only then, never on the way through."""
    target = _branch(branches, variables, state)
    if target is None:
        location = branches[-1].location if branches else None
        if choice is None:
            message = _("none of the branches of the goto of scene '{scene}' holds, so it leads nowhere").format(
                scene=state.scene
            )
        else:
            # Translators: {number} is the choice's place in the scene's list (1, 2, ...).
            message = _(
                "none of the branches of the goto of choice {number} of '{scene}' holds, so it leads nowhere"
            ).format(number=choice.index, scene=state.scene)
        raise StoryRuntimeError(message, location)
    return target


def _does_not_continue(state: State, location: Location | None) -> StoryRuntimeError:
    return StoryRuntimeError(_("scene '{scene}' does not continue by itself").format(scene=state.scene), location)


def _return_target(state: State) -> tuple[str, bool]:
    if not state.detours:
        raise StoryRuntimeError(_("scene '{scene}' returns, but no detour led here").format(scene=state.scene))
    return detour_return(state.detours[-1])


def _apply(sets: Sets, variables: Mapping[str, Value], state: State, visits: Mapping[str, int] | None = None) -> dict:
    """Variables after `set`: every value computed from the values before it."""
    changed = dict(variables)
    seen, draw = (state.visits if visits is None else visits), state.draw
    expression = None
    try:
        for name, expression in sets:
            changed[name] = expression.compute(variables, seen, draw)
    except COMPUTE_ERRORS as error:
        assert expression is not None
        raise expression.failure(error) from None
    return changed


# -- moving on ------------------------------------------------------------------------------------
def choose(story: Story, state: State, choice: Choice | int, *, gentler: bool = False) -> State:
    """Take a choice (a `Choice`, or its number in the scene, from 1) and return the new state.

    `gentler=True` is the reader's answer at a check-in before a deep scene: the choice is taken,
    but the reader lands on that scene's `gentler` path instead.
    """
    scene = story.scenes[state.scene]
    if isinstance(choice, int):
        if not 1 <= choice <= len(scene.choices):
            message = _("scene '{scene}' has no choice {number}").format(scene=state.scene, number=choice)
            raise StoryRuntimeError(message, scene.location)
        choice = scene.choices[choice - 1]
    if choice.scene != state.scene or not any(c is choice for c in available(story, state)):
        message = _("that choice is not available in scene '{scene}'").format(scene=state.scene)
        raise StoryRuntimeError(message, choice.location)
    return take(story, state, choice, gentler=gentler)


def take(story: Story, state: State, choice: Choice, *, gentler: bool = False) -> State:
    """`choose` for a choice already known to be available (one that `available` returned).

    On the gentler path the reader did not go where the choice leads, so its `set` is not
    applied and a once-only choice stays available: the story remembers what happened, not
    what was declined.
    """
    variables = _apply(choice.sets, state.variables, state) if choice.sets else state.variables
    taken = state.taken | {choice.key} if choice.once else state.taken
    detours = state.detours
    counted = True
    if choice.returns:
        target, counted = _return_target(state)
        detours = detours[:-1]
    elif choice.detour:
        target = choice.detour
        detours = detours + (THEN + choice.then if choice.then else state.scene,)
    else:
        target = choice.target or _leads_to(choice.goto, variables, state, choice)
    if gentler and counted and story.scenes[target].gentler:
        return _enter(story, state, target, state.variables, state.taken, detours, gentler=True, via=choice.key)
    return _enter(story, state, target, variables, taken, detours, counted=counted, via=choice.key)


def advance(story: Story, state: State, *, gentler: bool = False) -> State:
    """Continue from a scene that has no choices."""
    scene = story.scenes[state.scene]
    if not scene.continues:
        raise _does_not_continue(state, scene.location)
    if scene.returns:
        target, counted = _return_target(state)
        detours = state.detours[:-1]
        return _enter(
            story, state, target, state.variables, state.taken, detours, counted=counted, gentler=gentler and counted
        )
    if scene.detour:
        back_to = THEN + scene.then if scene.then else state.scene
        detours = state.detours + (back_to,)
        return _enter(story, state, scene.detour, state.variables, state.taken, detours, gentler=gentler)
    target = _leads_to(scene.goto, state.variables, state)
    return _enter(story, state, target, state.variables, state.taken, state.detours, gentler=gentler)


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
    via: str | None = None,
) -> State:
    if gentler:
        landing = story.scenes[target].gentler
        if landing:
            target = landing
    visits = state.visits
    if counted:
        visits = dict(visits)
        visits[target] = visits.get(target, 0) + 1
    entered = State(target, variables, visits, taken, detours, state.step + 1, state.seed, state, via)
    sets = story.scenes[target].sets if counted else ()
    if sets:  # computed on arrival: the visit is counted, the step is the new one
        entered = replace(entered, variables=_apply(sets, variables, entered))
    return entered


def arrive(story: Story, state: State, scene_id: str, detours: tuple[str, ...] | None = None) -> State:
    """`state` moved to `scene_id` as a new visit, with nothing chosen ("play from here", picking
    up again), with its detours as they were unless others are given."""
    return _enter(story, state, scene_id, state.variables, state.taken, state.detours if detours is None else detours)


def back(state: State) -> State | None:
    """The state before the last step, or None at the very beginning."""
    return state.previous


def needs_checkin(story: Story, state: State, target: str | None) -> bool:
    """Whether to ask before entering `target`: the first deep scene of a stretch, and again where
    its content note changes (the reader agreed to what the last one named). Coming back from a
    detour is not a new stretch: the reader already chose to be there (a detour's `then` is
    somewhere new, and is asked about like any other scene)."""
    if target is None:
        return False
    scene = story.scenes.get(target)
    if scene is None or not scene.is_deep:
        return False
    if state.detours and target == state.detours[-1]:
        return False
    here = story.scenes[state.scene]
    return not here.is_deep or here.content_note != scene.content_note
