"""A slow, wordless rhythm to breathe along with: in for four seconds, out for six.

It stays still when animations are switched off (TEXTUAL_ANIMATIONS=none), for people who find
movement unsettling and for tests that need the same picture every time.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

STILL = "Breathe in slowly…  and out, even more slowly."
PHASES = (("Breathe in…", 4.0), ("…and out, slowly.", 6.0))


class Breath(Static):
    phase: reactive[int] = reactive(0)

    def __init__(self) -> None:
        super().__init__(STILL, markup=False)
        self._timer: Timer | None = None

    def watch_phase(self, phase: int) -> None:
        if self.app.animation_level == "none":
            return
        text, seconds = PHASES[phase]
        self.update(text)
        self.set_class(phase == 0, "-in")
        self._timer = self.set_timer(seconds, self._next)

    def _next(self) -> None:
        self.phase = (self.phase + 1) % len(PHASES)
