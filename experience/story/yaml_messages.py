"""YAML's syntax errors, said in words an author can act on.

PyYAML says where it gave up and what its parser expected ("did not find expected '-'
indicator"). Most such errors in scene files are indentation: a line that lines up with nothing
above it, a key indented under a list item's '-' instead of under its first key, a line that ends
a text block too early. Knowing the lines of the file, we can say which line is out of step,
by how many spaces, and what it should line up with. Anything not recognised keeps the parser's
own words, with the hints that help most often.
"""

from __future__ import annotations

import re

import yaml

_BLOCK_START = re.compile(r".*:\s*[|>][-+0-9]*\s*(#.*)?$")
_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")
_INLINE = re.compile(r"\{\s*(?:if\b[^:{}]*|sequence|cycle|shuffle)\s*:")
_KEY = re.compile(r"\s*(?:-\s+)?([^\s:#][^:#]*?):(\s|$)")


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """The message for a syntax error in a file whose lines are `lines`."""
    problem = (error.problem or "the YAML cannot be read").strip()
    context = (error.context or "").strip()
    mark, start = error.problem_mark, error.context_mark
    words = None
    if mark is not None:
        if problem.startswith("did not find expected key") and start is not None:
            words = _after_block(lines, mark.line) or _misaligned(lines, mark.line, start.line, start.column)
        elif problem.startswith("did not find expected '-' indicator") and start is not None:
            words = _under_the_dash(lines, mark.line, start.line, start.column)
        elif problem.startswith("could not find expected ':'") and start is not None:
            words = _after_block(lines, start.line) or _not_a_key(lines, start.line)
        elif problem.startswith("mapping values are not allowed"):
            words = _colon_in_text(lines, mark.line, mark.column) or _more_indented(lines, mark.line)
        elif "quoted scalar" in context and start is not None:
            quote = _char(lines, start.line, start.column) or '"'
            words = (
                f"the {quote} that opens the text on line {start.line + 1} is never closed; end the text with "
                f"{quote} too (inside double quotes write \\\" for a quote, inside single quotes '')"
            )
    return "YAML syntax: " + (words or _parser_words(error, problem, context, lines))


# -- indentation, as an author sees it ------------------------------------------------------------
def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shown(lines: list[str], index: int) -> str:
    text = lines[index].strip() if 0 <= index < len(lines) else ""
    return f"'{text[:37] + '...' if len(text) > 40 else text}'"


def _char(lines: list[str], line: int, column: int) -> str:
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _spaces(n: int) -> str:
    return f"{n} space{'s' * (n != 1)}"


def _misaligned(lines: list[str], line: int, start: int, column: int) -> str | None:
    """A line in a mapping whose keys (from `start`) are at `column`, indented to match nothing."""
    if line >= len(lines):
        return None
    here = _indent(lines[line])
    dashes = sorted({_indent(lines[i]) for i in range(start, line) if lines[i].lstrip().startswith("- ")} - {column})
    if here == column:
        if lines[line].lstrip().startswith("- ") and dashes:
            return (
                f"line {line + 1} ({_shown(lines, line)}) starts a list item where a key was expected, because it "
                f"is indented like the keys ({_spaces(column)}); if it belongs to the list above, indent it like "
                f"that list's '-' (by {_spaces(dashes[-1])})"
            )
        return None  # lined up; something else is wrong
    levels: dict[int, int] = {}  # indent -> the last line above with a key or a '-' there
    for i in range(start, line):
        if _KEY.match(lines[i]) or lines[i].lstrip().startswith("- "):
            levels[_indent(lines[i])] = i
    near = sorted(levels, key=lambda n: (abs(n - here), n))[:2]
    if not near:
        return None
    choices = " or ".join(f"{_spaces(n)} (like line {levels[n] + 1}, {_shown(lines, levels[n])})" for n in sorted(near))
    return (
        f"line {line + 1} ({_shown(lines, line)}) is indented by {_spaces(here)}, which lines it up with nothing "
        f"above it; YAML reads the shape of the story from indentation, so indent it by {choices}, whichever it "
        "belongs with"
    )


def _under_the_dash(lines: list[str], line: int, start: int, column: int) -> str | None:
    """A key of a list item indented under its '-' rather than under its first key."""
    if line >= len(lines) or start >= len(lines):
        return None
    first = _KEY.match(lines[start])
    dash = re.match(r"\s*-\s+", lines[start])
    here = _indent(lines[line])
    if first is None or dash is None or here <= column:
        return None
    wanted = dash.end()
    return (
        f"line {line + 1} ({_shown(lines, line)}) is indented by {_spaces(here)}, but the list item it belongs "
        f"to has its keys indented by {_spaces(wanted)}, just after the '- ' (like '{first.group(1)}:' on line "
        f"{start + 1}); indent it by {_spaces(wanted)}"
    )


def _after_block(lines: list[str], line: int) -> str | None:
    """A line just after a text block (`text: |`), indented less than the text: it ends the block."""
    if line >= len(lines):
        return None
    here = _indent(lines[line])
    for above in range(line - 1, -1, -1):
        text = lines[above]
        if not text.strip():
            continue
        if _BLOCK_START.match(text):
            body = next((i for i in range(above + 1, line) if lines[i].strip()), None)
            wanted = _indent(lines[body]) if body is not None else _indent(text) + 2
            if here >= wanted:
                return None
            how = (
                "so it ends the block, and YAML then looks for a key"
                if here > _indent(text)
                else "so it ends the block, and YAML reads it as a key, which it cannot be without a ':'"
            )
            return (
                f"line {line + 1} ({_shown(lines, line)}) is indented by {_spaces(here)}, less than the text block "
                f"above it (from line {above + 2}, indented by {_spaces(wanted)}), {how}; if it is more of the "
                f"text, indent it by {_spaces(wanted)} like the rest"
            )
        if _indent(text) <= here:
            return None
    return None


def _not_a_key(lines: list[str], line: int) -> str:
    return (
        f"line {line + 1} ({_shown(lines, line)}) is neither a key (it has no ':') nor a list item (it does not "
        "start with '- '); if it is text, put it in a text block (text: |) and indent it like the text"
    )


def _colon_in_text(lines: list[str], line: int, column: int) -> str | None:
    """`text: Note: this breaks`: a ': ' inside a value, on the key's own line."""
    own = _KEY.match(lines[line]) if line < len(lines) else None
    if own is None or column < own.end():
        return None
    inline = _INLINE.search(lines[line], own.end(), column + 1)
    if inline is not None:
        return (
            f"line {line + 1} has an inline variation ('{inline.group()} …}}') in text that is not in quotes, "
            "and YAML reads its ': ' as the start of another key; put the whole text in quotes, or write it "
            "as a block (text: | and the text on the next lines)"
        )
    return (
        f"the value of '{own.group(1)}:' on line {line + 1} has ': ' in it, which YAML reads as the start of "
        "another key; put the whole text in quotes, or write it as a block (text: | and the text on the next "
        "lines)"
    )


def _more_indented(lines: list[str], line: int) -> str | None:
    """A key indented further than the key above it: YAML reads it as more of that key's text."""
    if line >= len(lines) or not _KEY.match(lines[line]):
        return None
    above = next((i for i in range(line - 1, -1, -1) if lines[i].strip()), None)
    if above is None:
        return None
    if _DASH_WITHOUT_SPACE.match(lines[above]):
        word = lines[above].strip().split(":")[0]
        return f"'{word}' on line {above + 1} needs a space after the '-' to start a list item: write '- {word[1:]}'"
    key = _KEY.match(lines[above])
    if key is None or _indent(lines[line]) <= _indent(lines[above]):
        return None
    return (
        f"line {line + 1} ({_shown(lines, line)}) is indented more than '{key.group(1)}:' on line {above + 1}, so "
        "YAML reads it as more of that value, and then stops at its ': '; to make it a key of its own, indent it "
        f"like '{key.group(1)}:' (by {_spaces(key.start(1))}); if it is text with a colon in it, put the text in "
        "quotes or use a block (text: |)"
    )


# -- the parser's own words, with hints ----------------------------------------------------------------
def _parser_words(error: yaml.MarkedYAMLError, problem: str, context: str, lines: list[str]) -> str:
    mark, start = error.problem_mark, error.context_mark
    same_line = context and start and mark and start.line == mark.line
    message = f"{context}: {problem}" if same_line else problem
    if "mapping values are not allowed" in problem:
        message += "; if the text has a colon, put it in quotes or use 'text: |'"
    if "alias" in problem or "alias" in context:
        message += "; text that starts with * (like *italic*) must be in quotes or under 'text: |'"
    if mark is not None and _char(lines, mark.line, mark.column) == "\t":
        message += "; indent with spaces, not tabs"
    if context and context != problem and not same_line and start and mark:
        message += f" ({context} on line {start.line + 1})"
    return message
