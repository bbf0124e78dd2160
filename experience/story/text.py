"""Scene text: `{variable}` placeholders, conditional paragraphs and variations.

Placeholders are split out once at load time into a `Template`, so rendering is a join, not a
format call: `str.format` would let `{name.attr}` or `{name[0]}` reach into Python objects, and
here nothing in a scene file can do that. A value reads as `format_value` writes it (3.0 as 3,
true as yes), escaped for Markdown when it goes into Markdown, because a person's answer such as
`**me**` must read as they typed it.

A scene's text is a sequence of `Paragraph`s. A paragraph may carry an `if` condition, and may vary
between visits: `sequence` (one after another, the last one stays), `cycle` (round and round)
or `shuffle` (a seeded random order, so a replay of the same save reads the same).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .codes import Code
from .conditions import Expression, Value, Variables, Visits
from .diagnostics import Diagnostic, Location

PLAIN, SEQUENCE, CYCLE, SHUFFLE = "text", "sequence", "cycle", "shuffle"


def format_value(value: Value) -> str:
    """How a value reads inside scene text: 3.0 reads as 3, true as yes."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6g}"
    return str(value)


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    # In a story read in another language: the story's own values of this variable ("at the
    # kitchen table") as they are shown in that language. The state keeps the author's words.
    shown: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Template:
    """Text split into literal pieces and placeholders."""

    parts: tuple[str | Placeholder, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.parts if isinstance(p, Placeholder))

    @property
    def words(self) -> int:
        return sum(len(p.split()) if isinstance(p, str) else 1 for p in self.parts)

    def render(self, variables: Variables, escape: Callable[[str], str] | None = None) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                raw = variables.get(part.name, "")
                if part.shown is not None and isinstance(raw, str):
                    raw = part.shown.get(raw, raw)
                value = format_value(raw)
                out.append(escape(value) if escape else value)
        return "".join(out)

    @property
    def source(self) -> str:
        return "".join(p if isinstance(p, str) else "{" + p.name + "}" for p in self.parts)


Locate = Callable[[int], Location]


def parse_template(
    text: str, where: Locate, known: Mapping[str, object], unknown_message: Callable[[str], str]
) -> tuple[Template, list[Diagnostic]]:
    """Split `text` into a Template, reporting placeholders that are not declared variables.

    `{{` and `}}` stand for literal braces. Anything else between braces must be a variable name.
    `where(i)` gives the file location of `text[i]`, so each problem points at its brace.
    """
    if "{" not in text and "}" not in text:
        return Template((text,)), []
    parts: list[str | Placeholder] = []
    problems: list[Diagnostic] = []
    literal: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        literal.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token == "{{":  # noqa: S105 - a template token, not a password
            literal.append("{")
        elif token == "}}":  # noqa: S105
            literal.append("}")
        elif token in "{}":  # noqa: S105
            problems.append(
                Diagnostic(
                    Code.BAD_PLACEHOLDER,
                    f"a lone '{token}' in text; write '{token * 2}' for a brace, or {{variable}} for a value",
                    where(match.start()),
                )
            )
            literal.append(token)
        else:
            name = match.group(1).strip()
            here = where(match.start())
            if not _IDENTIFIER.match(name):
                problems.append(
                    Diagnostic(
                        Code.BAD_PLACEHOLDER,
                        f"'{{{match.group(1)}}}' is not a placeholder: only "
                        "{variable} is allowed (write '{{' for a brace)",
                        here,
                    )
                )
                literal.append(match.group(0))
            elif name not in known:
                problems.append(Diagnostic(Code.UNKNOWN_VARIABLE, unknown_message(name), here))
                literal.append(match.group(0))
            else:
                if literal:
                    parts.append("".join(literal))
                    literal = []
                parts.append(Placeholder(name))
    literal.append(text[position:])
    if any(literal):
        parts.append("".join(literal))
    return Template(tuple(parts)), problems


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of scene text, maybe conditional, maybe varying between visits."""

    variants: tuple[Template, ...]
    mode: str = PLAIN
    condition: Expression | None = None
    location: Location | None = None

    def pick(self, visit: int, seed: int, salt: str) -> Template:
        count = len(self.variants)
        if count == 1 or self.mode == PLAIN:
            return self.variants[0]
        n = max(visit, 1) - 1
        if self.mode == SEQUENCE:
            return self.variants[min(n, count - 1)]
        if self.mode == CYCLE:
            return self.variants[n % count]
        round_, position = divmod(n, count)
        order = list(range(count))
        random.Random(f"{seed}/{salt}/{round_}").shuffle(order)
        return self.variants[order[position]]


def render_paragraphs(
    paragraphs: tuple[Paragraph, ...],
    variables: Variables,
    visits: Visits,
    *,
    visit: int,
    seed: int,
    salt: str,
    escape: Callable[[str], str] | None = None,
) -> str:
    """The text a reader sees: the paragraphs whose condition holds, joined by blank lines."""
    shown = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.condition is not None and not paragraph.condition.evaluate(variables, visits):
            continue
        shown.append(paragraph.pick(visit, seed, f"{salt}/{index}").render(variables, escape).strip("\n"))
    return "\n\n".join(p for p in shown if p)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=^$&])")


def escape_markdown(value: str) -> str:
    """Make a person's words read literally inside Markdown.

    Every Markdown-significant ASCII punctuation mark gets a backslash (valid CommonMark for any
    ASCII punctuation), and leading spaces are dropped so a line can never turn into a code block.
    """
    lines = [line.lstrip() for line in value.splitlines()] or [""]
    return "\n".join(_MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in lines)
