"""A breath to follow: a line that fills as you breathe in and empties as you breathe out.

Four seconds in, six out (the rhythm and the words are in `care.grounding`). The pacer is driven
by a timer against the clock, so a slow terminal never stretches a breath, and it is drawn again
only when what it shows has changed (two cells more or less, or the words): a handful of times a
second, which keeps an idle pause cheap, not least for a room of them served to browsers. When
motion is off (TEXTUAL_ANIMATIONS=none, or the reader's "reduced motion" setting) it is still: the
count is written out, to follow at the reader's own pace. It listens for the app's `motion_changed_signal`
so that the setting takes effect at once, even while the pause is open.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from ...care.grounding import STILL_BREATH, breath_at
from ..contract import Player

FRAMES_PER_SECOND = 12
WIDEST = 40  # cells: a breath, not a progress bar
FILLED, TRACK = "━", "─"


class Breath(Widget):
    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._clock = clock
        self._started = clock()
        self._timer: Timer | None = None
        self._shown: tuple[str, int, int] | None = None  # the shape last drawn

    @property
    def still(self) -> bool:
        """Motion is off: the count is written out instead."""
        return self.app.animation_level == "none"

    @property
    def moving(self) -> bool:
        """The pacer is being drawn afresh, frame by frame."""
        return self._timer is not None

    def on_mount(self) -> None:
        app = self.app
        if isinstance(app, Player):  # the player's apps say when reduced motion is turned on or off
            app.motion_changed_signal.subscribe(self, lambda _: self._follow_motion())
        self._follow_motion()

    def _follow_motion(self) -> None:
        self.set_class(self.still, "-still")
        if self.still and self._timer is not None:
            self._timer.stop()
            self._timer = None
        elif not self.still and not self.moving:
            self._started = self._clock()
            self._timer = self.set_interval(1 / FRAMES_PER_SECOND, self._tick)
        self.refresh(layout=True)

    def _tick(self) -> None:
        shown = shape(self._clock() - self._started, self.size.width)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def render(self) -> Content:
        if self.still:
            return Content("\n\n").join(Content(str(line)) for line in STILL_BREATH)
        return frame(self._clock() - self._started, self.size.width)


def shape(seconds: float, width: int) -> tuple[str, int, int]:
    """The pacer at `seconds` into the exercise, `width` cells wide: its words, how many cells
    are filled, and how many cells long the line is."""
    words, fullness = breath_at(seconds)
    span = max(min(width, WIDEST) // 2 * 2, 2)
    filled = 2 + round(fullness * (span - 2) / 2) * 2  # grows from the middle, two cells at a time
    return words, filled, span


def frame(seconds: float, width: int) -> Content:
    """The pacer at `seconds` into the exercise, `width` cells wide: the words over the line."""
    words, filled, span = shape(seconds, width)
    side = (span - filled) // 2
    line = Content.assemble(
        (TRACK * side, "$text-muted 40%"), (FILLED * filled, "bold $secondary"), (TRACK * side, "$text-muted 40%")
    )
    return Content("\n").join([_centred(Content.styled(words, "bold $secondary"), width), _centred(line, width)])


def _centred(content: Content, width: int) -> Content:
    """`content` moved to the middle of `width` cells. (Not `Content.center`, which in Textual
    8.2 pads the right with too many cells and makes the line wider than the window.)"""
    return Content(" " * max((width - content.cell_length) // 2, 0)) + content
