"""How much of a scene's page its text may take: the room the question, the choices and the
"kept" note leave it.

The choices then sit right under a short text, and a long text scrolls above them. (CSS cannot
say "as tall as the content, but no taller than what is left".) The room is worked out before the
next refresh, from the parts' own measures, so a step is drawn once.

A text taller than its room gives one of its rows to a line beneath it (#more) that says there is
more and how to reach it: a muted scrollbar alone is easy to miss, and a text cut off between two
paragraphs looks finished.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from ...care.words import KEPT_KEYS
from ...i18n import lazy
from ..widgets.choices import ChoiceList
from ..widgets.heading import SceneHeading
from ..widgets.passage import Reading
from ..widgets.reflect import ReflectBox

MIN_READING = 3  # lines of text always visible, however small the window
READING_SHARE_WHILE_REFLECTING = 45  # percent of the height
PHONE_WIDTH = 60  # columns: a window narrower (a phone's browser) shows the choices beneath a question
MORE_BELOW = lazy("↓ There is more below: scroll, or PgDn.")
AT_THE_END = lazy("↑ That is the end of the text: PgUp goes back up.")


def fit_reading(screen: Screen, *, reflecting: bool) -> bool:
    """Set the room of the scene's text (#reading) on `screen`; False if its page is not laid
    out yet, to be tried again after the next refresh."""
    page = screen.query_one("#page")
    if not page.content_size.height:
        return False
    # The text's room is worked out from the page, less the new scene's heading (which may
    # have gained or lost a title line since the last layout), not from the body's old size.
    heading = screen.query_one(SceneHeading)
    width = page.content_size.width
    size = Size(width, page.content_size.height - heading.rows(width) - heading.styles.margin.height)
    choices = screen.query_one(ChoiceList)
    if reflecting:  # the answer box stretches to fill whatever the text leaves
        least = screen.query_one(ReflectBox).least_height(size.width)
        share = size.height * READING_SHARE_WHILE_REFLECTING // 100
        room = min(share, size.height - least)
        # On a phone, the choices to come are shown beneath, faded until the question is answered
        # or let pass, where that costs the text nothing: it is not always clear there that more
        # follows a question.
        ahead = choices_rows(choices, size) if choices.option_count else 0
        choices.display = bool(ahead) and size.width < PHONE_WIDTH and size.height - least - ahead >= share
    else:
        below = 0
        kept = screen.query_one("#kept", Static)
        if choices.display:
            below += choices_rows(choices, size)
        if kept.display:
            below += len(Content(str(KEPT_KEYS)).wrap(size.width)) + kept.styles.margin.height
        room = size.height - below
    reading = screen.query_one("#reading", Reading)
    more = screen.query_one("#more", Static)
    more.display = reading.rows(size.width) > max(room, MIN_READING)
    if more.display:
        room -= 1
    room = max(room, MIN_READING)
    if reading.styles.max_height is None or reading.styles.max_height.value != room:
        reading.styles.max_height = room
    say_where(screen)
    return True


def say_where(screen: Screen) -> None:
    """Word the line beneath a text taller than its room for where the reader is in it."""
    more = screen.query_one("#more", Static)
    if more.display:
        reading = screen.query_one("#reading", Reading)
        at_end = reading.max_scroll_y > 0 and reading.scroll_y >= reading.max_scroll_y
        more.update(str(AT_THE_END if at_end else MORE_BELOW))


def choices_rows(choices: ChoiceList, size: Size) -> int:
    """The rows the choices take in `size`, their margin included (at most half: max-height 50%)."""
    wanted = choices.get_content_height(size, size, size.width)
    return min(wanted, size.height // 2) + choices.styles.margin.height
