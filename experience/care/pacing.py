"""How long someone has been with the story in this sitting, and whether to suggest a break.

Only active time counts: time on the pause screen is rest. The suggestion is made at most once a
sitting, never blocks anything, and is not made at all if the reader has turned it off. A real
rest (a pause of a minute or more) is a break already, so the count starts again after one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

BREAK_AFTER = 20 * 60.0  # seconds of active time before a break is suggested
REST_THAT_COUNTS = 60.0  # a pause at least this long is a break in its own right


class Sitting:
    """One sitting's clock: `begin` when the story starts, `rest`/`resume` around pauses."""

    def __init__(
        self,
        break_after: float = BREAK_AFTER,
        *,
        clock: Callable[[], float] = time.monotonic,
        rest_that_counts: float = REST_THAT_COUNTS,
    ) -> None:
        self.break_after = break_after
        self.rest_that_counts = rest_that_counts
        self._clock = clock
        self._active = 0.0  # active seconds banked before the current stretch
        self._since: float | None = None  # when the current active stretch began
        self._resting_since: float | None = None
        self._begun = False
        self.suggested = False

    def begin(self) -> None:
        if not self._begun:
            self._begun = True
            self._since = self._clock()

    def rest(self) -> None:
        """A pause begins: the clock stops counting."""
        if self._since is not None:
            self._active += self._clock() - self._since
            self._since = None
            self._resting_since = self._clock()

    def resume(self) -> None:
        """The pause is over. A long enough one was a break: the count starts again."""
        if self._resting_since is None:
            return
        if self._clock() - self._resting_since >= self.rest_that_counts:
            self._active = 0.0
        self._resting_since = None
        self._since = self._clock()

    @property
    def resting(self) -> bool:
        return self._resting_since is not None

    @property
    def active(self) -> float:
        """Seconds of active time since the story started (or since the last real rest)."""
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._active + running

    def break_due(self) -> bool:
        """True once, the first time the active time passes `break_after`; then never again."""
        if self.suggested or not self._begun or self.active < self.break_after:
            return False
        self.suggested = True
        return True
