"""YAML's indentation errors, said as an author sees the lines: which line is out of step, by
how many spaces, and what it should line up with (see yaml_messages, which chooses among these).

Each function takes the file's lines and where the parser stopped, and returns a message, or
None when the lines do not look like the mistake it knows, so that the next one can try.
"""

from __future__ import annotations

import re

from ..i18n import _, ngettext

BLOCK_START = re.compile(r".*:\s*[|>][-+0-9]*\s*(#.*)?$")
_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")
_INLINE = re.compile(r"\{\s*(?:if\b[^:{}]*|sequence|cycle|shuffle)\s*:")
KEY = re.compile(r"\s*(?:-\s+)?([^\s:#][^:#]*?):(\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shown(lines: list[str], index: int) -> str:
    text = lines[index].strip() if 0 <= index < len(lines) else ""
    return f"'{text[:37] + '...' if len(text) > 40 else text}'"


def char_at(lines: list[str], line: int, column: int) -> str:
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _spaces(n: int) -> str:
    return ngettext("{count} space", "{count} spaces", n).format(count=n)


def misaligned(lines: list[str], line: int, start: int, column: int) -> str | None:
    """A line in a mapping whose keys (from `start`) are at `column`, indented to match nothing."""
    if line >= len(lines):
        return None
    here = _indent(lines[line])
    dashes = sorted({_indent(lines[i]) for i in range(start, line) if lines[i].lstrip().startswith("- ")} - {column})
    if here == column:
        if lines[line].lstrip().startswith("- ") and dashes:
            # Translators: {text} is the line itself, in quotes; {keys} and {dash} are numbers of spaces.
            return _(
                "line {line} ({text}) starts a list item where a key was expected, because it "
                "is indented like the keys ({keys}); if it belongs to the list above, indent it like "
                "that list's '-' (by {dash})"
            ).format(line=line + 1, text=_shown(lines, line), keys=_spaces(column), dash=_spaces(dashes[-1]))
        return None  # lined up; something else is wrong
    levels: dict[int, int] = {}  # indent -> the last line above with a key or a '-' there
    for i in range(start, line):
        if KEY.match(lines[i]) or lines[i].lstrip().startswith("- "):
            levels[_indent(lines[i])] = i
    near = sorted(levels, key=lambda n: (abs(n - here), n))[:2]
    if not near:
        return None
    # Translators: {spaces} is a number of spaces; {text} is that line itself, in quotes.
    way = _("{spaces} (like line {line}, {text})")
    ways = [way.format(spaces=_spaces(n), line=levels[n] + 1, text=_shown(lines, levels[n])) for n in sorted(near)]
    # Translators: two ways to indent a line, each "N spaces (like line L, 'its text')".
    choices = _("{first} or {second}").format(first=ways[0], second=ways[1]) if len(ways) > 1 else ways[0]
    # Translators: {choices} is one or two ways to indent it, "N spaces (like line L, 'its text')".
    return _(
        "line {line} ({text}) is indented by {spaces}, which lines it up with nothing "
        "above it; YAML reads the shape of the story from indentation, so indent it by {choices}, whichever it "
        "belongs with"
    ).format(line=line + 1, text=_shown(lines, line), spaces=_spaces(here), choices=choices)


def under_the_dash(lines: list[str], line: int, start: int, column: int) -> str | None:
    """A key of a list item indented under its '-' rather than under its first key."""
    if line >= len(lines) or start >= len(lines):
        return None
    first = KEY.match(lines[start])
    dash = re.match(r"\s*-\s+", lines[start])
    here = _indent(lines[line])
    if first is None or dash is None or here < column:
        return None
    wanted = dash.end()
    if here == column:
        return _(
            "line {line} ({text}) is indented like the '-' on line {dash_line}, so YAML "
            "expects another list item ('- ') there; if it belongs to that item, indent it by {spaces}, "
            "like '{key}:' just after the '- '"
        ).format(
            line=line + 1, text=_shown(lines, line), dash_line=start + 1, spaces=_spaces(wanted), key=first.group(1)
        )
    return _(
        "line {line} ({text}) is indented by {here}, but the list item it belongs "
        "to has its keys indented by {spaces}, just after the '- ' (like '{key}:' on line "
        "{key_line}); indent it by {spaces}"
    ).format(
        line=line + 1,
        text=_shown(lines, line),
        here=_spaces(here),
        spaces=_spaces(wanted),
        key=first.group(1),
        key_line=start + 1,
    )


def after_block(lines: list[str], line: int) -> str | None:
    """A line just after a text block (`text: |`), indented less than the text: it ends the block."""
    if line >= len(lines):
        return None
    here = _indent(lines[line])
    for above in range(line - 1, -1, -1):
        text = lines[above]
        if not text.strip():
            continue
        if BLOCK_START.match(text):
            body = [i for i in range(above + 1, line) if lines[i].strip()]
            wanted = _indent(lines[body[0]]) if body else _indent(text) + 2
            if here >= wanted or any(_indent(lines[i]) < wanted for i in body):
                return None  # this line is not just after the block: the block ended further up
            said = (
                _(
                    "line {line} ({text}) is indented by {here}, less than the text block "
                    "above it (from line {block}, indented by {spaces}), so it ends the block, and YAML then looks "
                    "for a key; if it is more of the text, indent it by {spaces} like the rest"
                )
                if here > _indent(text)
                else _(
                    "line {line} ({text}) is indented by {here}, less than the text block "
                    "above it (from line {block}, indented by {spaces}), so it ends the block, and YAML reads it "
                    "as a key, which it cannot be without a ':'; if it is more of the text, indent it by {spaces} "
                    "like the rest"
                )
            )
            return said.format(
                line=line + 1, text=_shown(lines, line), here=_spaces(here), block=above + 2, spaces=_spaces(wanted)
            )
        if _indent(text) <= here:
            return None
    return None


def not_a_key(lines: list[str], line: int) -> str:
    glued = re.match(r"\s*(?:-\s+)?([^\s:#][^:#]*?):(\S)", lines[line]) if line < len(lines) else None
    if glued is not None:
        key = glued.group(1)
        return _(
            "line {line} ({text}) has no space after the ':' of '{key}', and YAML reads a key "
            "only from a ':' with a space (or the end of the line) after it; write '{key}: ' and then the value"
        ).format(line=line + 1, text=_shown(lines, line), key=key)
    return _(
        "line {line} ({text}) is neither a key (it has no ':') nor a list item (it does not "
        "start with '- '); if it is text, put it in a text block (text: |) and indent it like the text"
    ).format(line=line + 1, text=_shown(lines, line))


def colon_in_text(lines: list[str], line: int, column: int) -> str | None:
    """`text: Note: this breaks`: a ': ' inside a value, on the key's own line."""
    own = KEY.match(lines[line]) if line < len(lines) else None
    if own is None or column < own.end():
        return None
    inline = _INLINE.search(lines[line], own.end(), column + 1)
    if inline is not None:
        # Translators: {variation} is how the inline variation begins, like "{if calm:".
        return _(
            "line {line} has an inline variation ('{variation} …}}') in text that is not in quotes, "
            "and YAML reads its ': ' as the start of another key; put the whole text in quotes, or write it "
            "as a block (text: | and the text on the next lines)"
        ).format(line=line + 1, variation=inline.group())
    return _(
        "the value of '{key}:' on line {line} has ': ' in it, which YAML reads as the start of "
        "another key; put the whole text in quotes, or write it as a block (text: | and the text on the next "
        "lines)"
    ).format(key=own.group(1), line=line + 1)


def more_indented(lines: list[str], line: int) -> str | None:
    """A key indented further than the key above it: YAML reads it as more of that key's text."""
    if line >= len(lines) or not KEY.match(lines[line]):
        return None
    above = next((i for i in range(line - 1, -1, -1) if lines[i].strip()), None)
    if above is None:
        return None
    if _DASH_WITHOUT_SPACE.match(lines[above]):
        word = lines[above].strip().split(":")[0]
        return _("'{word}' on line {line} needs a space after the '-' to start a list item: write '- {key}'").format(
            word=word, line=above + 1, key=word[1:]
        )
    key = KEY.match(lines[above])
    if key is None or _indent(lines[line]) <= _indent(lines[above]):
        return None
    return _(
        "line {line} ({text}) is indented more than '{key}:' on line {key_line}, so "
        "YAML reads it as more of that value, and then stops at its ': '; to make it a key of its own, indent it "
        "like '{key}:' (by {spaces}); if it is text with a colon in it, put the text in "
        "quotes or use a block (text: |)"
    ).format(
        line=line + 1, text=_shown(lines, line), key=key.group(1), key_line=above + 1, spaces=_spaces(key.start(1))
    )


def list_among_keys(lines: list[str], line: int) -> str | None:
    if line >= len(lines) or not lines[line].lstrip().startswith("- "):
        return None
    return _(
        "line {line} ({text}) starts a list item where a key was expected; a list belongs "
        "under a key that takes one (like 'choices:' or 'text:'), on the lines after it and indented further"
    ).format(line=line + 1, text=_shown(lines, line))
