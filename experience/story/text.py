"""Scene text: `{…}` values and inline variations, conditional paragraphs and variations.

Text is split once at load time (`inline.parse_template`) into a `Template` of literal pieces,
values (`{tenderness}`, `{100 - strength}`, `{capitalize(part_name)}`) and inline variations
(`{if tired: slowly|quickly}`, `{sequence: first|then}`), so rendering is a join, not a format
call: `str.format` would let `{name.attr}` reach into Python objects, and here nothing in a scene
file can do that. A value reads as `format_value` writes it (3.0 as 3, true as yes), escaped for
Markdown when it goes into Markdown, because a person's answer such as `**me**` must read as they
typed it. An inline variation's alternatives are the author's own Markdown, and are not escaped.

A scene's text is a sequence of `Paragraph`s. A paragraph may carry an `if` condition, and may vary
between visits: `sequence` (one after another, the last one stays), `cycle` (round and round)
or `shuffle` (a seeded random order, so a replay of the same save reads the same). Inline
variations vary the same three ways, inside a sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .conditions import Expression
from .diagnostics import Location
from .values import Value, Variables, Visits

PLAIN, SEQUENCE, CYCLE, SHUFFLE = "text", "sequence", "cycle", "shuffle"
IF = "if"
VARYING = (SEQUENCE, CYCLE, SHUFFLE)


def format_value(value: Value) -> str:
    """How a value reads inside scene text: 3.0 reads as 3, true as yes."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6g}"
    return str(value)


class Reading(NamedTuple):
    """What rendering a text needs to know about the reader at this moment."""

    variables: Variables
    visits: Visits
    visit: int = 1  # which visit of this text it is: variations count these
    seed: int = 0  # the reader's seed: shuffles are fixed by it
    draw: int = 0  # fixed for one state: random() depends on it
    escape: Callable[[str], str] | None = None  # applied to values, never to the author's words


def pick(mode: str, count: int, visit: int, seed: int, salt: str) -> int:
    """Which of `count` variations a visit reads, for sequence, cycle and shuffle alike."""
    n = max(visit, 1) - 1
    if count == 1 or mode == PLAIN:
        return 0
    if mode == SEQUENCE:
        return min(n, count - 1)
    if mode == CYCLE:
        return n % count
    round_, position = divmod(n, count)
    order = list(range(count))
    random.Random(f"{seed}/{salt}/{round_}").shuffle(order)
    return order[position]


@dataclass(frozen=True, slots=True)
class Placeholder:
    """`{expression}`: its value, as text."""

    expression: Expression
    # In a story read in another language: the story's own values of its variables ("at the
    # kitchen table") as they are shown in that language, by variable. The state keeps the
    # author's words, so conditions read them; only the value shown here is translated.
    shown: Mapping[str, Mapping[str, str]] | None = None

    @property
    def name(self) -> str:
        return self.expression.source

    def value(self, reading: Reading) -> str:
        variables = reading.variables
        if self.shown is not None:
            variables = dict(variables)
            for name in self.expression.reads & self.shown.keys():
                value = variables.get(name)
                if isinstance(value, str):
                    variables[name] = self.shown[name].get(value, value)
        return format_value(self.expression.evaluate(variables, reading.visits, reading.draw))


@dataclass(frozen=True, slots=True)
class Variation:
    """`{if cond: a|b}`, or `{sequence: a|b|c}` (and cycle, shuffle) inside a sentence."""

    mode: str
    branches: tuple[Template, ...]
    condition: Expression | None = None

    def expressions(self) -> list[Expression]:
        found = [self.condition] if self.condition is not None else []
        for branch in self.branches:
            found += branch.expressions()
        return found

    def render(self, reading: Reading, salt: str) -> str:
        if self.condition is not None:
            holds = self.condition.evaluate(reading.variables, reading.visits, reading.draw)
            index = 0 if holds else 1
            return self.branches[index].render(reading, salt) if index < len(self.branches) else ""
        index = pick(self.mode, len(self.branches), reading.visit, reading.seed, salt)
        return self.branches[index].render(reading, salt)


Part = str | Placeholder | Variation
_PUNCTUATION = tuple(".,;:!?)]”’")  # a space before these, left by a value or a variation, goes
_ENDS_A_SENTENCE = tuple(".!?…")
_GOES_ON = tuple(",;:")


def _meet(value: str, after: str) -> tuple[str, str]:
    """A value a reader typed, and the author's words after it, where their punctuation meets:
    people end what they type with a full stop, and "the rain outside.." or "the rain outside.,"
    reads as a slip in the middle of a sentence. The author's mark wins where the two say the same
    (one full stop, not two); the reader's "!" or "?" is kept, and an ellipsis is left as typed."""
    end = value.rstrip(" \t")
    if not end.endswith(_ENDS_A_SENTENCE) or end.endswith(("..", "…")):
        return value, after
    if after.startswith(".") and not after.startswith(".."):
        return end, after[1:]  # "outside." + ". It" reads "outside. It"; "why?" + "." reads "why?"
    if after.startswith(_GOES_ON) and end.endswith("."):
        return end[:-1], after  # "outside." + ", and" reads "outside, and"
    return value, after


@dataclass(frozen=True, slots=True)
class Template:
    """Text split into literal pieces, values and inline variations."""

    parts: tuple[Part, ...]
    source: str  # as the author wrote it

    @property
    def is_plain(self) -> bool:
        return all(isinstance(p, str) for p in self.parts)

    def expressions(self) -> list[Expression]:
        """Every expression in the text, in inline variations too."""
        found = []
        for part in self.parts:
            if isinstance(part, Placeholder):
                found.append(part.expression)
            elif isinstance(part, Variation):
                found += part.expressions()
        return found

    @property
    def reads(self) -> frozenset[str]:
        return frozenset(name for e in self.expressions() for name in e.reads)

    names = reads  # the variables it shows or tests, as format 1 called them

    @property
    def fallible(self) -> bool:
        """Whether rendering it can fail while someone plays (it divides somewhere)."""
        return any(e.fallible for e in self.expressions())

    @property
    def version(self) -> int:
        """2 when it uses what format 2 added: inline variations, or more than a variable in {…}."""
        for part in self.parts:
            if isinstance(part, Variation):
                return 2
            if isinstance(part, Placeholder) and (part.expression.version > 1 or not part.name.isidentifier()):
                return 2
        return 1

    @property
    def words(self) -> int:
        """Words written: a value counts as one, an inline variation as its longest alternative."""
        total = 0
        for part in self.parts:
            if isinstance(part, str):
                total += len(part.split())
            elif isinstance(part, Placeholder):
                total += 1
            else:
                total += max((b.words for b in part.branches), default=0)
        return total

    def render(self, reading: Reading, salt: str = "") -> str:
        parts = self.parts
        if len(parts) == 1 and isinstance(parts[0], str):
            return parts[0]
        out: list[str] = []
        after_inline = False  # the last part written was a value or an inline variation
        met: str | None = None  # the author's words after a value, as they meet it
        for index, part in enumerate(parts):
            if isinstance(part, str):
                if met is not None:
                    part, met = met, None
                if after_inline and out and out[-1].endswith((" ", "\t")):
                    if part.startswith(_PUNCTUATION):
                        out[-1] = out[-1].rstrip(" \t")  # "You rest{if tired: , at last}."
                    elif part.startswith((" ", "\t")):
                        part = part.lstrip(" \t")  # one space where two meet
                out.append(part)
                after_inline = False
                continue
            if isinstance(part, Placeholder):
                text = part.value(reading)
                following = parts[index + 1] if index + 1 < len(parts) else None
                if isinstance(following, str):
                    text, met = _meet(text, following)
                shown = reading.escape(text) if reading.escape is not None else text
            else:
                shown = part.render(reading, f"{salt}/{index}")
            if out and shown.startswith((" ", "\t")) and out[-1].endswith((" ", "\t")):
                shown = shown.lstrip(" \t")
            if shown:
                out.append(shown)
            after_inline = True
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of scene text, maybe conditional, maybe varying between visits."""

    variants: tuple[Template, ...]
    mode: str = PLAIN
    condition: Expression | None = None
    location: Location | None = None

    def pick(self, visit: int, seed: int, salt: str) -> Template:
        return self.variants[pick(self.mode, len(self.variants), visit, seed, salt)]


def render_paragraphs(paragraphs: tuple[Paragraph, ...], reading: Reading, salt: str) -> str:
    """The text a reader sees: the paragraphs whose condition holds, joined by blank lines."""
    shown = []
    variables, visits, draw = reading.variables, reading.visits, reading.draw
    for index, paragraph in enumerate(paragraphs):
        if paragraph.condition is not None and not paragraph.condition.evaluate(variables, visits, draw):
            continue
        here = f"{salt}/{index}"
        shown.append(paragraph.pick(reading.visit, reading.seed, here).render(reading, here).strip("\n"))
    return "\n\n".join(p for p in shown if p)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=^$&])")


def escape_markdown(value: str) -> str:
    """Make a person's words read literally inside Markdown.

    Every Markdown-significant ASCII punctuation mark gets a backslash (valid CommonMark for any
    ASCII punctuation), and leading spaces are dropped so a line can never turn into a code block.
    """
    lines = [line.lstrip() for line in value.splitlines()] or [""]
    return "\n".join(_MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in lines)
