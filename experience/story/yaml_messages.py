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


Where = tuple[int, int]  # a line and a column, from 0, as the parser counts them


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, Where | None]:
    """The message for a syntax error in a file whose lines are `lines`, and where it is: the
    place the author should look (a stray '>' where it begins, an unclosed quote where it
    opens), or None for where the parser gave up."""
    problem = (error.problem or "the YAML cannot be read").strip()
    context = (error.context or "").strip()
    mark, start = error.problem_mark, error.context_mark
    words: str | None = None
    where: Where | None = None
    if mark is not None:
        quote = _open_quote(lines, start.line if start is not None else 0, mark.line)
        if quote is not None and ("expected" in problem or "not allowed" in problem):
            (line, column), char = quote
            words, where = _unclosed_across_lines(lines, line, char, mark.line), (line, column)
        elif problem.startswith("did not find expected key") and start is not None:
            words = (
                _after_block(lines, mark.line)
                or _misaligned(lines, mark.line, start.line, start.column)
                or _list_among_keys(lines, mark.line)
            )
        elif problem.startswith("did not find expected '-' indicator") and start is not None:
            words = _under_the_dash(lines, mark.line, start.line, start.column)
        elif problem.startswith("could not find expected ':'") and start is not None:
            words = _after_block(lines, start.line) or _not_a_key(lines, start.line)
        elif problem.startswith("mapping values are not allowed"):
            words = _colon_in_text(lines, mark.line, mark.column) or _more_indented(lines, mark.line)
        elif "quoted scalar" in context and start is not None and "escape" not in problem:
            char = _char(lines, start.line, start.column) or '"'
            words = (
                f"the {char} that opens the text on line {start.line + 1} is never closed; end the text with "
                f"{char} too (inside double quotes write \\\" for a quote, inside single quotes '')"
            )
        elif "block scalar" in context and start is not None:
            words, where = _block_header(lines, start.line, start.column, problem), (start.line, start.column)
        elif "flow" in context and start is not None:
            words, where = _unclosed_bracket(lines, start.line, start.column), (start.line, start.column)
    words = words or _in_our_words(error, problem, context, lines)
    return "YAML syntax: " + words, where


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
    if first is None or dash is None or here < column:
        return None
    wanted = dash.end()
    if here == column:
        return (
            f"line {line + 1} ({_shown(lines, line)}) is indented like the '-' on line {start + 1}, so YAML "
            f"expects another list item ('- ') there; if it belongs to that item, indent it by {_spaces(wanted)}, "
            f"like '{first.group(1)}:' just after the '- '"
        )
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
            body = [i for i in range(above + 1, line) if lines[i].strip()]
            wanted = _indent(lines[body[0]]) if body else _indent(text) + 2
            if here >= wanted or any(_indent(lines[i]) < wanted for i in body):
                return None  # this line is not just after the block: the block ended further up
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
    glued = re.match(r"\s*(?:-\s+)?([^\s:#][^:#]*?):(\S)", lines[line]) if line < len(lines) else None
    if glued is not None:
        key = glued.group(1)
        return (
            f"line {line + 1} ({_shown(lines, line)}) has no space after the ':' of '{key}', and YAML reads a key "
            f"only from a ':' with a space (or the end of the line) after it; write '{key}: ' and then the value"
        )
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


# -- quotes, brackets and block headers ---------------------------------------------------------------
_VALUE_START = re.compile(r"\s*(?:-\s+)*(?:[^\s:#'\"][^:#]*?:\s+)?(?=['\"])")


def _open_quote(lines: list[str], start: int, line: int) -> tuple[Where, str] | None:
    """A quoted value opened on a line between `start` and `line` (before `line`) and not closed
    on it: YAML reads on to the next quote, lines below, and fails there."""
    for index in range(min(line, len(lines)) - 1, max(start, 0) - 1, -1):
        text = lines[index]
        opening = _VALUE_START.match(text)
        if opening is None:
            continue
        column = opening.end()
        char = text[column]
        rest = text[column + 1 :]
        closed = rest.replace("\\\\", "").replace('\\"', "") if char == '"' else rest.replace("''", "")
        if char not in closed:
            return (index, column), char
    return None


def _unclosed_across_lines(lines: list[str], line: int, char: str, stopped: int) -> str:
    return (
        f"the {char} that opens the text on line {line + 1} is not closed on that line, so YAML reads the "
        f"lines below as more of that text, up to the next {char} (on line {stopped + 1}); end the text with "
        f"{char} on line {line + 1} (inside double quotes write \\\" for a quote, inside single quotes '')"
    )


def _block_header(lines: list[str], line: int, column: int, problem: str) -> str:
    """`text: >> hello`: a '|' or '>' starts a block of text, and its line may hold little else."""
    text = lines[line] if line < len(lines) else ""
    indicator = text[column] if column < len(text) else ">"
    after = text[column:].strip()
    key = _KEY.match(text)
    owner = f"after '{key.group(1)}:' " if key is not None and key.end() <= column else ""
    if "tab" in problem:
        return f"the text block that starts on line {line + 1} is indented with a tab; indent it with spaces"
    if "0" in problem and "indentation" in problem:
        return f"the number after '{indicator}' on line {line + 1} says how far the text is indented: 1 to 9, not 0"
    stray = after if len(after) <= 12 else after[:11] + "…"
    return (
        f"'{indicator}' {owner}on line {line + 1} starts a block of text, whose lines begin on the next line; "
        f"nothing but '-', '+' or a number may follow '{indicator}' on its line, and here '{stray}' does. If "
        f"the text itself begins with '{indicator}', put it all in quotes; if '{indicator}' was typed by mistake, "
        "remove it"
    )


def _unclosed_bracket(lines: list[str], line: int, column: int) -> str:
    char = _char(lines, line, column) or "["
    closing, kind = (
        ("]", "a list written in brackets ([a, b])")
        if char == "["
        else ("}", "a mapping written in braces ({key: value})")
    )
    return (
        f"the '{char}' on line {line + 1} (column {column + 1}) starts {kind}, and YAML did not find the "
        f"'{closing}' that closes it; if this is text (an inline variation too), put the whole text in quotes"
    )


def _list_among_keys(lines: list[str], line: int) -> str | None:
    if line >= len(lines) or not lines[line].lstrip().startswith("- "):
        return None
    return (
        f"line {line + 1} ({_shown(lines, line)}) starts a list item where a key was expected; a list belongs "
        "under a key that takes one (like 'choices:' or 'text:'), on the lines after it and indented further"
    )


# -- everything else, in words an author can act on -------------------------------------------------------
#: What libyaml (and PyYAML) say, and what to tell an author instead: (words in the problem or the
#: context, what to say). The first that matches wins.
_KNOWN: tuple[tuple[str, str], ...] = (
    (
        "alias",
        "YAML reads a value that starts with * as a reference to an '&' name; text that starts with * "
        "(like *italic*) must be in quotes or under 'text: |'",
    ),
    (
        "anchor",
        "YAML reads a value that starts with & as a name for reuse (&name); text that starts with & must be in quotes",
    ),
    ("tag", "YAML reads a value that starts with ! as a type (!name); text that starts with ! must be in quotes"),
    ("directive", "a line that starts with % is an instruction to YAML; text that starts with % must be in quotes"),
    (
        "escape",
        'inside double quotes a backslash starts an escape (\\n for a new line, \\" for a quote); write '
        "\\\\ for a backslash itself, or put the text in single quotes",
    ),
    (
        "document",
        "a line '---' or '...' starts or ends a YAML document, and a scene file is one document; "
        "inside text, indent such a line like the rest of the text, or put the text in quotes",
    ),
    (
        "block sequence entries",
        "a list item ('- ') cannot begin on the line of its key or inside a value; put "
        "it on a line of its own, under its key and indented further than it",
    ),
    (
        "mapping values",
        "a ': ' inside a value reads as the start of another key; if the text has a colon, put "
        "it in quotes or use 'text: |'",
    ),
    (
        "'-' indicator",
        "this line does not fit the list above it: each item of a list starts with '- ', and "
        "an item's other keys line up with its first key, just after the '- '",
    ),
    (
        "expected key",
        "this line does not line up with the keys above it: keys of the same thing are "
        "indented by the same number of spaces",
    ),
    ("node content", "a value was expected here, and this character cannot start one; if it is text, put it in quotes"),
    (
        "cannot start any token",
        "this character cannot start a value in YAML ('@' and '`' are reserved); if it is text, put it in quotes",
    ),
    (
        "could not find expected ':'",
        "this line is neither a key (it has no ': ') nor a list item (it does "
        "not start with '- '); if it is text, put it in a text block (text: |), indented like the text",
    ),
    (
        "<document start>",
        "this line does not fit the shape of the file: a scene file is keys (like 'title:' "
        "and 'scenes:'), and this is outside them; indent it under the key it belongs to",
    ),
    ("comment or line break", "only a comment (# ...) may follow here on the same line"),
    ("whitespace or line break", "a space or the end of the line was expected here; if this is text, put it in quotes"),
)


def _in_our_words(error: yaml.MarkedYAMLError, problem: str, context: str, lines: list[str]) -> str:
    mark, start = error.problem_mark, error.context_mark
    if (mark is not None and _char(lines, mark.line, mark.column) == "\t") or "tab character" in problem:
        line = mark.line + 1 if mark is not None else 1
        return (
            f"line {line} is indented with a tab, and YAML reads the shape of the story from spaces only; "
            "indent with spaces, not tabs (most editors can put spaces when you press Tab)"
        )
    said = f"{context} {problem}"
    words = next((ours for theirs, ours in _KNOWN if theirs in said), None)
    if words is None:
        words = "this cannot be read as YAML; check the line's indentation, its quotes and its colons"
    if start is not None and mark is not None and start.line != mark.line:
        words += f" (what YAML was reading began on line {start.line + 1})"
    return words
