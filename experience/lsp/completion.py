"""Completion: the keys a mapping takes, the scenes a reference may name, the variables and
functions an expression or a placeholder may use.

Keys and their documentation come from the key table (`story/format.py`), scenes and variables
from the story as it was last read (errors and all), so what is offered is what the checker
accepts.
"""

from __future__ import annotations

from lsprotocol import types

from ..story import Story
from ..story import format as fmt
from ..story.conditions import FUNCTIONS, ValueType
from .describe import key_markdown, scene_summary, variable_summary
from .outline import SET, Spot
from .targets import NAME_CHARS, SCENE_CHARS, SCENE_KINDS, TEXT_KINDS, in_placeholder, scene_argument, value_kind

Items = list[types.CompletionItem]


def complete(spot: Spot, story: Story | None, chapter: str | None, row: int) -> Items:
    """What may be written at the cursor (`row` is its line, for the edit's range)."""
    if spot.on_key:
        if spot.container == SET:
            return _variables(spot, story, row)
        return _keys(spot, row)
    kind = value_kind(spot)
    if kind in SCENE_KINDS:
        key = spot.format_key()
        detour = key is not None and key.name == "detour"
        return _scenes(spot, story, chapter, row, full=spot.container == "story.yaml", returning_first=detour)
    if kind == "expression":
        return _expression(spot, story, chapter, row)
    if kind in TEXT_KINDS and in_placeholder(spot.before):
        return _expression(spot, story, chapter, row)
    if kind == "variable-name":
        return _variables(spot, story, row, only=ValueType.TEXT)
    if kind == "enum":
        key = spot.format_key()
        return [_item(v, types.CompletionItemKind.EnumMember, spot, row, NAME_CHARS) for v in key.values] if key else []
    if kind in ("flag", "ending"):
        words = ("true", "false") if kind == "flag" else ("true", fmt.PAUSE)  # `end: pause`, a stop for today
        return [_item(v, types.CompletionItemKind.Value, spot, row, NAME_CHARS) for v in words]
    return []


def _item(
    label: str,
    kind: types.CompletionItemKind,
    spot: Spot,
    row: int,
    chars: str,
    *,
    detail: str | None = None,
    doc: str | None = None,
    sort: str | None = None,
) -> types.CompletionItem:
    _, start, end = spot.word(chars)
    edit = types.TextEdit(types.Range(types.Position(row, start), types.Position(row, end)), label)
    return types.CompletionItem(
        label=label,
        kind=kind,
        detail=detail,
        documentation=types.MarkupContent(types.MarkupKind.Markdown, doc) if doc else None,
        text_edit=edit,
        filter_text=label,
        sort_text=sort,
    )


def _keys(spot: Spot, row: int) -> Items:
    keys = fmt.KINDS.get(spot.container or "", ())
    return [
        _item(key.name, types.CompletionItemKind.Property, spot, row, NAME_CHARS, doc=key_markdown(key)) for key in keys
    ]


def _scenes(
    spot: Spot, story: Story | None, chapter: str | None, row: int, *, full: bool = False, returning_first: bool = False
) -> Items:
    """Every scene: this chapter's first, in story order. After `detour`, the scenes that return
    come before all others, wherever they are: a detour that never returns strands the reader."""
    if story is None:
        return []
    items = []
    for order, (sid, scene) in enumerate(story.scenes.items()):
        here = not full and chapter is not None and scene.chapter == chapter
        title, first = scene_summary(scene)
        label = scene.name if here else sid
        aside = 0 if returning_first and scene.returns else 1
        sort = f"{aside}{0 if here else 1}{order:06d}"
        items.append(
            _item(label, types.CompletionItemKind.Reference, spot, row, SCENE_CHARS, detail=title, doc=first, sort=sort)
        )
    return items


def _variables(spot: Spot, story: Story | None, row: int, *, only: ValueType | None = None) -> Items:
    if story is None:
        return []
    return [
        _item(
            name,
            types.CompletionItemKind.Variable,
            spot,
            row,
            NAME_CHARS,
            detail=variable_summary(variable),
        )
        for name, variable in story.variables.items()
        if only is None or variable.type is only
    ]


def _expression(spot: Spot, story: Story | None, chapter: str | None, row: int) -> Items:
    if scene_argument(spot.before):
        return _scenes(spot, story, chapter, row)
    functions = [
        _item(
            name,
            types.CompletionItemKind.Function,
            spot,
            row,
            NAME_CHARS,
            detail=f"{function.signature}: {function.result.value}",
        )
        for name, function in FUNCTIONS.items()
    ]
    return _variables(spot, story, row) + functions
