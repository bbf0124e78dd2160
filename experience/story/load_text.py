"""Reading what scenes say and compute: expressions, text with `{…}`, and paragraphs.

An expression is compiled once for each text and chapter it is written in (a story repeats the
same conditions often) and reused at every place it appears; one that rolls `random()` is
compiled for its own place, so that no two places share a roll. Text is split into a Template as
it is read, its `{…}` compiled the same way. An expression that names scenes in `seen()` or
`visits()` is handed to the references, to be checked once every chapter is in.
"""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from ..i18n import Words, _, lazy
from . import format as fmt
from .codes import Code
from .conditions import Expression, compile_expression, literal
from .diagnostics import Location
from .inline import Locate, parse_template
from .load_nodes import NodeReader, both, either
from .source import describe, scalar_value
from .text import PLAIN, Paragraph, Template

_A_PARAGRAPH = lazy("a paragraph")
_INLINE = lazy("an inline variation or an expression in {…}")  # no values: shown as it is, braces and all
_PARAGRAPH_SHAPE = lazy("a paragraph (text, or a mapping with text, sequence, cycle or shuffle)")


def _english(what: Words) -> str:
    """`what` in English, whatever the language in use: it names where a `random()` is written,
    which fixes its roll, so a reader's rolls must not change with their language."""
    if isinstance(what, str):
        return what
    return what.message.format(**what.values) if what.values else what.message


class TextReader(NodeReader):
    chapter_id = ""  # the chapter being read: relative scene names in seen() belong to it
    site = ""  # the scene or choice being read: where a random() is written

    def expression(self, node: Node, chapter: str, what: Words) -> Expression | None:
        self.file.visit(node)
        if not isinstance(node, ScalarNode):
            said = _("{what} should be an expression, not {found}").format(what=what, found=describe(node))
            self.error(Code.WRONG_TYPE, said, node)
            return None
        value = scalar_value(node)
        location = self.at(node)
        if isinstance(value, (bool, int, float)):
            if not isinstance(value, bool) and not self.in_range(value, what, node):
                return None
            return literal(value, location)
        if value is None:
            self.error(Code.INVALID_VALUE, _("{what} is empty").format(what=what), node)
            return None
        return self.compile(node.value, chapter, location, 1 if node.style in ('"', "'") else 0, what)

    def compile(
        self, source: str, chapter: str, location: Location, column_offset: int = 0, what: Words = ""
    ) -> Expression | None:
        """Compile `source` written at `location`, once per chapter; report what is wrong."""
        context = self.context
        cached = context.expressions.get((source, chapter))
        if cached is not None:
            expression = cached.at(location)
        else:
            compiled, problem = compile_expression(
                source,
                variables=context.variable_types,
                resolve_scene=lambda r: context.references.full_id(r, chapter),
                location=location,
                column_offset=column_offset,
                site=f"{self.site}/{_english(what)}",
                broken=frozenset(context.broken_variables),
            )
            if compiled is None:
                if problem is not None:
                    self.report(problem)
                return None
            expression = compiled
            if not compiled.rolls:
                context.expressions[(source, chapter)] = compiled
        if expression.scenes:
            context.references.expression_names_scenes(expression)
        if expression.version > 1:
            context.uses_format_2(lazy("the function in '{source}'", source=expression.source), location)
        return expression

    def template(self, node: ScalarNode, text: str) -> Template:
        translation = self.context.translation
        if translation is None:
            return self._parse(node, text, self.file.locator(node))
        applied = translation.applied(node)
        if applied is None:
            return translation.show_values(self._parse(node, text, self.file.locator(node)))
        # Read in another language: the author's words are checked as ever, and the translation
        # with them, its problems said at its PO entry (translation.py chooses which to keep).
        source = self._parse(applied.node, applied.node.value, self.file.locator(applied.node))
        context = self.context
        diagnostics, first_format_2_use = context.diagnostics, context.format_2_use
        before = len(diagnostics)
        at_entry = applied.entry.text_location
        translated = self._parse(node, text, lambda _: at_entry)
        problems = diagnostics[before:]
        del diagnostics[before:]
        context.format_2_use = first_format_2_use  # a translation is never the story's own use of format 2
        return translation.show_values(translation.choose(applied, source, translated, problems))

    def _parse(self, node: ScalarNode, text: str, where: Locate) -> Template:
        """`text` read into a Template, `where(i)` locating its character i."""
        if "{" not in text and "}" not in text:  # most text: nothing to read in it
            return Template((text,), text)
        chapter = self.chapter_id
        template, problems = parse_template(
            text,
            where,
            lambda expression, index: self.compile(expression, chapter, where(index), what=f"{{{index}}}"),
            self.context.inline.setdefault(chapter, {}),
        )
        self.context.diagnostics.extend(problems)
        if template.version > 1:
            self.context.uses_format_2(_INLINE, self.at(node))
        return template

    def text_template(self, node: Node, what: Words) -> Template | None:
        text = self.text(node, what)
        if text is None or not isinstance(node, ScalarNode):  # text is only ever read from a scalar
            return None
        return self.template(node, text)

    def rich_text(self, node: Node, chapter: str, what: Words) -> tuple[Paragraph, ...] | None:
        """Scene text: plain text, or a list of paragraphs with conditions and variations."""
        if isinstance(node, ScalarNode):
            template = self.text_template(node, what)
            return None if template is None else (Paragraph((template,), PLAIN, None, self.at(node)),)
        items = self.sequence(node, lazy("{what} (text, or a list of paragraphs)", what=what))
        if items is None:
            return None
        if not items:
            self.error(Code.INVALID_VALUE, _("{what} is an empty list").format(what=what), node)
            return None
        paragraphs = []
        for item in items:
            if isinstance(item, ScalarNode):
                template = self.text_template(item, _A_PARAGRAPH)
                if template is not None:
                    paragraphs.append(Paragraph((template,), PLAIN, None, self.at(item)))
                continue
            paragraph = self._paragraph(item, chapter)
            if paragraph is not None:
                paragraphs.append(paragraph)
        return tuple(paragraphs)

    def _paragraph(self, node: Node, chapter: str) -> Paragraph | None:
        what = _A_PARAGRAPH
        entries = self.mapping(node, _PARAGRAPH_SHAPE)
        if entries is None or not self.check_keys(entries, fmt.PARAGRAPH, what, node):
            return None
        bodies = [k for k in fmt.PARAGRAPH_BODIES if k in entries]
        if not bodies:
            said = _("{what} needs one of {keys}").format(what=what, keys=either(fmt.PARAGRAPH_BODIES))
            self.error(Code.MISSING_KEY, said, node)
            return None
        if len(bodies) > 1:
            self.error(
                Code.CONFLICTING_KEYS,
                _("{what} takes only one of {keys}, not {found}").format(
                    what=what, keys=either(fmt.PARAGRAPH_BODIES), found=both(bodies)
                ),
                entries[bodies[1]][0],
            )
            return None
        condition = self.expression(entries["if"][1], chapter, "if") if "if" in entries else None
        if "if" in entries and condition is None:
            return None
        mode = bodies[0]
        body = entries[mode][1]
        if mode == PLAIN:
            template = self.text_template(body, what)
            return None if template is None else Paragraph((template,), PLAIN, condition, self.at(node))
        variants = self.sequence(body, mode)
        if variants is None:
            return None
        if not variants:
            self.error(Code.INVALID_VALUE, _("{what} needs at least one paragraph").format(what=what), body)
            return None
        each = lazy("each paragraph of {mode}", mode=mode)
        read = [self.text_template(v, each) for v in variants]
        templates = tuple(t for t in read if t is not None)
        if len(templates) < len(read):
            return None
        return Paragraph(templates, mode, condition, self.at(node))
