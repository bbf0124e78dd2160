"""Reading one file's YAML nodes as the values of the scene format, each with its own message.

`NodeReader` is the bottom layer of the loader: it knows mappings, lists, text, true/false and
numbers, and says in an author's words what it found instead. It reads one file; the story-wide
things it needs (every problem so far, the declared variables, the scenes' names) are in the
`Context` that all of one load's readers share. Every node it reads spends from the file's
budget (`YamlFile.visit`), which is what stops an alias bomb.

What a value is called in a message (`what`) is a key of the format as it is written (`goto`),
or words (`lazy("the choice's text")`), looked up only when a message is made: most values have
nothing wrong with them, and reading them costs no lookup.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import Words, _, lazy
from . import format as fmt
from .codes import Code
from .conditions import Expression, ValueType
from .diagnostics import Diagnostic, Location
from .load_refs import References
from .model import Variable
from .source import Refused, YamlFile, describe, is_plain, scalar_value
from .text import Part

if TYPE_CHECKING:
    from .translation import Translation

Entries = dict[str, tuple[ScalarNode, Node]]
T = TypeVar("T")


@dataclass
class Context:
    """What reading any one file needs from the story as a whole."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    variable_types: dict[str, ValueType] = field(default_factory=dict)
    variables: dict[str, Variable] = field(default_factory=dict)
    references: References = field(default_factory=References)
    expressions: dict[tuple[str, str], Expression] = field(default_factory=dict)  # (source, chapter): compiled once
    inline: dict[str, dict[str, Part]] = field(default_factory=dict)  # by chapter: {…} already read, by text
    broken_variables: set[str] = field(default_factory=set)  # declared without a usable value: reported once
    format: int = 1  # as story.yaml declares it
    format_2_use: tuple[Words, Location] | None = None  # the first thing read that format 2 added
    translation: Translation | None = None  # the language the story is being read in, when not its own
    # Called with each file just after it is read, and its chapter (None for story.yaml).
    on_file: list[Callable[[YamlFile, str | None], None]] = field(default_factory=list)

    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def uses_format_2(self, what: Words, where: Location) -> None:
        if self.format_2_use is None:
            self.format_2_use = (what, where)


class NodeReader:
    def __init__(self, file: YamlFile, context: Context):
        self.file = file
        self.context = context
        self.report = context.report
        #: For each mapping read (by its entries' id): the keys its misspelled keys were taken to
        #: mean. A key that is only misspelled is not also reported missing: one mistake, one error.
        self.meant: dict[int, set[str]] = {}

    def at(self, node: Node) -> Location:
        return self.file.at(node)

    def error(self, code: Code, message: str, node: Node) -> None:
        self.report(Diagnostic(code, message, self.file.at(node)))

    def budget_exceeded(self) -> None:
        self.report(
            Diagnostic(
                Code.ALIASES_EXPAND_TOO_FAR,
                _(
                    "anchors and aliases make this file expand far beyond its size; "
                    "write the repeated parts out instead"
                ),
                Location(self.file.display),
            )
        )

    def refused(self, refused: Refused) -> None:
        self.error(Code.YAML_FEATURE_NOT_ALLOWED, refused.message, refused.node)

    def mapping(self, node: Node, what: Words) -> Entries | None:
        """The entries of a mapping node by key, reporting duplicates and non-mappings."""
        file = self.file
        file.visit(node)
        if not isinstance(node, MappingNode):
            said = _("{what} should be a mapping (key: value lines), not {found}").format(
                what=what, found=describe(node)
            )
            self.error(Code.WRONG_TYPE, said, node)
            return None
        entries: Entries = {}
        for key_node, value_node in node.value:
            file.visit(key_node)
            if not isinstance(key_node, ScalarNode):
                said = _("keys in {what} should be plain names, not {found}").format(
                    what=what, found=describe(key_node)
                )
                self.error(Code.WRONG_TYPE, said, key_node)
                continue
            key = key_node.value
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.error(
                    Code.DUPLICATE_KEY,
                    _(
                        "duplicate key '{key}' in {what} (first given on line {first}); "
                        "YAML would silently keep only the last one"
                    ).format(key=key, what=what, first=first),
                    key_node,
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def check_keys(self, entries: Entries, spec: tuple[fmt.Key, ...], what: Words, node: Node) -> bool:
        """Report unknown and missing keys; False when the mapping was really text with a colon in it.
        Keys that format 2 added are noted, for W407."""
        names, required, newer = _shape(spec)
        for key, (key_node, _value) in entries.items():
            if key not in names:
                if any(c.isspace() for c in key.strip()):
                    self.error(
                        Code.WRONG_TYPE,
                        _(
                            "'{text}: ...' was read as a key and a value because of the ': ' "
                            "in it; if this is text, put it all in quotes, or write it as a block with |"
                        ).format(text=_shorten(key)),
                        key_node,
                    )
                    return False
                self.error(Code.UNKNOWN_KEY, _unknown_key_message(key, list(names), what), key_node)
                close = _close_key(key, list(names))
                if close is not None:
                    self.meant.setdefault(id(entries), set()).add(close)
            elif key in newer and self.context.format_2_use is None:
                self.context.uses_format_2(lazy("'{key}' in {what}", key=key, what=what), self.at(key_node))
        for spec_key in required:
            if spec_key.name not in entries and spec_key.name not in self.meant.get(id(entries), ()):
                doc = str(spec_key.doc)
                # Translators: {doc} says what the key is for, as the guide does.
                said = _("{what} needs '{key}': {doc}").format(
                    what=what, key=spec_key.name, doc=doc[0].lower() + doc[1:]
                )
                self.error(Code.MISSING_KEY, said, node)
        return True

    @staticmethod
    def optional(entries: Entries, key: str, read: Callable[[Node], T | None]) -> T | None:
        """`read` the value of `key`, or None when the mapping does not have it."""
        return read(entries[key][1]) if key in entries else None

    def sequence(self, node: Node, what: Words) -> list[Node] | None:
        self.file.visit(node)
        if not isinstance(node, SequenceNode):
            said = _("{what} should be a list (lines starting with '- '), not {found}")
            self.error(Code.WRONG_TYPE, said.format(what=what, found=describe(node)), node)
            return None
        return node.value

    def text(self, node: Node, what: Words) -> str | None:
        """Text as written. Plain numbers and true/false are taken as the words they are."""
        self.file.visit(node)
        if not isinstance(node, ScalarNode):
            self.error(
                Code.WRONG_TYPE, _("{what} should be text, not {found}").format(what=what, found=describe(node)), node
            )
            return None
        if is_plain(node) and scalar_value(node) is None:
            self.error(Code.INVALID_VALUE, _("{what} is empty").format(what=what), node)
            return None
        return node.value

    def flag(self, node: Node, what: Words) -> bool | None:
        self.file.visit(node)
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            said = _("{what} should be true or false, not {found}").format(what=what, found=describe(node))
            self.error(Code.WRONG_TYPE, said, node)
            return None
        return value

    def number(self, node: Node, what: Words, *, positive: bool = False) -> float | None:
        self.file.visit(node)
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            said = _("{what} should be a number, not {found}").format(what=what, found=describe(node))
            self.error(Code.WRONG_TYPE, said, node)
            return None
        if positive and not value > 0:
            self.error(Code.INVALID_VALUE, _("{what} should be more than 0").format(what=what), node)
            return None
        if not self.in_range(value, what, node):
            return None
        return value

    def in_range(self, value: float, what: Words, node: Node) -> bool:
        """Whether a number is one a story can hold; if not, say so where it is written."""
        if fmt.in_range(value):
            return True
        from babel.numbers import format_decimal  # only when a number is out of range: Babel is slow to import

        from ..i18n import babel_locale

        limit = format_decimal(fmt.NUMBER_LIMIT, locale=babel_locale())
        # Translators: {limit} is the largest number a story may hold, like 1,000,000,000.
        said = _("{what} is too large: numbers go from -{limit} to {limit}").format(what=what, limit=limit)
        self.error(Code.INVALID_VALUE, said, node)
        return False


_SHAPES: dict[int, tuple[dict[str, None], tuple[fmt.Key, ...], frozenset[str]]] = {}


def _shape(spec: tuple[fmt.Key, ...]) -> tuple[dict[str, None], tuple[fmt.Key, ...], frozenset[str]]:
    """A key table's names (in order), its required keys and the keys format 2 added, worked out
    once: every mapping of a story is checked against one of a handful of tables."""
    shape = _SHAPES.get(id(spec))
    if shape is None:
        names = dict.fromkeys(fmt.key_names(spec))
        shape = _SHAPES[id(spec)] = (
            names,
            tuple(k for k in spec if k.required),
            frozenset(k.name for k in spec if k.since > 1),
        )
    return shape


# -- messages -------------------------------------------------------------------------------
def either(words: Sequence[Words]) -> str:
    """'a, b or c', as a message lists the choices."""
    said = [str(word) for word in words]
    if len(said) == 1:
        return said[0]
    # Translators: the last of a list of choices: {others} is "a, b", {last} is "c".
    return _("{others} or {last}").format(others=", ".join(said[:-1]), last=said[-1])


def both(words: Sequence[Words]) -> str:
    """'a and b and c', as a message lists what is there together."""
    said = str(words[0])
    for word in words[1:]:
        # Translators: two things together, like "goto and choices" (keys, written as they are).
        said = _("{first} and {second}").format(first=said, second=word)
    return said


_BELONGS = {  # where a key that is not allowed here does belong, in words an author knows
    "choice": lazy("on a choice (under choices:)"),
    "scene": lazy("on a scene"),
    "reflect": lazy("under reflect:"),
    "chapter": lazy("at the top of a chapter file"),
    "story.yaml": lazy("in story.yaml"),
    "paragraph": lazy("on a paragraph in a text list"),
    "branch": lazy("on a branch of a goto list"),
}


def _close_key(key: str, names: list[str]) -> str | None:
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key_message(key: str, names: list[str], what: Words) -> str:
    close = _close_key(key, names)
    if close:
        return _("unknown key '{key}' in {what}; did you mean '{close}'?").format(key=key, what=what, close=close)
    if key == "<<":
        return _("merge keys (<<) are not supported; write the keys out")
    homes = [kind for kind, keys in fmt.KINDS.items() if key in fmt.key_names(keys)]
    if homes:
        where = str(_BELONGS[homes[0]])
        for kind in homes[1:]:
            # Translators: two places a key may go, like "on a scene" and "on a choice (under choices:)".
            where = _("{first} or {second}").format(first=where, second=_BELONGS[kind])
        # Translators: {where} is where the key belongs, like "on a scene or on a choice (under choices:)".
        return _("'{key}' does not belong in {what}: it goes {where}").format(key=key, what=what, where=where)
    return _("unknown key '{key}' in {what}; expected {keys}").format(key=key, what=what, keys=either(names))


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
