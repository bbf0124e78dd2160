"""Scene text, from Markdown to Textual `Content` laid out at a given width.

Why not Textual's `Markdown` widget: it parses in a worker thread and mounts a widget for every
paragraph, which makes each step of the story wait on a round of mounting. A scene is a few
paragraphs of prose, so here it becomes one `Content` per paragraph, drawn by one widget, and
nothing in it is ever read as Rich or Textual markup: a reader's own words, escaped for Markdown
by the engine, come out exactly as they were typed. What would act on the terminal (an escape
sequence in an answer kept in a variable) is shown as a placeholder (`terminal_safe`).

Supported: paragraphs, *emphasis*, **strong**, `code`, links (shown, not followed), headings,
block quotes, bullet and numbered lists (with hanging indents), rules and code blocks. Anything
else, raw HTML included, is shown as its literal text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from textual.content import Content

from ..story.safe_text import terminal_safe

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

STRONG, EMPHASIS, CODE, LINK = "bold", "italic", "$text-accent", "underline"
HEADING = "bold $text-primary"
QUOTE_BAR = Content.styled("▍ ", "$primary 60%")
QUOTE = "italic"
MARKER = "$text-primary"
RULE = "·   ·   ·"
MIN_WIDTH = 12


@dataclass(frozen=True, slots=True)
class StyledBlock:
    """One paragraph-like piece of text, with what goes before its first and later lines."""

    content: Content
    first: Content = Content("")
    rest: Content = Content("")
    gap: bool = True  # a blank line before it (not between items of a tight list)
    rule: bool = False


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on first use: it is a noticeable part of start-up

    return MarkdownIt("commonmark", {"html": False})


@lru_cache(maxsize=64)
def parse(markdown: str) -> tuple[StyledBlock, ...]:
    """Markdown as blocks of styled text, ready to be laid out at any width.

    Cached: going back, and coming back to a scene, draws the same text again.
    """
    return tuple(_Builder().build(_parser().parse(terminal_safe(markdown))))


def layout(blocks: Sequence[StyledBlock], width: int) -> list[Content]:
    """The lines of `blocks` wrapped to `width` cells, with prefixes and blank lines between."""
    lines: list[Content] = []
    for block in blocks:
        if lines and block.gap:
            lines.append(Content(""))
        if block.rule:
            indent = max((width - len(RULE)) // 2, 0)  # not Content.center: in Textual 8.2 it overpads
            lines.append(Content(" " * indent) + Content.styled(RULE, "$text-muted"))
            continue
        room = max(width - max(block.first.cell_length, block.rest.cell_length), MIN_WIDTH)
        for index, line in enumerate(block.content.wrap(room)):
            lines.append((block.first if index == 0 else block.rest) + line.rstrip())
    return lines


class _Builder:
    """Walks markdown-it's flat token stream, keeping track of quotes and list items around."""

    def __init__(self) -> None:
        self.blocks: list[StyledBlock] = []
        self.frames: list[list] = []  # [first prefix, later prefix, first line used?]
        self.lists: list[int | None] = []  # next number of each open list (None: bullets)
        self.heading = False
        self.tight = False
        self.item_start = False
        self.fresh_list = False  # the next item is its list's first
        self.nested_list = False

    def build(self, tokens: Sequence[Token]) -> list[StyledBlock]:
        for token in tokens:
            kind = token.type
            if kind == "inline":
                style = HEADING if self.heading else ""
                self._emit(_inline(token.children or (), style))
            elif kind == "heading_open":
                self.heading = True
            elif kind == "heading_close":
                self.heading = False
            elif kind == "paragraph_open":
                self.tight = token.hidden
            elif kind == "blockquote_open":
                self.frames.append([QUOTE_BAR, QUOTE_BAR, False])
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrs.get("start", 1) if kind == "ordered_list_open" else None
                self.nested_list, self.fresh_list = bool(self.lists), True
                self.lists.append(int(start) if start is not None else None)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                number = self.lists[-1] if self.lists else None
                marker = "• " if number is None else f"{number}. "
                if number is not None:
                    self.lists[-1] = number + 1
                self.frames.append([Content.styled(marker, MARKER), Content(" " * len(marker)), False])
                self.item_start = True
            elif kind in ("blockquote_close", "list_item_close"):
                self.frames.pop()
            elif kind in ("code_block", "fence", "html_block"):
                self._emit(Content.styled(token.content.rstrip("\n"), CODE if kind != "html_block" else ""))
            elif kind == "hr":
                self.blocks.append(StyledBlock(Content(""), rule=True))
        return self.blocks

    def _emit(self, content: Content) -> None:
        first = Content("").join(f[1] if f[2] else f[0] for f in self.frames)
        rest = Content("").join(f[1] for f in self.frames)
        for frame in self.frames:
            frame[2] = True
        if any(f[0] is QUOTE_BAR for f in self.frames):
            content = content.stylize_before(QUOTE)
        gap = True
        if self.item_start:  # items of a tight list sit on consecutive lines, nested ones too
            gap = not (self.tight and (self.nested_list or not self.fresh_list))
            self.item_start = self.fresh_list = False
        self.blocks.append(StyledBlock(content, first, rest, gap=gap))


def _inline(children: Sequence[Token], base: str) -> Content:
    """One paragraph's inline tokens as styled text. Soft line breaks reflow, as in Markdown."""
    parts: list[tuple[str, str] | str] = []
    styles: list[str] = [base] if base else []
    for child in children:
        kind = child.type
        if kind in ("text", "html_inline"):
            parts.append((child.content, " ".join(styles)))
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "code_inline":
            parts.append((child.content, " ".join([*styles, CODE])))
        elif kind == "image":
            parts.append((child.content, " ".join([*styles, EMPHASIS])))
        elif kind.endswith("_open"):
            styles.append({"em_open": EMPHASIS, "strong_open": STRONG, "link_open": LINK}.get(kind, ""))
        elif kind.endswith("_close") and len(styles) > (1 if base else 0):
            styles.pop()
    return Content.assemble(*((text, style) if style else text for text, style in _merge(parts)))


def _merge(parts: list[tuple[str, str] | str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for part in parts:
        text, style = (part, "") if isinstance(part, str) else part
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        elif text:
            out.append((text, style))
    return out
