"""What a translation must keep of its source's `{…}`, compared on the `Template`s the loader built.

Never on the raw text with patterns: the loader has already read every `{…}` into the Template
model (`inline.py`), so whatever the format reads is compared the same way, and a new kind of
`{…}` needs only its own token here. What must be kept:

- every value the source shows (`{part_name}`, `{capitalize(part_name)}`), as many times, and no
  other; the same expression, however it is spaced;
- every inline variation, of the same kind (`if`, `sequence`, `cycle`, `shuffle`), with the same
  condition and as many alternatives, each alternative keeping the `{…}` of the source's in turn.

Word order may change: a translation may move a value, or a whole variation, to wherever its
sentence needs it. The words between the bars are the translator's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..i18n import ngettext
from .text import IF, Part, Placeholder, Template, Variation

# ("value", expression) or (mode, condition, (each alternative's shape, ...)), as hashable tuples
Token = tuple[object, ...]
Shape = tuple[tuple[Token, int], ...]


def _spaced(source: str) -> str:
    return " ".join(source.split())


def _token(part: Placeholder | Variation) -> Token:
    if isinstance(part, Placeholder):
        return ("value", _spaced(part.expression.source))
    condition = _spaced(part.condition.source) if part.condition is not None else ""
    return (part.mode, condition, tuple(_frozen(shape(branch)) for branch in part.branches))


def _frozen(tokens: Counter[Token]) -> Shape:
    return tuple(sorted(tokens.items(), key=repr))


def shape(template: Template) -> Counter[Token]:
    """The `{…}` of a text, in no order: what a translation must keep."""
    return Counter(_token(part) for part in template.parts if not isinstance(part, str))


def _describe(token: Token) -> str:
    if token[0] == "value":
        return "{" + str(token[1]) + "}"
    mode, condition, branches = token
    assert isinstance(branches, tuple)  # as _token makes it
    alternatives = "|".join("…" for _ in branches)
    return "{" + (f"{IF} {condition}: " if mode == IF else f"{mode}: ") + alternatives + "}"


def _listed(tokens: Counter[Token]) -> str:
    return ", ".join(_counted(_describe(t), n) for t, n in tokens.items())


def _counted(described: str, n: int) -> str:
    if n == 1:
        return described
    # Translators: {shown} is a {…} as the story writes it, which appears {count} times.
    return ngettext("{shown} ({count} time)", "{shown} ({count} times)", n).format(shown=described, count=n)


def differences(source: Template, translated: Template) -> tuple[str, str]:
    """The source's `{…}` that the translation lacks, and those it has that the source does not,
    each listed as written ("" when there are none); the sentence saying so is the checker's
    (`translation.py`), whole, so that it can be translated."""
    wanted, found = shape(source), shape(translated)
    return _listed(wanted - found), _listed(found - wanted)


def show_values(template: Template, values: Mapping[str, Mapping[str, str]]) -> Template:
    """`template`, with each value it shows of a variable in `values` translated as it is shown
    (in inline variations too)."""
    if template.is_plain:
        return template
    return Template(tuple(_shown(part, values) for part in template.parts), template.source)


def _shown(part: Part, values: Mapping[str, Mapping[str, str]]) -> Part:
    if isinstance(part, Placeholder):
        return Placeholder(part.expression, values) if part.expression.reads & values.keys() else part
    if isinstance(part, Variation):
        return Variation(part.mode, tuple(show_values(b, values) for b in part.branches), part.condition)
    return part
