"""What an expression computes, and the compiled expression that computes it.

Values are numbers, text and true/false, each of a `ValueType` the checker knows at load time.
An `Expression` is what the compiler (conditions.py) makes of an author's source: a closure with
its type, the variables and scenes it reads, and where it was written. What it computes stays
within the story's limits (`format.NUMBER_LIMIT`, `format.TEXT_LIMIT`, kept by `within_limits`):
a number that grows on every visit (`n: n * n`) stops at the limit instead of growing until it can
no longer be shown, and a computation that cannot be done (dividing by zero, numbers beyond
counting) is a `StoryRuntimeError`, which the players and `walk` report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import cast

from .diagnostics import Location, StoryRuntimeError
from .format import NUMBER_LIMIT, TEXT_LIMIT

Value = int | float | str | bool
Variables = Mapping[str, Value]
Visits = Mapping[str, int]
Evaluator = Callable[[Variables, Visits], Value]
# The compiler knows each operand's type, so it hands arithmetic the narrower evaluators that it
# has checked; a cast costs nothing when an expression is evaluated.
NumberEvaluator = Callable[[Variables, Visits], float]
TextEvaluator = Callable[[Variables, Visits], str]


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


@dataclass(frozen=True, slots=True)
class Expression:
    """A checked, compiled expression. Call `evaluate(variables, visits)` to compute it."""

    source: str
    type: ValueType
    compute: Evaluator
    reads: frozenset[str]
    scenes: frozenset[str]
    location: Location

    def evaluate(self, variables: Variables, visits: Visits) -> Value:
        """The value (within the story's limits: see `within_limits`); StoryRuntimeError if it
        cannot be computed."""
        try:
            return self.compute(variables, visits)
        except ZeroDivisionError:
            raise StoryRuntimeError(f"division by zero in '{self.source}'", self.location) from None
        except (ArithmeticError, TypeError, KeyError) as error:
            raise StoryRuntimeError(f"cannot compute '{self.source}': {error}", self.location) from None

    def at(self, location: Location) -> Expression:
        """The same compiled expression written somewhere else (the loader reuses compilations)."""
        return Expression(self.source, self.type, self.compute, self.reads, self.scenes, location)

    @property
    def is_constant(self) -> bool:
        return not self.reads and not self.scenes

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


def within_limits(compute: Evaluator, kind: ValueType) -> Evaluator:
    """`compute`, with what it gives kept within the story's limits: a number stops at
    ±NUMBER_LIMIT and text at TEXT_LIMIT characters; a number past counting (nan: infinities
    taken from each other) cannot be computed at all. Wrapped once, when an expression is
    compiled, so a condition (true/false) costs nothing more to evaluate."""
    if kind is ValueType.NUMBER:
        number = cast(Callable[[Variables, Visits], float], compute)  # the compiler checked the type

        def bounded(variables: Variables, visits: Visits) -> Value:
            value = number(variables, visits)
            if value != value:
                raise OverflowError("its numbers grew too large")
            return NUMBER_LIMIT if value > NUMBER_LIMIT else -NUMBER_LIMIT if value < -NUMBER_LIMIT else value

        return bounded
    if kind is ValueType.TEXT:
        text = cast(Callable[[Variables, Visits], str], compute)
        return lambda variables, visits: text(variables, visits)[:TEXT_LIMIT]
    return compute


def literal(value: Value, location: Location) -> Expression:
    """A YAML number or true/false used where an expression is expected."""
    kind = ValueType.of(value)
    assert kind is not None

    def compute(_v: Variables, _s: Visits) -> Value:
        return value

    source = str(value).lower() if isinstance(value, bool) else str(value)
    return Expression(source, kind, compute, frozenset(), frozenset(), location)
