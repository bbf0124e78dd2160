"""Reading `story.yaml`: the story's title, id, format, welcome, variables, and its start.

The variables are read first of all, because every chapter's expressions and placeholders are
checked against them; one declared without a usable value is reported here, once, and never
again where it is used. The start is resolved last, once every chapter has been read, so that a
mistaken start can be answered with a scene that really exists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode

from ..i18n import ENGLISH, _, lazy, normalise
from . import format as fmt
from .codes import Code
from .conditions import RESERVED_NAMES, ValueType
from .load_nodes import NodeReader, both
from .model import Scene, Variable
from .source import BudgetExceeded, Refused, YamlFile, describe, scalar_value

MANIFEST_NAME = "story.yaml"
LANGUAGE = "language"
_VARIABLE = re.compile(fmt.VARIABLE_PATTERN)
_STORY_ID = re.compile(fmt.STORY_ID_PATTERN)
_TITLE = lazy("the story's title")
_LANGUAGE = lazy("the story's language")
_ID = lazy("the story's id")


class Manifest(NamedTuple):
    title: str  # empty if it cannot be read
    id: str  # empty if none is given (or it cannot be used)
    start: Node | None  # the node of `start`, resolved later (`ManifestReader.start`)
    stop: Node | None  # the node of `stop`, resolved later (`ManifestReader.stop`)
    welcome: str | None  # Markdown, what readers see first
    language: str = ENGLISH  # the language it is written in, as a normalised tag
    careful_as: str | None = None  # the flag set when the reader's words call for care (care/crisis.py)


class ManifestReader(NodeReader):
    def read(self) -> Manifest:
        """What the manifest says, as far as it can be read; every problem is reported."""
        node = self.file.root
        assert node is not None  # the loader only reads a file that was composed
        try:
            entries = self.mapping(node, MANIFEST_NAME)
            if entries is None:
                return Manifest("", "", None, None, None)
            if "format" in entries:  # first: it says how everything else is read
                self._format(entries["format"][1])
            self.check_keys(entries, fmt.MANIFEST, MANIFEST_NAME, node)
            title = self.optional(entries, "title", lambda n: self.text(n, _TITLE))
            story_id = self.optional(entries, "id", self._story_id)
            welcome = self.optional(entries, "welcome", lambda n: self.text(n, "welcome"))
            if "variables" in entries:
                self._variables(entries["variables"][1])
            start = entries["start"][1] if "start" in entries else None
            stop = entries["stop"][1] if "stop" in entries else None
            language = self.optional(entries, LANGUAGE, self._language) or ENGLISH
            careful_as = self.optional(entries, "careful_as", self._flag)
            return Manifest(title or "", story_id or "", start, stop, welcome, language, careful_as)
        except BudgetExceeded:
            self.budget_exceeded()
        except Refused as refused:
            self.refused(refused)
        return Manifest("", "", None, None, None)

    def _format(self, node: Node) -> None:
        self.file.visit(node)
        value = scalar_value(node) if isinstance(node, ScalarNode) else None
        known = both([str(v) for v in fmt.FORMATS])
        if isinstance(value, int) and not isinstance(value, bool) and value > fmt.LATEST:
            self.error(
                Code.INVALID_VALUE,
                # Translators: {known} is the formats this version reads, like "1 and 2".
                _(
                    "this story is written in format {value}, and this version of experience reads formats "
                    "{known}: update experience to read it"
                ).format(value=value, known=known),
                node,
            )
        elif value not in fmt.FORMATS or isinstance(value, bool):
            said = _("format is {known}, not {found}").format(known=known, found=describe(node))
            self.error(Code.INVALID_VALUE, said, node)
        else:
            assert isinstance(value, int)
            self.context.format = value

    def _language(self, node: Node) -> str | None:
        value = self.text(node, _LANGUAGE)
        tag = normalise(value) if value is not None else None
        if value is not None and tag is None:
            self.error(
                Code.INVALID_VALUE,
                _(
                    "'{value}' is not a language: write a tag like en, es or pt-BR "
                    "(the language the story is written in)"
                ).format(value=value),
                node,
            )
        return tag

    def _story_id(self, node: Node) -> str | None:
        value = self.text(node, _ID)
        if value is None or _STORY_ID.match(value):
            return value
        self.error(
            Code.INVALID_NAME,
            _(
                "'{value}' cannot be the story's id: use lowercase letters, digits, - and _ (at most 64), "
                "starting with a letter or digit, like coming-home"
            ).format(value=value),
            node,
        )
        return None

    def _flag(self, node: Node) -> str | None:
        """A true/false variable the manifest names (`careful_as`): declared above it, as a flag."""
        name = self.text(node, "careful_as")
        kind = self.context.variable_types.get(name or "")
        if name is None or name in self.context.broken_variables:
            return None
        if kind is not ValueType.FLAG:
            self.error(
                Code.UNKNOWN_VARIABLE if kind is None else Code.WRONG_TYPE,
                _(
                    "careful_as names '{name}', which should be a variable declared under variables with the "
                    "starting value false"
                ).format(name=name),
                node,
            )
            return None
        return name

    def _variables(self, node: Node) -> None:
        entries = self.mapping(node, "variables")
        if entries is None:
            return
        for name, (key_node, value_node) in entries.items():
            if not _VARIABLE.match(name):
                self.error(
                    Code.INVALID_NAME,
                    _("'{name}' cannot be a variable name: use letters, digits and _, starting with a letter").format(
                        name=name
                    ),
                    key_node,
                )
                continue
            if name in RESERVED_NAMES or name.startswith("__"):
                self.error(
                    Code.INVALID_NAME,
                    _("'{name}' is a word of the expression language and cannot be a variable").format(name=name),
                    key_node,
                )
                continue
            self.file.visit(value_node)
            value = scalar_value(value_node) if isinstance(value_node, ScalarNode) else None
            kind = ValueType.of(value)
            if value is None or kind is None:
                self.context.broken_variables.add(name)
                self.error(
                    Code.INVALID_VALUE if isinstance(value_node, ScalarNode) else Code.WRONG_TYPE,
                    _(
                        "variable '{name}' needs a starting value: a number, text in quotes, or "
                        "true/false (found {found})"
                    ).format(name=name, found=describe(value_node)),
                    value_node,
                )
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):  # declared all the same, so
                self.in_range(
                    value, lazy("the start of '{name}'", name=name), value_node
                )  # its uses are not errors too
            self.context.variable_types[name] = kind
            self.context.variables[name] = Variable(name, value, kind, self.at(key_node))

    def start(self, node: Node) -> str | None:
        """The full id of the first scene; read after every chapter, so a hint can name a real one."""
        return self.scene(node, "start")

    def scene(self, node: Node, what: str) -> str | None:
        """A scene the manifest names (`start`, `stop`), in full; read after every chapter."""
        references = self.context.references
        ref = self.text(node, what)
        if ref is None:
            return None
        if "/" not in ref:
            self.error(
                Code.INVALID_VALUE,
                _("{what} should name a scene as chapter/scene, like '{example}'").format(
                    what=what, example=references.example(ref)
                ),
                node,
            )
            return None
        return references.resolve(ref, None, self.at(node), what)

    def stop(self, node: Node, scenes: Mapping[str, Scene]) -> str | None:
        """The story's gentle stop: it must be an ending marked `end: pause`."""
        stop = self.scene(node, "stop")
        scene = scenes.get(stop) if stop else None
        if scene is not None and not scene.pause:
            self.error(
                Code.INVALID_VALUE,
                _(
                    "stop names '{stop}', which is not a pause in the journey: give that scene 'end: pause', "
                    "or name one that has it"
                ).format(stop=stop),
                node,
            )
            return None
        return stop


def declared_language(root: Path) -> str | None:
    """The language story.yaml says the story is written in (`language:`), read on its own and
    quickly, before the story is loaded: which language to read the story in depends on it. None
    when it says none or cannot be read (the loader reports why)."""
    file = YamlFile(root / MANIFEST_NAME, lambda _: None)
    if not file.read() or not isinstance(file.root, MappingNode):
        return None
    for key, value in file.root.value:
        if isinstance(key, ScalarNode) and key.value == LANGUAGE and isinstance(value, ScalarNode):
            return normalise(value.value)
    return None
