"""Where the reader is: the chapter, quietly, and the scene's own title."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class SceneHeading(Widget):
    chapter: reactive[str] = reactive("")
    title: reactive[str] = reactive("", layout=True)

    def render(self) -> Content:
        # Plain Content, never markup: titles come from story files.
        parts: list[str | tuple[str, str]] = [(self.chapter, "$text-muted")]
        if self.title:
            parts += ["\n", (self.title, "bold $text-primary")]
        return Content.assemble(*parts)

    def rows(self, width: int) -> int:
        """How many lines the heading takes at `width`, as it is now (before any layout)."""
        return len(self.render().wrap(max(width, 1)))
