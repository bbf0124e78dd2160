"""What the word under the cursor stands for: a key of the format, a scene, a variable, a function.

Hover and go to definition ask the same question of a position, so it is answered once here.
What kind of value a key holds comes from the key table (`Key.kind`), so a key added to the
format with a known kind (a scene, an expression, text) is understood without a change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..story import format as fmt
from ..story.conditions import FUNCTIONS
from .outline import SCENES, SET, VARIABLES, Spot

SCENE_CHARS = "A-Za-z0-9_/-"
#: Kinds whose value, written on the key's line, names a scene (`goto` may also be a list of branches).
SCENE_KINDS = ("scene-ref", "goto")
NAME_CHARS = "A-Za-z0-9_"
TEXT_KINDS = ("text", "rich-text", "variations")
#: Inside an expression, a scene is named in quotes as the argument of one of these.
_IN_SCENE_ARGUMENT = re.compile(r"\b(?:" + "|".join(FUNCTIONS) + r""")\(\s*["'][^"']*$""")


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "key", "scene", "variable" or "function"
    name: str  # the key, the full scene id, the variable or the function
    start: int  # the columns of the word on its line
    end: int
    key: fmt.Key | None = None


def value_kind(spot: Spot) -> str | None:
    """The key table's kind of the value the cursor is in: 'scene-ref', 'expression', 'text'..."""
    if spot.on_key:
        return None
    if spot.container == SET:
        return "expression"
    key = spot.format_key()
    return key.kind if key is not None else None


def in_placeholder(before: str) -> bool:
    """After a `{` that is not closed yet (and is not the `{{` of a literal brace)."""
    opened = before.rfind("{")
    return opened != -1 and opened > before.rfind("}") and not before[: opened + 1].endswith("{{")


def scene_argument(before: str) -> bool:
    """Inside the quotes of `seen("...")` or `visits("...")`."""
    return _IN_SCENE_ARGUMENT.search(before) is not None


def full_id(written: str, chapter: str | None) -> str:
    """As the loader resolves references: a bare name is a scene of the chapter it is written in."""
    return written if "/" in written or chapter is None else f"{chapter}/{written}"


def target_at(spot: Spot, chapter: str | None) -> Target | None:
    """What the word at the cursor names, in a file of `chapter` (None for story.yaml)."""
    if spot.on_key:
        word, start, end = spot.word(SCENE_CHARS)
        if not word:
            return None
        if spot.container == SCENES and chapter is not None:
            return Target("scene", f"{chapter}/{word}", start, end)
        if spot.container in (SET, VARIABLES):
            return Target("variable", word, start, end)
        key = spot.format_key()
        return Target("key", key.name, start, end, key) if key is not None else None
    kind = value_kind(spot)
    if kind in SCENE_KINDS:
        word, start, end = spot.word(SCENE_CHARS)
        return Target("scene", full_id(word, chapter), start, end) if word else None
    if kind == "variable-name":
        word, start, end = spot.word(NAME_CHARS)
        return Target("variable", word, start, end) if word else None
    if kind == "expression" or (kind in TEXT_KINDS and in_placeholder(spot.before)):
        return _in_expression(spot, chapter)
    return None


def _in_expression(spot: Spot, chapter: str | None) -> Target | None:
    if scene_argument(spot.before):
        word, start, end = spot.word(SCENE_CHARS)
        return Target("scene", full_id(word, chapter), start, end) if word else None
    word, start, end = spot.word(NAME_CHARS)
    if not word or word[0].isdigit():
        return None
    if word in FUNCTIONS:
        return Target("function", word, start, end)
    return Target("variable", word, start, end)
