"""Scene text for a plain terminal: Markdown read as a person would say it, and nothing else.

Emphasis markers are dropped (*quiet* becomes quiet), links keep their words, list items keep a
dash or their number, quotes are indented. What the reader typed, escaped for Markdown by the
engine, comes back exactly as typed. (What would act on the terminal is shown as a placeholder
by the terminal itself, terminal.py, for everything it writes.)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

RULE = "* * *"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # a dependency of Rich, imported only when a scene is shown

    return MarkdownIt("commonmark", {"html": False})


def paragraphs(markdown: str) -> list[str]:
    """The Markdown as plain paragraphs, each one string (lines inside it joined by spaces)."""
    out: list[str] = []
    prefixes: list[str] = []  # what goes before a paragraph inside quotes and list items
    numbers: list[int | None] = []
    for token in _parser().parse(markdown):
        kind = token.type
        if kind == "inline":
            lead = "".join(prefixes)
            out.append(lead + _inline(token.children or ()).replace("\n", "\n" + " " * len(lead)))
            prefixes = [" " * len(p) for p in prefixes]  # a list item's later paragraphs hang under its text
        elif kind == "blockquote_open":
            prefixes.append("  ")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            numbers.append(int(token.attrs.get("start", 1)) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open":
            number = numbers[-1] if numbers else None
            prefixes.append("- " if number is None else f"{number}. ")
            if number is not None:
                numbers[-1] = number + 1
        elif kind in ("blockquote_close", "list_item_close"):
            prefixes.pop()
        elif kind in ("code_block", "fence"):
            out.append(token.content.rstrip("\n"))
        elif kind == "hr":
            out.append(RULE)
    return out


def _inline(children: Iterable[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
