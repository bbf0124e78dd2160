"""How keys, scenes and variables are described in a hover or beside a completion.

A key's words are the key table's own (`story/format.py`, the text the guide's reference
follows); a scene is its title and the first line of its text, so an author can tell scenes
apart without opening their files.
"""

from __future__ import annotations

import json

from ..i18n import _
from ..story import Scene, Variable
from ..story import format as fmt
from ..story.conditions import FUNCTIONS, Value
from ..story.text import format_value

FIRST_LINE = 100  # characters of a scene's first line shown


def key_markdown(key: fmt.Key) -> str:
    name = f"**{key.name}**"
    # Translators: a key's name in bold, in an editor's hover, when the key must be written.
    lines = [_("{key} (required)").format(key=name) if key.required else name, "", str(key.doc)]
    if key.values:
        # Translators: the values a key may take, each in `code`, joined by commas.
        lines += ["", _("One of: {values}").format(values=", ".join(f"`{v}`" for v in key.values))]
    return "\n".join(lines)


def scene_summary(scene: Scene) -> tuple[str, str]:
    """The scene's title (or its id) and the first line of its text."""
    first = ""
    for paragraph in scene.text:
        source = paragraph.variants[0].source.strip() if paragraph.variants else ""
        if source:
            first = " ".join(source.split("\n", 1)[0].split())
            break
    if len(first) > FIRST_LINE:
        first = first[: FIRST_LINE - 1] + "…"
    return scene.title or scene.id, first


def scene_markdown(scene: Scene) -> str:
    title, first = scene_summary(scene)
    lines = [f"**{title}**", f"`{scene.id}`"]
    if first:
        lines += ["", first]
    return "\n".join(lines)


def as_written(value: Value) -> str:
    """A value as an author writes it in story.yaml: 0, "text", true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return format_value(value)


def variable_summary(variable: Variable) -> str:
    # Translators: {type} is a variable's type as the format names it (number, text, flag).
    return _("{type}, starting at {value}").format(type=variable.type.value, value=as_written(variable.initial))


def variable_markdown(variable: Variable) -> str:
    return f"**{variable.name}**: {variable_summary(variable)}"


def function_markdown(name: str) -> str:
    function = FUNCTIONS[name]
    # Translators: {signature} is a function as written (`max(a, b)`), {type} its result's type, {doc} what it does.
    return _("`{signature}` gives {type}: {doc}").format(
        signature=function.signature, type=function.result.value, doc=function.doc
    )
