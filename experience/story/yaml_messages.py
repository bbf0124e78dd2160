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

from ..i18n import Lazy, _, lazy
from .yaml_indentation import (
    KEY,
    after_block,
    char_at,
    colon_in_text,
    list_among_keys,
    misaligned,
    more_indented,
    not_a_key,
    under_the_dash,
)

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
                after_block(lines, mark.line)
                or misaligned(lines, mark.line, start.line, start.column)
                or list_among_keys(lines, mark.line)
            )
        elif problem.startswith("did not find expected '-' indicator") and start is not None:
            words = under_the_dash(lines, mark.line, start.line, start.column)
        elif problem.startswith("could not find expected ':'") and start is not None:
            words = after_block(lines, start.line) or not_a_key(lines, start.line)
        elif problem.startswith("mapping values are not allowed"):
            words = colon_in_text(lines, mark.line, mark.column) or more_indented(lines, mark.line)
        elif "quoted scalar" in context and start is not None and "escape" not in problem:
            char = char_at(lines, start.line, start.column) or '"'
            # Translators: {quote} is the quote mark itself, " or '; \" and '' are written as they are.
            words = _(
                "the {quote} that opens the text on line {line} is never closed; end the text with "
                "{quote} too (inside double quotes write \\\" for a quote, inside single quotes '')"
            ).format(quote=char, line=start.line + 1)
        elif "block scalar" in context and start is not None:
            words, where = _block_header(lines, start.line, start.column, problem), (start.line, start.column)
        elif "flow" in context and start is not None:
            words, where = _unclosed_bracket(lines, start.line, start.column), (start.line, start.column)
    words = words or _in_our_words(error, problem, context, lines)
    # Translators: the start of every YAML syntax error; {explanation} says what is wrong and where.
    return _("YAML syntax: {explanation}").format(explanation=words), where


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
    # Translators: {quote} is the quote mark itself, " or '; \" and '' are written as they are.
    return _(
        "the {quote} that opens the text on line {line} is not closed on that line, so YAML reads the "
        "lines below as more of that text, up to the next {quote} (on line {stopped}); end the text with "
        "{quote} on line {line} (inside double quotes write \\\" for a quote, inside single quotes '')"
    ).format(quote=char, line=line + 1, stopped=stopped + 1)


def _block_header(lines: list[str], line: int, column: int, problem: str) -> str:
    """`text: >> hello`: a '|' or '>' starts a block of text, and its line may hold little else."""
    text = lines[line] if line < len(lines) else ""
    indicator = text[column] if column < len(text) else ">"
    after = text[column:].strip()
    key = KEY.match(text)
    if "tab" in problem:
        return _("the text block that starts on line {line} is indented with a tab; indent it with spaces").format(
            line=line + 1
        )
    if "0" in problem and "indentation" in problem:
        return _(
            "the number after '{indicator}' on line {line} says how far the text is indented: 1 to 9, not 0"
        ).format(indicator=indicator, line=line + 1)
    stray = after if len(after) <= 12 else after[:11] + "…"
    # Translators: {indicator} is '|' or '>'; {stray} is what follows it on its line.
    said = (
        _(
            "'{indicator}' after '{key}:' on line {line} starts a block of text, whose lines begin on the next line; "
            "nothing but '-', '+' or a number may follow '{indicator}' on its line, and here '{stray}' does. If "
            "the text itself begins with '{indicator}', put it all in quotes; if '{indicator}' was typed by mistake, "
            "remove it"
        )
        if key is not None and key.end() <= column
        else _(
            "'{indicator}' on line {line} starts a block of text, whose lines begin on the next line; "
            "nothing but '-', '+' or a number may follow '{indicator}' on its line, and here '{stray}' does. If "
            "the text itself begins with '{indicator}', put it all in quotes; if '{indicator}' was typed by mistake, "
            "remove it"
        )
    )
    return said.format(indicator=indicator, key=key.group(1) if key else "", line=line + 1, stray=stray)


def _unclosed_bracket(lines: list[str], line: int, column: int) -> str:
    char = char_at(lines, line, column) or "["
    said = (
        _(
            "the '[' on line {line} (column {column}) starts a list written in brackets ([a, b]), and YAML did "
            "not find the ']' that closes it; if this is text (an inline variation too), put the whole text in "
            "quotes"
        )
        if char == "["
        else _(
            "the '{{' on line {line} (column {column}) starts a mapping written in braces ({{key: value}}), and "
            "YAML did not find the '}}' that closes it; if this is text (an inline variation too), put the whole "
            "text in quotes"
        )
    )
    return said.format(line=line + 1, column=column + 1)


# -- everything else, in words an author can act on -------------------------------------------------------
#: What libyaml (and PyYAML) say, and what to tell an author instead: (words in the problem or the
#: context, what to say). The first that matches wins.
_KNOWN: tuple[tuple[str, Lazy], ...] = (
    (
        "alias",
        lazy(
            "YAML reads a value that starts with * as a reference to an '&' name; text that starts with * "
            "(like *italic*) must be in quotes or under 'text: |'"
        ),
    ),
    (
        "anchor",
        lazy(
            "YAML reads a value that starts with & as a name for reuse (&name); "
            "text that starts with & must be in quotes"
        ),
    ),
    ("tag", lazy("YAML reads a value that starts with ! as a type (!name); text that starts with ! must be in quotes")),
    (
        "directive",
        lazy("a line that starts with % is an instruction to YAML; text that starts with % must be in quotes"),
    ),
    (
        "escape",
        lazy(
            'inside double quotes a backslash starts an escape (\\n for a new line, \\" for a quote); write '
            "\\\\ for a backslash itself, or put the text in single quotes"
        ),
    ),
    (
        "document",
        lazy(
            "a line '---' or '...' starts or ends a YAML document, and a scene file is one document; "
            "inside text, indent such a line like the rest of the text, or put the text in quotes"
        ),
    ),
    (
        "block sequence entries",
        lazy(
            "a list item ('- ') cannot begin on the line of its key or inside a value; put "
            "it on a line of its own, under its key and indented further than it"
        ),
    ),
    (
        "mapping values",
        lazy(
            "a ': ' inside a value reads as the start of another key; if the text has a colon, put "
            "it in quotes or use 'text: |'"
        ),
    ),
    (
        "'-' indicator",
        lazy(
            "this line does not fit the list above it: each item of a list starts with '- ', and "
            "an item's other keys line up with its first key, just after the '- '"
        ),
    ),
    (
        "expected key",
        lazy(
            "this line does not line up with the keys above it: keys of the same thing are "
            "indented by the same number of spaces"
        ),
    ),
    (
        "node content",
        lazy("a value was expected here, and this character cannot start one; if it is text, put it in quotes"),
    ),
    (
        "cannot start any token",
        lazy("this character cannot start a value in YAML ('@' and '`' are reserved); if it is text, put it in quotes"),
    ),
    (
        "could not find expected ':'",
        lazy(
            "this line is neither a key (it has no ': ') nor a list item (it does "
            "not start with '- '); if it is text, put it in a text block (text: |), indented like the text"
        ),
    ),
    (
        "<document start>",
        lazy(
            "this line does not fit the shape of the file: a scene file is keys (like 'title:' "
            "and 'scenes:'), and this is outside them; indent it under the key it belongs to"
        ),
    ),
    ("comment or line break", lazy("only a comment (# ...) may follow here on the same line")),
    (
        "whitespace or line break",
        lazy("a space or the end of the line was expected here; if this is text, put it in quotes"),
    ),
)


def _in_our_words(error: yaml.MarkedYAMLError, problem: str, context: str, lines: list[str]) -> str:
    mark, start = error.problem_mark, error.context_mark
    if (mark is not None and char_at(lines, mark.line, mark.column) == "\t") or "tab character" in problem:
        line = mark.line + 1 if mark is not None else 1
        return _(
            "line {line} is indented with a tab, and YAML reads the shape of the story from spaces only; "
            "indent with spaces, not tabs (most editors can put spaces when you press Tab)"
        ).format(line=line)
    said = f"{context} {problem}"
    ours = next((ours for theirs, ours in _KNOWN if theirs in said), None)
    words = _("this cannot be read as YAML; check the line's indentation, its quotes and its colons")
    if ours is not None:
        words = str(ours)
    if start is not None and mark is not None and start.line != mark.line:
        # Translators: {words} is what is wrong; the rest says where the value that failed began.
        words = _("{words} (what YAML was reading began on line {line})").format(words=words, line=start.line + 1)
    return words
