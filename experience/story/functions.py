"""The functions an expression can call, each defined once: its parameters, result and meaning.

The compiler checks a call against this table (how many arguments, of which types), the guide's
table of functions and the language server's completions read it, and `build` makes the
evaluator. Two functions take a scene named in quotes (`seen`, `visits`); the others take values.

`random` is seeded, never free: its number comes from the reader's seed, the step they are on
and the place in the story where it is written, so the same save replays the same way, going
back and forward again rolls the same number, and no two `random()` calls share a roll.
"""

from __future__ import annotations

import math
import random as _random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from ..i18n import Words, lazy
from .values import Evaluator, NumberEvaluator, TextEvaluator, Value, ValueType, Variables, Visits

SCENE = "a scene"  # marks a parameter that names a scene, in quotes: seen("meeting/door"); never shown

Parameter = ValueType | str


@dataclass(frozen=True, slots=True)
class Function:
    name: str
    params: tuple[Parameter, ...]
    result: ValueType
    doc: Words  # what it gives, for the guide's table and the language server
    example: Words  # a call as a story writes it
    since: int = 1  # the format version that brought it

    @property
    def takes_scene(self) -> bool:
        return self.params == (SCENE,)

    @property
    def signature(self) -> str:
        names = {SCENE: '"chapter/scene"', ValueType.NUMBER: "number", ValueType.TEXT: "text"}
        return f"{self.name}({', '.join(names.get(p, str(p)) for p in self.params)})"


FUNCTIONS: Mapping[str, Function] = {
    f.name: f
    for f in (
        Function("seen", (SCENE,), ValueType.FLAG, lazy("has the reader been there?"), 'seen("meeting/door")'),
        Function(
            "visits",
            (SCENE,),
            ValueType.NUMBER,
            lazy("how many times, counting the visit in progress (so on a first visit it is 1)"),
            'visits("home/kitchen") > 2',
        ),
        Function(
            "capitalize",
            (ValueType.TEXT,),
            ValueType.TEXT,
            lazy(
                "the text with its first letter in capitals, the rest as it was (for a name or an answer "
                "at the start of a sentence)"
            ),
            # Translators: an example of a story's text; keep {capitalize(part_name)} exactly as it is.
            lazy("{capitalize(part_name)} waits."),
            since=2,
        ),
        Function(
            "round",
            (ValueType.NUMBER,),
            ValueType.NUMBER,
            lazy("the nearest whole number (halves round up)"),
            "{round(steps / 3)}",
            since=2,
        ),
        Function(
            "random",
            (ValueType.NUMBER, ValueType.NUMBER),
            ValueType.NUMBER,
            lazy(
                "a whole number from the first to the second, both included: the same each time this "
                "step is read or replayed, new at the next step"
            ),
            "random(1, 6)",
            since=2,
        ),
    )
}


def build(function: Function, args: tuple[Evaluator, ...], scene: str | None, salt: str) -> Evaluator:
    """The evaluator of one call, its arguments already compiled and checked against `params`."""
    name = function.name
    if name == "seen":
        return lambda _v, s, _d: s.get(cast(str, scene), 0) > 0
    if name == "visits":
        return lambda _v, s, _d: s.get(cast(str, scene), 0)
    if name == "capitalize":
        text = cast(TextEvaluator, args[0])
        return lambda v, s, d: capitalize(text(v, s, d))
    if name == "round":
        number = cast(NumberEvaluator, args[0])
        return lambda v, s, d: whole(number(v, s, d))
    low, high = cast(tuple[NumberEvaluator, NumberEvaluator], args)

    def roll(v: Variables, s: Visits, d: int) -> Value:
        return draw_number(d, salt, low(v, s, d), high(v, s, d))

    return roll


def capitalize(text: str) -> str:
    """The first letter in capitals and nothing else changed: Python's own `capitalize` would
    turn "the younger you, McKay" into "The younger you, mckay"."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def whole(number: float) -> int:
    return math.floor(number + 0.5)


def draw_number(draw: int, salt: str, low: float, high: float) -> int:
    """A whole number from `low` to `high` (in either order), fixed by the state's `draw` and
    the place it was written (`salt`)."""
    a, b = sorted((whole(low), whole(high)))
    return _random.Random(f"{draw}/{salt}").randint(a, b)
