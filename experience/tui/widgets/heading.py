"""Where the reader is: the chapter, quietly, and the scene's own title."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..content import as_content


class SceneHeading(Widget):
    chapter: reactive[str] = reactive("")
    title: reactive[str] = reactive("", layout=True)

    def render(self) -> Content:
        # Titles come from story files: shown as written, never as markup (see tui/content.py).
        parts: list[str | Content] = [as_content(self.chapter, "$text-muted")]
        if self.title:
            parts += ["\n", as_content(self.title, "bold $text-primary")]
        return Content.assemble(*parts)

    def rows(self, width: int) -> int:
        """How many lines the heading takes at `width`, as it is now (before any layout)."""
        return len(self.render().wrap(max(width, 1)))
