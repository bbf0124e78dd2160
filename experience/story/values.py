"""The values a story computes with, and the shape of a compiled expression.

Numbers, text and true/false; nothing else. An evaluator takes the story's variables, the
reader's visits and a `draw`: a number fixed for one state of one reader (from their seed and
their step), which is all that `random()` may depend on, so that a replay reads the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum

Value = int | float | str | bool
Variables = Mapping[str, Value]
Visits = Mapping[str, int]
Evaluator = Callable[[Variables, Visits, int], Value]
# The compiler knows each operand's type, so it hands arithmetic the narrower evaluators that it
# has checked; a cast costs nothing when an expression is evaluated.
NumberEvaluator = Callable[[Variables, Visits, int], float]
TextEvaluator = Callable[[Variables, Visits, int], str]


class ValueType(str, Enum):
    NUMBER = "a number"
    TEXT = "text"
    FLAG = "true/false"

    @classmethod
    def of(cls, value: object) -> ValueType | None:
        if isinstance(value, bool):
            return cls.FLAG
        if isinstance(value, (int, float)):
            return cls.NUMBER
        if isinstance(value, str):
            return cls.TEXT
        return None
