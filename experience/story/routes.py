"""The ways through a story that its author names in a text variable called `route`.

A story may offer more than one way through: the bundled journey has "full" (every movement) and
"short" (the first and the last, for one sitting or a short workshop), chosen near the start. The
author keeps the choice in `route`, and wherever the ways part, a choice's `if` tests it. So the
chapters of each way can be found without playing: from the start, follow every way on except a
choice whose `if` reads `route` and is false for this route, and a choice that sets `route` to
another value (that reader has left this route). The `if` is evaluated with `route` set and every
other variable at its starting value, nothing seen yet: a condition that cannot be worked out
that way counts as one that could hold.

Side paths, entered only by a detour (the pause), belong to no route: they can come at any moment.
The run-sheet asks this module for a route's chapters, and from them its minutes.
"""

from __future__ import annotations

from .conditions import Expression, Value
from .diagnostics import StoryRuntimeError
from .model import Choice, ExitKind, Story

ROUTE = "route"


def route_names(story: Story) -> tuple[str, ...]:
    """The story's ways through, its starting one first, then each other value a choice sets
    `route` to, in reading order; none if the story keeps no text variable `route`."""
    variable = story.variables.get(ROUTE)
    if variable is None or not isinstance(variable.initial, str):
        return ()
    start = story.initial_variables()
    names = [variable.initial]
    for scene in story.scenes.values():
        for choice in scene.choices:
            for name, value in choice.sets:
                if name != ROUTE:
                    continue
                try:
                    named = value.evaluate(start, {})
                except StoryRuntimeError:
                    continue
                if isinstance(named, str) and named not in names:
                    names.append(named)
    return tuple(names)


def route_chapters(story: Story, route: str) -> frozenset[str]:
    """The chapters a reader on `route` can reach, side paths left out (see the module's docstring)."""
    start = story.initial_variables()
    values = dict(start, **{ROUTE: route})
    reached, queue = {story.start}, [story.start]
    while queue:
        scene = story.scenes.get(queue.pop())
        if scene is None:
            continue
        targets = [
            exit.target
            for exit in scene.exits()
            if exit.kind not in (ExitKind.DETOUR, ExitKind.RETURN)
            and (exit.choice is None or _stays_on(exit.choice, route, start, values))
        ]
        for target in targets:
            if target and target not in reached:
                reached.add(target)
                queue.append(target)
    return frozenset(
        cid
        for cid, chapter in story.chapters.items()
        if chapter.first_scene in story.main_path and any(sid in reached for sid in chapter.scenes)
    )


def _stays_on(choice: Choice, route: str, start: dict[str, Value], values: dict[str, Value]) -> bool:
    """Whether a reader on `route` could take `choice` and still be on it."""
    if choice.detour:
        return False
    for name, value in choice.sets:
        if name == ROUTE and _value(value, start, route) != route:
            return False
    condition = choice.condition
    if condition is None or ROUTE not in condition.reads:
        return True
    return bool(_value(condition, values, True))


def _value(expression: Expression, variables: dict[str, Value], otherwise: Value) -> Value:
    try:
        return expression.evaluate(variables, {})
    except StoryRuntimeError:
        return otherwise
