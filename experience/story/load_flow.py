"""Reading where the reader goes and what changes on the way: references, `goto`, `set`, `tags`.

A `goto` is a scene, or a list of branches tried in order, the first whose `if` holds winning:

    goto:
      - if: steadiness > 3
        to: open_door
      - to: wait_a_while

Scenes and choices share these readers, so a `goto` or a `set` means the same in both places
and gets the same messages. `ways_on` checks the "exactly one way on" rule for both.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import Words, _, lazy
from . import format as fmt
from .codes import Code
from .conditions import ValueType, unknown_variable_message
from .diagnostics import Diagnostic
from .load_nodes import Entries, both, either
from .load_text import TextReader
from .model import Branch, Sets
from .source import describe, is_false

_TAG = re.compile(fmt.NAME_PATTERN)
_BRANCHES = lazy("a list of branches in goto")
_A_TAG = lazy("a tag")


def _unbalanced(node: Node) -> bool:
    """A plain value that opens more brackets than it closes: a comma in braces cut it short."""
    return isinstance(node, ScalarNode) and not node.style and node.value.count("(") > node.value.count(")")


class FlowReader(TextReader):
    def scene_ref(self, node: Node, chapter: str, what: str) -> str | None:
        ref = self.text(node, what)
        return None if ref is None else self.context.references.resolve(ref, chapter, self.at(node), what)

    def goto(self, node: Node, chapter: str) -> tuple[Branch, ...] | None:
        """A scene, or a list of branches; None when it cannot be read (each reason reported)."""
        if not isinstance(node, SequenceNode):
            ref = self.text(node, "goto")
            if ref is None:
                return None
            where = self.at(node)
            return (Branch(self.context.references.resolve(ref, chapter, where, "goto"), None, where),)
        self.context.uses_format_2(_BRANCHES, self.at(node))
        items = self.sequence(node, "goto")
        if not items:
            self.error(Code.INVALID_VALUE, _("goto is an empty list; give it branches with to (and if)"), node)
            return None
        branches = []
        complete = True
        for number, item in enumerate(items, start=1):
            branch = self._branch(item, chapter, number, last=number == len(items))
            complete = complete and branch is not None
            if branch is not None:
                branches.append(branch)
        return tuple(branches) if complete else None

    def _branch(self, node: Node, chapter: str, number: int, *, last: bool) -> Branch | None:
        what = lazy("branch {number} of goto", number=number)
        if isinstance(node, ScalarNode):
            self.file.visit(node)
            said = (
                _("{what} should be a mapping with to (and if), not {found}; write '- to: {scene}'")
                if last
                else _("{what} should be a mapping with to (and if), not {found}; write '- to: {scene}' with an 'if:'")
            )
            self.error(Code.WRONG_TYPE, said.format(what=what, found=describe(node), scene=node.value), node)
            return None
        entries = self.mapping(node, what)
        if entries is None or not self.check_keys(entries, fmt.BRANCH, what, node):
            return None
        target = self.optional(entries, "to", lambda n: self.scene_ref(n, chapter, "to"))
        condition = self.optional(entries, "if", lambda n: self.expression(n, chapter, "if"))
        if target is None or ("if" in entries and condition is None):
            return None
        return Branch(target, condition, self.at(node))

    def sets(self, node: Node, chapter: str) -> Sets:
        entries = self.mapping(node, "set")
        if entries is None:
            return ()
        if isinstance(node, MappingNode) and node.flow_style and any(_unbalanced(v) for _key, v in entries.values()):
            entries = self._rejoined(entries)
        diagnostics = self.context.diagnostics
        variables = self.context.variable_types
        sets = []
        for name, (key_node, value_node) in entries.items():
            kind = variables.get(name)
            if kind is None:
                if name not in self.context.broken_variables:
                    self.error(Code.UNKNOWN_VARIABLE, unknown_variable_message(name, variables), key_node)
                continue
            before = len(diagnostics)
            expression = self.expression(value_node, chapter, lazy("the value for '{name}'", name=name))
            if expression is None:
                if (
                    kind is ValueType.TEXT
                    and isinstance(value_node, ScalarNode)
                    and len(diagnostics) > before
                    and diagnostics[-1].code in (Code.EXPRESSION_SYNTAX, Code.UNKNOWN_VARIABLE)
                    and not any(q in value_node.value for q in "\"'")
                ):
                    # the author meant words, not an expression: say how to write words
                    last = diagnostics.pop()
                    self.report(
                        Diagnostic(
                            last.code,
                            # Translators: {problem} is what is wrong with the expression, as the checker said it.
                            _(
                                "{problem}; the value of set is an expression, so to set the text itself, put "
                                "quotes inside the quotes: {name}: '\"{value}\"'"
                            ).format(problem=last.message.split(";")[0], name=name, value=value_node.value),
                            last.location,
                        )
                    )
                continue
            if expression.type is not kind:
                self.error(
                    Code.TYPE_MISMATCH,
                    # Translators: {kind} and {found} are "a number", "text" or "true/false".
                    _("'{name}' holds {kind}, but this value is {found}").format(
                        name=name, kind=kind.said, found=expression.type.said
                    ),
                    value_node,
                )
                continue
            sets.append((name, expression))
        return tuple(sets)

    def _rejoined(self, entries: Entries) -> Entries:
        """`set: {roll: random(1, 6)}`: in braces, YAML ends a value at its comma, so the rest of
        the expression became a key ('6)'). Say so once, at the value, and drop the pieces."""
        kept: Entries = {}
        pieces = list(entries.items())
        index = 0
        while index < len(pieces):
            name, (key_node, value_node) = pieces[index]
            index += 1
            if not _unbalanced(value_node):
                kept[name] = (key_node, value_node)
                continue
            value = value_node.value
            written = [value]
            while index < len(pieces) and "".join(written).count("(") > "".join(written).count(")"):
                rest, (_key, rest_value) = pieces[index]
                written.append(
                    rest + (f": {rest_value.value}" if isinstance(rest_value, ScalarNode) and rest_value.value else "")
                )
                index += 1
            whole = ", ".join(written)
            self.error(
                Code.EXPRESSION_SYNTAX,
                _(
                    "the comma in '{whole}' ended the value, because this set is written in braces on one line; "
                    "put the value in quotes: {name}: '{whole}'"
                ).format(whole=whole, name=name),
                value_node,
            )
        return kept

    def tags(self, node: Node) -> tuple[str, ...]:
        items = self.sequence(node, "tags")
        tags = []
        for item in items or ():
            tag = self.text(item, _A_TAG)
            if tag is None:
                continue
            if not _TAG.match(tag):
                said = _("'{tag}' cannot be a tag: use letters, digits, - and _").format(tag=tag)
                self.error(Code.INVALID_NAME, said, item)
                continue
            tags.append(tag)
        return tuple(tags)

    def ways_on(
        self, entries: Entries, keys: tuple[str, ...], what: Words, node: Node, missing: Words, *, scene: bool = False
    ) -> list[str]:
        """The ways on that `entries` gives, of `keys`; reports none (with `missing`: a dead end, for
        a scene) or several."""
        found = [
            k
            for k in keys
            if k in entries
            and not (k in ("end", "return") and is_false(entries[k][1]))
            and not (k == "choices" and isinstance(entries[k][1], SequenceNode) and not entries[k][1].value)
        ]
        if not found and not self.meant.get(id(entries), set()) & set(keys):  # else E101 said it
            self.error(Code.DEAD_END if scene else Code.MISSING_KEY, str(missing), node)
        elif len(found) > 1:
            self.error(
                Code.CONFLICTING_KEYS,
                _("{what} takes only one of {keys}, not {found}").format(
                    what=what, keys=either(keys), found=both(found)
                ),
                entries[found[1]][0],
            )
        return found

    def partners(self, entries: Entries, kind: str) -> None:
        """E102 for a key that means something only beside another (format.NEEDS)."""
        for key, partner, why in fmt.NEEDS[kind]:
            if key in entries and partner not in entries:
                self.error(Code.MISSING_KEY, str(why), entries[key][0])
