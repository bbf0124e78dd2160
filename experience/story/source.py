"""Reading one YAML file safely, keeping the position of every value.

PyYAML's composer (the C one when it is there) gives a tree of nodes that each know their line
and column; the loader reads that tree directly instead of constructed Python objects, which is
how it can see duplicate keys (construction silently keeps the last), point at the exact value
that is wrong, and never construct anything a file asks for by tag.

Scalars are read by YAML 1.2's core rules, as editors do: only `true`/`false` are booleans, so
`yes`, `no` and `on` stay words, and nothing turns into a date.

Every value read is also looked at for characters that would act on a terminal rather than
show (an escape written `"\\e"` in double quotes, a bell, a right-to-left override): each is
reported where it is (E007), so that no story can write a reader's clipboard or garble the
screen of an author who checks it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import _
from .codes import Code
from .conditions import Value
from .diagnostics import Diagnostic, Location
from .format import MAX_FILE_BYTES
from .safe_text import control_character_message, first_unsafe
from .yaml_messages import explain


class _PlainResolver:
    """Tags for implicit values, without PyYAML's YAML 1.1 regular expressions.

    The loader resolves plain scalars itself by YAML 1.2 rules (`scalar_value`), so asking
    PyYAML's resolver first is wasted work: it runs a Python function for every scalar, which
    costs a fifth of a large load. Explicit tags never reach here and are still refused.
    """

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


try:  # the C parser and composer are many times faster
    from yaml.cyaml import CParser

    class _Loader(CParser, _PlainResolver):
        pass
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, _PlainResolver):  # type: ignore[no-redef]  # the same name, in pure Python
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


_STANDARD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STANDARD + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}

_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z|0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")


class BudgetExceeded(Exception):
    """Aliases made a file expand far beyond its size: refused before it costs time or memory."""


class YamlFile:
    """One file being read: its path, its text, and a budget of nodes that aliases cannot exceed.

    A file of n bytes has fewer than n nodes; anchors and aliases can make a small file stand for
    billions (the "billion laughs"). Every node the loader reads spends from the budget, so an
    alias bomb stops after a few thousand steps with a clear message.
    """

    def __init__(self, path: Path, report: Callable[[Diagnostic], None]):
        self.path = path
        self.display = path  # as the author named the folder, so messages match what they typed
        self.report = report
        self.lines: list[str] = []
        self.root: Node | None = None
        self.budget = 0

    # -- reading ----------------------------------------------------------------------------
    def read(self) -> bool:
        """Read and compose the file; report what is wrong and return whether there is a tree."""
        here = Location(self.display)
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.report(
                    Diagnostic(
                        Code.FILE_TOO_LARGE,
                        _("the file is {size} KiB; the limit is {limit} MiB (split it into chapters)").format(
                            size=size // 1024, limit=MAX_FILE_BYTES // (1024 * 1024)
                        ),
                        here,
                    )
                )
                return False
            data = self.path.read_bytes()
        except OSError as error:
            self.report(
                Diagnostic(
                    Code.STORY_FOLDER, _("cannot read the file: {reason}").format(reason=error.strerror or error), here
                )
            )
            return False
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            before = data[: error.start]
            line = before.count(b"\n") + 1
            column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
            self.report(
                Diagnostic(
                    Code.NOT_UTF8,
                    # Translators: {byte} is the byte in hexadecimal, like 0xe9.
                    _("the file is not UTF-8 (byte {byte} cannot be read); save it as UTF-8 in your editor").format(
                        byte=f"0x{data[error.start]:02x}"
                    ),
                    Location(self.display, line, column),
                )
            )
            return False
        if "\x00" in text:
            index = text.index("\x00")
            self.report(
                Diagnostic(
                    Code.NOT_UTF8,
                    _("the file contains a NUL character; is it a text file?"),
                    self._location_of(text, index),
                )
            )
            return False
        self.lines = text.splitlines()
        self.budget = 10_000 + 2 * len(data)
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            words, pointed = explain(error, self.lines)
            mark = error.problem_mark or error.context_mark
            if pointed is None and mark is not None:
                pointed = (mark.line, mark.column)
            where = Location(self.display, pointed[0] + 1, pointed[1] + 1) if pointed else here
            self.report(Diagnostic(Code.YAML_SYNTAX, words, where))
            return False
        except yaml.YAMLError as error:
            self.report(Diagnostic(Code.YAML_SYNTAX, str(error).splitlines()[0], here))
            return False
        except RecursionError:
            self.report(Diagnostic(Code.YAML_SYNTAX, _("the file is nested too deeply to read"), here))
            return False
        if self.root is None:
            said = (
                _("the file is empty; it needs a title and a start ('experience new' writes a working example)")
                if self.display.name == "story.yaml"
                else _("the file is empty; it needs a title and its scenes ('experience new' writes a working example)")
            )
            self.report(Diagnostic(Code.MISSING_KEY, said, here))
            return False
        return True

    def _location_of(self, text: str, index: int) -> Location:
        before = text[:index]
        return Location(self.display, before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)

    # -- positions --------------------------------------------------------------------------
    def at(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.display, mark.line + 1, mark.column + 1)

    def locator(self, node: ScalarNode) -> Callable[[int], Location]:
        """Map an index into a scalar's value to its line and column in the file.

        Exact for single-line scalars and for literal blocks (`|`), whose lines are kept as
        written; for folded text it points at the first line of the block.
        """
        start = self.at(node)
        style = node.style
        if style in ('"', "'"):
            return lambda i: start.shifted(columns=i + 1)
        if style == "|":
            first = node.start_mark.line + 1
            indent = 0
            if first < len(self.lines):
                line = self.lines[first]
                indent = len(line) - len(line.lstrip(" "))
            value = node.value

            def in_block(i: int) -> Location:
                before = value[:i]
                row = before.count("\n")
                column = i - (before.rfind("\n") + 1)
                return Location(self.display, first + 1 + row, indent + column + 1)

            return in_block
        if style == ">":
            return lambda i: Location(self.display, node.start_mark.line + 2, None)
        if node.start_mark.line == node.end_mark.line:
            return lambda i: start.shifted(columns=i)
        return lambda i: start

    # -- reading nodes ----------------------------------------------------------------------
    def visit(self, node: Node) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise BudgetExceeded()
        if isinstance(node, ScalarNode):
            self._look_for_controls(node)
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            if tag == _STANDARD + "merge":
                raise _Refused(node, _("merge keys (<<) are not supported; write the keys out"))
            raise _Refused(node, _("the YAML tag '{tag}' is not allowed in scene files").format(tag=_short_tag(tag)))

    def _look_for_controls(self, node: ScalarNode) -> None:
        index = first_unsafe(node.value)
        if index is not None:
            self.report(
                Diagnostic(
                    Code.CONTROL_CHARACTER, control_character_message(node.value[index]), self.locator(node)(index)
                )
            )


class _Refused(Exception):
    def __init__(self, node: Node, message: str):
        self.node, self.message = node, message


Refused = _Refused


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STANDARD) :] if tag.startswith(_STANDARD) else tag


def is_false(node: Node) -> bool:
    """`false` written out: a key that is present but switched off."""
    return isinstance(node, ScalarNode) and scalar_value(node) is False


def is_plain(node: Node) -> bool:
    """An unquoted scalar. (The C composer says '' where the Python one says None.)"""
    return isinstance(node, ScalarNode) and not node.style


def scalar_value(node: ScalarNode) -> Value | None:
    """A scalar by YAML 1.2 core rules: quoted is text; plain may be null, bool, int or float."""
    raw = node.value
    if node.style:  # quoted or block: always text
        return raw
    if _NULL.match(raw):
        return None
    if raw in _BOOL:
        return _BOOL[raw]
    if _INT.match(raw):
        try:
            return int(raw, 0) if raw.startswith(("0o", "0x")) else int(raw)
        except ValueError:  # more digits than Python turns into a number: beyond any range a story has
            return -math.inf if raw.startswith("-") else math.inf
    if _FLOAT.match(raw) and any(c.isdigit() for c in raw):
        return float(raw)
    if raw in (".inf", "+.inf", ".Inf", "+.Inf", "-.inf", "-.Inf", ".nan", ".NaN"):
        return float(raw.replace(".", "", 1).replace("Inf", "inf").replace("NaN", "nan"))
    return raw


def describe(node: Node) -> str:
    """How a node reads to an author: 'a list', 'a mapping', 'the number 3', ... (said only in a
    message, where it follows "not": "choices should be a list, not the text 'x'")."""
    if isinstance(node, MappingNode):
        return _("a mapping (key: value lines)")
    if isinstance(node, SequenceNode):
        return _("a list")
    value = scalar_value(node)
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        # Translators: {value} is true or false, as written in the file.
        return _("{value} (true/false)").format(value=node.value)
    if isinstance(value, (int, float)):
        return _("the number {number}").format(number=node.value if len(node.value) <= 30 else node.value[:27] + "...")
    shown = value if len(value) <= 30 else value[:27] + "..."
    return _("the text '{text}'").format(text=shown)
