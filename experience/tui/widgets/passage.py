"""A scene's text: Markdown drawn as one widget, rewrapped to whatever width it is given, in a
scroll that measures it at the width it is drawn at."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from ..markdown import StyledBlock, layout, parse


class Passage(Widget):
    """Prose from the story. Set `markdown`; the widget parses once and lays out per width."""

    markdown: reactive[str] = reactive("", layout=True)

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self._blocks: tuple[StyledBlock, ...] = ()
        self._lines: tuple[int, list[Content]] | None = None
        self.set_reactive(Passage.markdown, markdown)
        self._blocks = parse(markdown) if markdown else ()

    def watch_markdown(self, markdown: str) -> None:
        self._blocks = parse(markdown)
        self._lines = None

    def lines(self, width: int) -> list[Content]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, layout(self._blocks, max(width, 1)))
        return self._lines[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        # the width inside the padding: the same width Textual measured the height at
        return Content("\n").join(self.lines(self.content_size.width))


class Reading(VerticalScroll):
    """The scroll around a scene's text, as tall as the text (up to what the screen allows).

    Textual measures an auto-height scroll's children at its whole width, but lays them out
    beside its scrollbar gutter, one column narrower: in a narrow window that is lines enough
    for the last of them to be cut off, with the rows they would have taken left empty below.
    So the children are measured here at the width they are given.
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return super().get_content_height(container, viewport, max(width - self._gutter, 1))

    @property
    def _gutter(self) -> int:
        return self.styles.scrollbar_size_vertical if self.styles.scrollbar_gutter == "stable" else 0

    def rows(self, width: int) -> int:
        """The rows its text takes at this width, measured now: the layout's own measure of a
        text just set comes only after the next refresh."""
        passage = self.query_one(Passage)
        return len(passage.lines(max(width - self._gutter - passage.styles.gutter.width, 1)))
