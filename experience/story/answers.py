"""A reader's answer to a scene's question, as the story keeps it in its variables.

The journal keeps what the reader wrote, always (experience/progress/); this is only what the
story may quote back in later scenes. Words that may mean the reader is in crisis are never quoted
back: the player decides that (`withheld`), and the story is told only that it happened.
"""

from __future__ import annotations

from dataclasses import replace

from .engine import State
from .model import Story

MAX_ANSWER_IN_VARIABLE = 4000


def kept_answer(answer: str) -> str:
    """An answer as its `save_as` variable keeps it: stripped, and cut to a length a scene can quote."""
    return answer.strip()[:MAX_ANSWER_IN_VARIABLE]


def record_answer(story: Story, state: State, answer: str, *, withheld: bool = False) -> State:
    """Keep a reflection answer in the scene's `save_as` variable, without taking a step.

    The result replaces the current state (same step, same history), so "back" still goes to the
    scene before, not to the moment before the answer was typed. A blank answer is a skip: the
    variable keeps the value it had (often a kind default such as "the younger you").

    A `withheld` answer leaves `save_as` at the story's starting value, so nothing quotes it, and
    sets the scene's `withheld_as` flag, so the story can choose its words after it; any other
    answer clears that flag again. It also sets the story's `careful_as` flag (`careful`).
    """
    reflect = story.scenes[state.scene].reflect
    if withheld:
        state = careful(story, state)
    if reflect is None or not answer.strip() or not (reflect.save_as or reflect.withheld_as):
        return state
    variables = dict(state.variables)
    if reflect.save_as:
        kept = story.variables[reflect.save_as].initial if withheld else kept_answer(answer)
        variables[reflect.save_as] = kept
    if reflect.withheld_as:
        variables[reflect.withheld_as] = withheld
    return replace(state, variables=variables)


def careful(story: Story, state: State) -> State:
    """The story's `careful_as` flag set, for the rest of the journey: the reader wrote words that
    may mean they are in crisis or someone is hurting them, and every later scene takes its
    careful way. A story without the flag, or with it already set, is left as it is."""
    flag = story.careful_as
    if flag is None or state.variables.get(flag) is True:
        return state
    return replace(state, variables={**state.variables, flag: True})
