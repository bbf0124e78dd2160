"""Where the cursor is in a scene file, read from the lines themselves.

While an author types, the file is often not valid YAML, so the language server cannot ask the
parser what a position means. It reads the shape the way a person does: the indentation of each
`key:` line, list items (`- `), block text (`text: |`) and flow mappings (`set: {a: 1}`). From
that comes a `Spot`: the mapping around the cursor (a scene, a choice, a paragraph...) as one of
the key table's kinds (`story.format.KINDS`), the key whose value the cursor is in or on, and the
word being typed. What a key means, and what its value holds, come from the key table, so a key
added to the format is understood here without a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..story import format as fmt

MANIFEST = "story.yaml"
CHAPTER = "chapter"
#: Mappings whose keys are names, not keys of the format.
SCENES, SET, VARIABLES = "scenes", "set", "variables"

#: What the value of a key of each kind holds, when it holds keys or items of its own. A kind not
#: here is a leaf (text, a scene, an expression, a number...).
CONTAINS = {
    "scenes": SCENES,
    "choices": "choice",
    "reflect": "reflect",
    "rich-text": "paragraph",
    "variations": "paragraph",
    "goto": "branch",  # a goto written as a list of branches (if, to)
    "set": SET,
    "variables": VARIABLES,
}
#: The kinds of value that hold no keys: what the language server completes in them is decided by
#: `targets.value_kind` and `completion.complete`. A kind in the key table that is in neither this
#: nor CONTAINS is one the server does not know yet (a test says so).
LEAVES = frozenset(
    {
        "text",
        "rich-text",
        "scene-ref",
        "goto",
        "expression",
        "flag",
        "number",
        "enum",
        "version",
        "language",  # a tag like es or pt-BR: nothing to complete from the story
        "variable-name",
        "tags",
        "story-id",
        "ending",
    }
)

_KEY_LINE = re.compile(
    r"""(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)"""
    r"""(?P<key>[A-Za-z0-9_][\w-]*|"[^"\n]*"|'[^'\n]*')[ ]*:(?=[ ]|$)[ ]*(?P<value>.*)"""
)
_ITEM_LINE = re.compile(r"(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+|-$)+)(?P<value>.*)")
_BLOCK = re.compile(r"[|>][-+0-9]*[ ]*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the file as it bears on its neighbours."""

    number: int
    indent: int  # column of the key, or of the item's content, or of the text
    key: str | None = None  # the key this line starts, if it does
    value_column: int = 0  # where the key's value (or the item's content) starts
    value: str = ""  # the rest of the line after the key, or the item's content
    item: bool = False  # the line starts a list item (`- `)
    text_indent: int = 0  # lines indented past this column go on with this line's text
    opens_text: bool = False  # its value is a block (`|`, `>`) or plain text that may go on below
    owner: Row | None = None  # for a line that goes on with another's text: that line


@dataclass(frozen=True, slots=True)
class Spot:
    """What the cursor is at, in the key table's words."""

    container: str | None  # the kind of the mapping around it: a KINDS name, SCENES, SET, VARIABLES
    key: str | None  # the key whose value the cursor is in, or that the cursor is on
    on_key: bool  # the cursor is on a key (or typing one), not in a value
    before: str  # the value's text on this line up to the cursor (for values)
    line: str
    column: int
    path: tuple[str, ...] = ()  # the keys from the top of the file down to the mapping

    def format_key(self) -> fmt.Key | None:
        """The key table's entry for `key` where it stands, if the format has one."""
        return lookup(self.container, self.key)

    def word(self, chars: str = "A-Za-z0-9_") -> tuple[str, int, int]:
        """The word made of `chars` around the cursor, with the columns where it starts and ends."""
        pattern = re.compile(f"[{chars}]")
        start = self.column
        while start > 0 and pattern.match(self.line[start - 1]):
            start -= 1
        end = self.column
        while end < len(self.line) and pattern.match(self.line[end]):
            end += 1
        return self.line[start:end], start, end


def lookup(container: str | None, key: str | None) -> fmt.Key | None:
    if container is None or key is None:
        return None
    for candidate in fmt.KINDS.get(container, ()):
        if candidate.name == key:
            return candidate
    return None


def container_of(path: tuple[str, ...], top: str) -> str | None:
    """The kind of mapping reached by following `path` (keys, top first) from the top of a file."""
    kind: str | None = top
    for key in path:
        if kind == SCENES:
            kind = "scene"  # the key is a scene's name; its value is a scene
            continue
        if kind in (SET, VARIABLES):
            return None  # inside a value of a named entry: an expression or a starting value
        entry = lookup(kind, key)
        if entry is None:
            return None
        kind = CONTAINS.get(entry.kind)
        if kind is None:
            return None
    return kind


def rows(lines: list[str]) -> list[Row | None]:
    """Each line read for its shape; None for blank lines and comments."""
    out: list[Row | None] = []
    owner: Row | None = None  # the line whose text may go on below
    for number, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if owner is not None and (not stripped or indent > owner.text_indent):
            out.append(Row(number, indent, value_column=indent, value=line[indent:], owner=owner) if stripped else None)
            continue
        owner = None
        if not stripped or stripped.startswith("#"):
            out.append(None)
            continue
        row = _row(number, line)
        out.append(row)
        if row.opens_text:
            owner = row
    return out


def _row(number: int, line: str) -> Row:
    match = _KEY_LINE.match(line)
    if match:
        dashes = match.group("dashes")
        column = len(match.group("indent")) + len(dashes)
        value = match.group("value")
        return Row(
            number,
            column,
            key=match.group("key").strip("'\""),
            value_column=match.start("value"),
            value=value,
            item=bool(dashes),
            text_indent=column,
            opens_text=_opens_text(value),
        )
    item = _ITEM_LINE.match(line)
    if item:
        value = item.group("value")
        dash = len(item.group("dashes").rstrip()) - 1 + len(item.group("indent"))
        return Row(
            number,
            item.start("value"),
            value_column=item.start("value"),
            value=value,
            item=True,
            text_indent=dash,
            opens_text=_opens_text(value),
        )
    indent = len(line) - len(line.lstrip(" "))
    return Row(number, indent, value_column=indent, value=line[indent:], text_indent=indent)


def _opens_text(value: str) -> bool:
    """A block indicator, or plain or quoted text (which YAML lets go on over more lines)."""
    return bool(value) and not value.startswith(("{", "[", "#", "&", "*"))


def parents(table: list[Row | None], number: int, column: int) -> tuple[str, ...]:
    """The keys of the mappings that hold a line indented to `column`, from the top down."""
    path: list[str] = []
    threshold = column
    for row in reversed(table[:number]):
        if threshold == 0:
            break
        if row is None or row.owner is not None or row.key is None:
            continue
        if row.indent < threshold:
            path.append(row.key)
            threshold = row.indent
    return tuple(reversed(path))


def spot_at(lines: list[str], number: int, column: int, *, manifest: bool) -> Spot:
    """What the cursor at (`number`, `column`), both from 0, is at."""
    top = MANIFEST if manifest else CHAPTER
    table = rows(lines)
    line = lines[number].rstrip("\r\n") if number < len(lines) else ""
    column = min(column, len(line))
    row = table[number] if number < len(table) else None

    def spot(container: str | None, key: str | None, on_key: bool, before: str, path: tuple[str, ...]) -> Spot:
        return Spot(container, key, on_key, before, line, column, path)

    if row is None:  # a blank line: a new key may be typed here
        path = parents(table, number, column)
        return spot(container_of(path, top), None, True, "", path)
    if row.owner is not None:  # a line of text that goes on from a line above
        owner = row.owner
        path = parents(table, owner.number, owner.indent)
        container = container_of(path, top)
        return spot(container, owner.key or _item_key(container), False, line[row.value_column : column], path)
    path = parents(table, number, row.indent)
    container = container_of(path, top)
    if row.key is not None and column <= row.indent + len(row.key):
        return spot(container, row.key, True, "", path)
    key = row.key if row.key is not None else None
    before = line[row.value_column : column] if column >= row.value_column else ""
    value = row.value
    if value.startswith("{"):  # a flow mapping: `set: {a: 1}`, or a choice as `- {text: ..., goto: ...}`
        inner = container_of((*path, key), top) if key is not None else container
        flow_key, on_key = _in_flow(before)
        return spot(inner, flow_key, on_key, before, (*path, key) if key is not None else path)
    if row.key is None:
        if _IDENTIFIER.fullmatch(before) and container != "paragraph":
            return spot(container, None, True, before, path)  # typing a key of a list item or a mapping
        return spot(container, _item_key(container), False, before, path)
    return spot(container, key, False, before, path)


def _item_key(container: str | None) -> str | None:
    """A list item that is only text: in a list of paragraphs it is a paragraph's text."""
    return "text" if container == "paragraph" else None


def _in_flow(before: str) -> tuple[str | None, bool]:
    """In `{a: 1, b|`: the key whose value the cursor is in, or the key being typed."""
    depth, start = 0, 0
    for index, char in enumerate(before):
        if char == "{":
            depth += 1
            start = index + 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 1:
            start = index + 1
    entry = before[start:]
    key, colon, _ = entry.partition(":")
    if not colon:
        return entry.strip() or None, True
    return key.strip().strip("'\"") or None, False


_IDENTIFIER = re.compile(r"[A-Za-z_][\w-]*|")
