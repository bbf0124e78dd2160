"""Reading `{…}` in text: values, inline variations, and literal braces, with every mistake located.

Inside braces an author writes one of:

- an expression: `{tenderness}`, `{100 - strength}`, `{capitalize(part_name)}`;
- a condition: `{if tired: slowly|quickly}` (the second alternative may be left out);
- a variation between visits: `{sequence: first|then|always}`, `{cycle: …}`, `{shuffle: …}`.

`if` is a word of the language and `sequence:` ends in a colon, which no expression can, so none
of these can be mistaken for a value. Alternatives are text, and may hold `{…}` of their own;
`|` separates them and `}` closes them (so `{if a: {if b: x|y}}` closes both), and inside an
alternative a literal bar or brace is written as a value: `{"|"}`. In the text around them, `{{`
and `}}` are literal braces, as in format 1. The space after the colon is not part of the first
alternative; every other space is kept as written, and where an alternative's space meets the
sentence's, the reader sees one (`Template.render`), so `{if tired: slowly | quickly}` reads well
and `{name}{if near: , close by| from afar}` keeps the space it needs.

The parser never raises: each problem becomes a diagnostic pointing at its character, and the
text around it is still read, so one run reports every mistake in a paragraph.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from ..i18n import _, ngettext, pgettext
from .codes import Code
from .conditions import Expression
from .diagnostics import Diagnostic, Location
from .text import IF, VARYING, Part, Placeholder, Template, Variation

Locate = Callable[[int], Location]
# Compile the expression `source`, which starts at `index` of the text; report any problem itself.
CompileAt = Callable[[str, int], "Expression | None"]

MAX_NESTING = 8
_SPECIAL = {0: re.compile(r"\{\{|\}\}|[{}]"), 1: re.compile(r"[{}|]")}
_KEYWORD = re.compile(r"\s*(?:(if)(?=[\s(\"'])|([A-Za-z_][A-Za-z0-9_]*)\s*:(?!=))")
_EXAMPLE = "{if tired: slowly|quickly}"  # the syntax, shown as it is written in every language
_AN_IF = "{if …}"  # how a message names an {if …}, as written
_PLAIN = {stop: re.compile(r"[^\"'{}" + stop + "]*") for stop in ":}"}


class _Unclosed(Exception):
    """An inline variation ran to the end of the text without its `}`."""


def parse_template(
    text: str, where: Locate, compile_at: CompileAt, known: dict[str, Part] | None = None
) -> tuple[Template, list[Diagnostic]]:
    """Split `text` into a Template. `where(i)` is the file location of `text[i]`.

    `known` holds `{…}` already read in the same chapter, by their text: a story repeats them
    (`{capitalize(part_name)}`, `{if tired: slowly|quickly}`), and reading one is most of the
    cost of a text. Only those read without a problem are kept, and none whose value can fail
    while someone plays (its error names its place) or that rolls `random()` (its roll is its
    place's own).
    """
    if "{" not in text and "}" not in text:
        return Template((text,), text), []
    parser = _Parser(text, where, compile_at, {} if known is None else known)
    parts = parser.run(depth=0)
    return Template(tuple(parts), text), parser.problems


class _Parser:
    def __init__(self, text: str, where: Locate, compile_at: CompileAt, known: dict[str, Part]):
        self.text = text
        self.where = where
        self.compile_at = compile_at
        self.known = known
        self.i = 0
        self.problems: list[Diagnostic] = []

    def reused(self, start: int, depth: int) -> Part | None:
        """The `{…}` at `start`, if the same text was read before (see parse_template)."""
        if depth:
            return None
        end = _matching(self.text, start)
        part = self.known.get(self.text[start:end]) if end is not None else None
        if part is not None:
            assert end is not None
            self.i = end
        return part

    def remember(self, start: int, part: Part, problems_before: int) -> None:
        if len(self.problems) > problems_before or isinstance(part, str):
            return
        expressions = part.expressions() if isinstance(part, Variation) else [part.expression]
        if not any(e.fallible or e.rolls for e in expressions):
            self.known[self.text[start : self.i]] = part

    def problem(self, code: Code, message: str, index: int) -> None:
        self.problems.append(Diagnostic(code, message, self.where(index)))

    # -- runs of text -------------------------------------------------------------------------
    def run(self, depth: int) -> list[Part]:
        """Text and `{…}` up to the end, or (inside an alternative) up to its `|` or `}`."""
        text = self.text
        special = _SPECIAL[min(depth, 1)]
        parts: list[Part] = []
        literal: list[str] = []
        while True:
            match = special.search(text, self.i)
            if match is None:
                literal.append(text[self.i :])
                self.i = len(text)
                break
            literal.append(text[self.i : match.start()])
            found = match.group()
            if found in ("{{", "}}"):
                literal.append(found[0])
                self.i = match.end()
            elif found == "{":
                part = self.reused(match.start(), depth)
                if part is None:
                    self.i, before = match.end(), len(self.problems)
                    part = self.braces(match.start(), depth)
                    if not depth:
                        self.remember(match.start(), part, before)
                if isinstance(part, str):
                    literal.append(part)
                    continue
                if any(literal):
                    parts.append("".join(literal))
                literal = []
                parts.append(part)
            elif depth and found in "|}":
                self.i = match.start()
                break
            else:  # a lone } in plain text
                # Translators: {close} is }, {closes} is }} and {value} is {variable}: the syntax, as written.
                lone = _("a lone '{close}' in text; write '{closes}' for a brace, or {value} for a value")
                self.problem(
                    Code.BAD_PLACEHOLDER, lone.format(close="}", closes="}}", value="{variable}"), match.start()
                )
                literal.append(found)
                self.i = match.end()
        if any(literal):
            parts.append("".join(literal))
        return parts

    # -- one {…} ------------------------------------------------------------------------------
    def braces(self, start: int, depth: int) -> Part:
        """What the `{` at `start` opens; its raw text (as a literal) when it is wrong."""
        keyword = _KEYWORD.match(self.text, self.i)
        if keyword is None:
            return self.value(start)
        if depth >= MAX_NESTING:
            deep = ngettext(
                "inline variations are nested more than {depth} deep",
                "inline variations are nested more than {depth} deep",
                MAX_NESTING,
            )
            self.problem(Code.BAD_INLINE_VARIATION, deep.format(depth=MAX_NESTING), start)
            return self.skip(start)
        word = keyword.group(1) or keyword.group(2)
        if word == IF:
            return self.condition(start, keyword.end(), depth)
        if word in VARYING:
            self.i = keyword.end()
            return self.variation(start, word, None, depth)
        close = difflib.get_close_matches(word, [IF, *VARYING], n=1, cutoff=0.5)
        self.problem(Code.BAD_INLINE_VARIATION, _not_a_variation(word, close[0] if close else None), start)
        return self.skip(start)

    def value(self, start: int) -> Part:
        end = self.expression_end(self.i, "}")
        if end is None:
            # Translators: {open} is {, {opens} is {{ and {value} is {variable}: the syntax, as written.
            never = _("a '{open}' that is never closed; write '{opens}' for a brace, or {value} for a value")
            self.problem(Code.BAD_PLACEHOLDER, never.format(open="{", opens="{{", value="{variable}"), start)
            return "{"
        source = self.text[self.i : end]
        self.i = end + 1
        if not source.strip():
            # Translators: {empty} is {}, {value} is {variable} and {braces} is {{}}: the syntax, as written.
            empty = _("'{empty}' is empty; write {value} for a value, or '{braces}' for braces")
            self.problem(Code.BAD_PLACEHOLDER, empty.format(empty="{}", value="{variable}", braces="{{}}"), start)
            return "{" + source + "}"
        expression = self.compile_at(source, start + 1)
        return Placeholder(expression) if expression is not None else "{" + source + "}"

    def condition(self, start: int, after_if: int, depth: int) -> Part:
        colon = self.expression_end(after_if, ":")
        if colon is None or self.text[colon] != ":":
            # Translators: {written} is {if …} and {example} a whole one, as a story writes them.
            needs = _("'{written}' needs a colon after its condition, like {example}")
            self.problem(Code.BAD_INLINE_VARIATION, needs.format(written=_AN_IF, example=_EXAMPLE), start)
            return self.skip(start)
        source = self.text[after_if:colon]
        if not source.strip():
            # Translators: {written} is {if: …} and {example} a whole {if …}, as a story writes them.
            none = _("'{written}' has no condition; write one, like {example}")
            self.problem(Code.BAD_INLINE_VARIATION, none.format(written="{if: …}", example=_EXAMPLE), start)
            return self.skip(start)
        condition = self.compile_at(source, after_if)
        self.i = colon + 1
        part = self.variation(start, IF, condition, depth)
        return part if condition is not None else "{…}"

    def variation(self, start: int, mode: str, condition: Expression | None, depth: int) -> Part:
        branches: list[Template] = []
        while self.i < len(self.text) and self.text[self.i] in " \t\n":  # the space after the colon
            self.i += 1
        try:
            while True:
                begun = self.i
                parts = [p for p in self.run(depth + 1) if p != ""]
                branches.append(Template(tuple(parts), self.text[begun : self.i].strip()))
                if self.i >= len(self.text):
                    raise _Unclosed
                found = self.text[self.i]
                self.i += 1
                if found == "}":
                    break
        except _Unclosed:
            # Translators: {written} is how the variation begins ({if…, {cycle…), {close} is } and {example}
            # a whole {if …}, as a story writes them.
            unclosed = _("this '{written}' is never closed: end it with '{close}', like {example}")
            written = "{" + mode + "…"
            self.problem(
                Code.BAD_INLINE_VARIATION, unclosed.format(written=written, close="}", example=_EXAMPLE), start
            )
            return self.text[start:]
        if mode == IF and len(branches) > 2:
            # Translators: {written} is {if …} and {example} a whole one, as a story writes them.
            most = _(
                "'{written}' takes two alternatives at most, what to show when it holds and what "
                "otherwise: {example}; for a third, put another {written} in the second"
            )
            self.problem(Code.BAD_INLINE_VARIATION, most.format(written=_AN_IF, example=_EXAMPLE), start)
            return self.text[start : self.i]
        if mode != IF and len(branches) < 2:
            # Translators: {written} is how the variation is written ({cycle: …}), {bar} is | and {example}
            # one written in a story, with its words in the language in use.
            fewer = _(
                "'{written}' needs two alternatives or more, separated by {bar}; for words on the "
                "first visit only, leave the last one empty: {example}"
            )
            example = "{sequence: " + pgettext("the words of an example of {sequence: …|}", "for the first time") + "|}"
            written = "{" + mode + ": …}"
            self.problem(Code.BAD_INLINE_VARIATION, fewer.format(written=written, bar="|", example=example), start)
            return self.text[start : self.i]
        return Variation(mode, tuple(branches), condition)

    # -- scanning ---------------------------------------------------------------------------
    def expression_end(self, index: int, stop: str) -> int | None:
        """Where an expression starting at `index` ends: the first `stop` (or `}`) outside
        quotes. None when the text ends first, or a `{` opens inside it."""
        text = self.text
        plain = _PLAIN[stop].match(text, index)  # most expressions hold no quotes: skip to the end at C speed
        assert plain is not None  # a pattern that can match nothing always matches
        found = text[plain.end() : plain.end() + 1]
        if found in (stop, "}"):
            return plain.end()
        if found in ("{", ""):
            return None
        quote = ""
        for position in range(plain.end(), len(text)):
            char = text[position]
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == stop or char == "}":
                return position
            elif char == "{":
                return None
        return None

    def skip(self, start: int) -> str:
        """Step over a broken `{…}` to its closing brace (or the end), as literal text."""
        depth = 0
        text = self.text
        for position in range(start, len(text)):
            if text[position] == "{":
                depth += 1
            elif text[position] == "}":
                depth -= 1
                if depth == 0:
                    self.i = position + 1
                    return text[start : self.i]
        self.i = len(text)
        return text[start:]


def _not_a_variation(word: str, close: str | None) -> str:
    """For `{word: …}` where `word` is none of the variations' words (`close`: the nearest one)."""
    condition = pgettext("the placeholder in {if condition: …|…}, telling how it is written", "condition")
    forms = {
        "written": "{" + word + ": …}",
        "if_form": "{if " + condition + ": …|…}",
        "sequence": "{sequence: …|…}",
        "cycle": "{cycle: …|…}",
        "shuffle": "{shuffle: …|…}",
    }
    if close:
        # Translators: {written} is what the author wrote; {close} the nearest word the format has; the
        # others are how each variation is written.
        message = _(
            "'{written}' is not an inline variation; did you mean '{close}'? "
            "they are {if_form}, {sequence}, {cycle} and {shuffle}"
        )
        return message.format(close=close, **forms)
    # Translators: {written} is what the author wrote; the others are how each variation is written.
    return _("'{written}' is not an inline variation; they are {if_form}, {sequence}, {cycle} and {shuffle}").format(
        **forms
    )


_BRACES = re.compile(r"[{}]")


def _matching(text: str, start: int) -> int | None:
    """Just after the `}` that closes the `{` at `start`, counting braces only: used to look the
    text up among those already read, which were each read to exactly their closing brace."""
    depth = 0
    for match in _BRACES.finditer(text, start):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return match.end()
    return None
