"""Reading a scene's choices: what each says, where it leads, when it is shown and selectable.

A choice has exactly one way on (goto, detour or return), may be hidden (`if`, `once`,
`fallback`) or shown but not selectable (`disabled_if`, with a `reason`), and may change
variables (`set`, computed from the state before the choice).
"""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from ..i18n import _, lazy
from . import format as fmt
from .codes import Code
from .load_flow import FlowReader
from .model import Choice
from .source import describe

_CHOICE_TEXT = lazy("the choice's text")
_REASON = lazy("the reason")


class ChoiceReader(FlowReader):
    def choices(self, node: Node, scene_id: str, chapter: str) -> tuple[Choice, ...]:
        items = self.sequence(node, "choices")
        if items is None:
            return ()
        choices = []
        for index, item in enumerate(items, start=1):
            choice = self._choice(item, scene_id, chapter, index)
            if choice is not None:
                choices.append(choice)
        return tuple(choices)

    def _choice(self, node: Node, scene_id: str, chapter: str, index: int) -> Choice | None:
        what = lazy("choice {number}", number=index)
        if isinstance(node, ScalarNode):
            self.file.visit(node)
            said = _("{what} should be a mapping with text and goto, not {found}").format(
                what=what, found=describe(node)
            )
            self.error(Code.WRONG_TYPE, said, node)
            return None
        entries = self.mapping(node, what)
        if entries is None or not self.check_keys(entries, fmt.CHOICE, what, node):
            return None
        self.site = f"{scene_id}#{index}"
        get = self.optional
        text = get(entries, "text", lambda n: self.text_template(n, _CHOICE_TEXT))
        goto = get(entries, "goto", lambda n: self.goto(n, chapter))
        detour = get(entries, "detour", lambda n: self.scene_ref(n, chapter, "detour"))
        then = get(entries, "then", lambda n: self.scene_ref(n, chapter, "then"))
        returns = get(entries, "return", lambda n: self.flag(n, "return"))
        condition = get(entries, "if", lambda n: self.expression(n, chapter, "if"))
        once = get(entries, "once", lambda n: self.flag(n, "once"))
        fallback = get(entries, "fallback", lambda n: self.flag(n, "fallback"))
        disabled = get(entries, "disabled_if", lambda n: self.expression(n, chapter, "disabled_if"))
        reason = get(entries, "reason", lambda n: self.text_template(n, _REASON))
        sets = self.sets(entries["set"][1], chapter) if "set" in entries else ()
        self.ways_on(
            entries,
            fmt.CHOICE_EXITS,
            what,
            node,
            lazy("{what} needs goto (or detour, or 'return: true') to say where it leads", what=what),
        )
        self.partners(entries, "choice")
        if text is None:
            return None
        return Choice(
            scene=scene_id,
            index=index,
            text=text,
            goto=goto or (),
            detour=detour,
            then=then,
            returns=bool(returns),
            condition=condition,
            sets=sets,
            once=bool(once),
            fallback=bool(fallback),
            disabled=disabled,
            reason=reason,
            location=self.at(node),
        )
