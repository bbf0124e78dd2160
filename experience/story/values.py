"""The values a story computes with, and the shape of a compiled expression.

Numbers, text and true/false; nothing else. An evaluator takes the story's variables, the
reader's visits and a `draw`: a number fixed for one state of one reader (from their seed and
their step), which is all that `random()` may depend on, so that a replay reads the same.

What an expression computes stays within the story's limits (`format.NUMBER_LIMIT`,
`format.TEXT_LIMIT`, kept by `within_limits`): a number that grows on every visit (`n: n * n`)
stops at the limit instead of growing until it can no longer be shown, and one past counting
cannot be computed at all (a `StoryRuntimeError`, which the players and `walk` report).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import cast

from ..i18n import Lazy, _, lazy
from .format import NUMBER_LIMIT, TEXT_LIMIT

Value = int | float | str | bool
Variables = Mapping[str, Value]
Visits = Mapping[str, int]
Evaluator = Callable[[Variables, Visits, int], Value]
# The compiler knows each operand's type, so it hands arithmetic the narrower evaluators that it
# has checked; a cast costs nothing when an expression is evaluated.
NumberEvaluator = Callable[[Variables, Visits, int], float]
TextEvaluator = Callable[[Variables, Visits, int], str]


class ValueType(str, Enum):
    """A value's type. Its value is its name in English, as the code and the JSON Schema know
    it; `said` is the same in the language in use, for messages."""

    NUMBER = "a number"
    TEXT = "text"
    FLAG = "true/false"

    @property
    def said(self) -> Lazy:
        return _SAID[self]

    @classmethod
    def of(cls, value: object) -> ValueType | None:
        if isinstance(value, bool):
            return cls.FLAG
        if isinstance(value, (int, float)):
            return cls.NUMBER
        if isinstance(value, str):
            return cls.TEXT
        return None


_SAID = {
    ValueType.NUMBER: lazy("a number"),
    # Translators: the type of a value, as in "'name' holds text".
    ValueType.TEXT: lazy("text"),
    # Translators: the type of a value, as in "'ready' holds true/false"; true and false are the format's words.
    ValueType.FLAG: lazy("true/false"),
}


def within_limits(compute: Evaluator, kind: ValueType) -> Evaluator:
    """`compute`, with what it gives kept within the story's limits: a number stops at
    ±NUMBER_LIMIT and text at TEXT_LIMIT characters; a number past counting (nan: infinities
    taken from each other) cannot be computed at all. Wrapped once, when an expression is
    compiled, so a condition (true/false) costs nothing more to evaluate."""
    if kind is ValueType.NUMBER:
        number = cast(NumberEvaluator, compute)  # the compiler checked the type

        def bounded(variables: Variables, visits: Visits, draw: int) -> Value:
            value = number(variables, visits, draw)
            if value != value:
                raise OverflowError(_("its numbers grew too large"))
            return NUMBER_LIMIT if value > NUMBER_LIMIT else -NUMBER_LIMIT if value < -NUMBER_LIMIT else value

        return bounded
    if kind is ValueType.TEXT:
        text = cast(TextEvaluator, compute)
        return lambda variables, visits, draw: text(variables, visits, draw)[:TEXT_LIMIT]
    return compute
