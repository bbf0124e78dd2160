"""How much of the window a scene's text may take: the room the question or the choices leave it.

The choices then sit right under a short text, and a long text scrolls above them. (CSS cannot
say "as tall as the content, but no taller than what is left".) The room is worked out before
the next refresh, from the choices' own measure, so that a step is drawn once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from ...care.words import KEPT_KEYS
from ..widgets.choices import ChoiceList
from ..widgets.heading import SceneHeading
from ..widgets.reflect import ReflectBox

if TYPE_CHECKING:
    from .scene import SceneScreen

MIN_READING = 3  # lines of text always visible, however small the window
READING_SHARE_WHILE_REFLECTING = 45  # percent of the height


def reading_room(screen: SceneScreen) -> int | None:
    """The rows the text may take on `screen` now, or None before its first layout."""
    page = screen.query_one("#page")
    if not page.content_size.height:
        return None
    # Worked out from the page, less the new scene's heading (which may have gained or lost a
    # title line since the last layout), not from the body's old size.
    heading = screen.query_one(SceneHeading)
    width = page.content_size.width
    size = Size(width, page.content_size.height - heading.rows(width) - heading.styles.margin.height)
    if screen.reflecting:  # the answer box stretches to fill whatever the text leaves
        least = screen.query_one(ReflectBox).least_height(size.width)
        room = min(size.height * READING_SHARE_WHILE_REFLECTING // 100, size.height - least)
    else:
        below = 0
        choices, kept = screen.query_one(ChoiceList), screen.query_one("#kept", Static)
        if choices.display:
            wanted = choices.get_content_height(size, size, size.width)
            below += min(wanted, size.height // 2) + choices.styles.margin.height  # max-height: 50%
        if kept.display:
            below += len(Content(KEPT_KEYS).wrap(size.width)) + kept.styles.margin.height
        room = size.height - below
    return max(room, MIN_READING)
