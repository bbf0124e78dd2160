"""Mistakes that YAML reads without complaint: a key that became part of the text above it.

In a block (`text: |`), every line indented at least as far as the text belongs to the text:

    text: |
      The kettle clicks off.
      goto: kitchen          <- text, not the scene's goto

YAML is right to read it so, and the scene then looks like a dead end, or silently loses its
reflection. When a line of a text block reads like one of the scene's own keys, and the scene
does not have that key, the checker says which line it is and how to make it a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..i18n import Lazy, Words, lazy
from . import format as fmt
from .load_nodes import Entries
from .source import YamlFile

_KEY_LINE = re.compile(r"\s*([a-z_]+):(?:\s|$)")
_SCENE_KEYS = frozenset(fmt.key_names(fmt.SCENE)) - {"text", "title"}  # prose often starts "Title:"
_TEXT_KEYS = ("text", "revisit")


def _blocks(node: Node) -> Iterator[ScalarNode]:
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, ScalarNode) and item.style in ("|", ">"):
                yield item


def swallowed_keys(file: YamlFile, entries: Entries) -> list[tuple[int, int, str]]:
    """(line, column, key) for each line of the scene's text blocks that reads like a key it lacks."""
    found = []
    for name in _TEXT_KEYS:
        if name not in entries:
            continue
        for block in _blocks(entries[name][1]):
            if ":" not in block.value:  # most text has no colon at all: nothing to look at
                continue
            first, last = block.start_mark.line + 1, block.end_mark.line  # the lines after '|'
            for index in range(first, min(last + 1, len(file.lines))):
                line = file.lines[index]
                if ":" not in line:
                    continue
                match = _KEY_LINE.match(line)
                if match and match.group(1) in _SCENE_KEYS and match.group(1) not in entries:
                    found.append((index + 1, match.start(1) + 1, match.group(1)))
    return found


def dead_end_message(what: Words, swallowed: list[tuple[int, int, str]]) -> Lazy:
    """What a dead end is told, with the way on that a text block swallowed, if one did (see
    swallowed_keys); looked up only if the scene is one."""
    for line, _, key in swallowed:
        if key in fmt.SCENE_EXITS:
            return lazy(
                "{what} is a dead end: it has no choices, no goto and no 'end: true', so the reader would be "
                "stuck here; the '{key}:' on line {line} is part of the text above it, because it is indented "
                "like the text: line it up with 'text:' to make it the scene's own",
                what=what,
                key=key,
                line=line,
            )
    return lazy(
        "{what} is a dead end: it has no choices, no goto and no 'end: true', so the reader would be stuck here",
        what=what,
    )
