"""The facilitator's timer, as a value that can be written down and read back by anyone.

A timer is kept as what was set, when it last started (wall-clock seconds, or None while paused)
and how long it had run before that. That is all that needs to be stored for the time left to be
the same in every process that reads it, and after a restart of any of them: nothing ticks, the
time left is worked out from the clock whenever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..i18n import _, ngettext

EXTEND_BY = 5 * 60.0


@dataclass(frozen=True, slots=True)
class Timer:
    seconds: float = 0.0  # the time set, extensions included
    started: float | None = None  # wall-clock time of the last start; None while paused
    elapsed: float = 0.0  # time run before the last start

    @property
    def running(self) -> bool:
        return self.started is not None

    def run_for(self, now: float) -> float:
        """How long the timer has run in all, up to `now`."""
        return self.elapsed + (max(0.0, now - self.started) if self.started is not None else 0.0)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the time set has passed (the room is running over)."""
        return self.seconds - self.run_for(now)

    def start(self, now: float) -> Timer:
        return self if self.running else replace(self, started=now)

    def pause(self, now: float) -> Timer:
        return replace(self, started=None, elapsed=self.run_for(now)) if self.running else self

    def toggle(self, now: float) -> Timer:
        return self.pause(now) if self.running else self.start(now)

    def extend(self, by: float = EXTEND_BY) -> Timer:
        return replace(self, seconds=self.seconds + by)

    @classmethod
    def set_to(cls, seconds: float, *, start_at: float | None = None) -> Timer:
        """A fresh timer for `seconds`, started at `start_at` if given."""
        return cls(seconds=max(0.0, seconds), started=start_at, elapsed=0.0)


def clock(seconds: float) -> str:
    """Time left as a clock face: 25:00, 4:05, 1:02:03; zero once the time has passed."""
    whole = max(0, int(seconds + 0.999))  # 0.2 s left still reads 0:01, so 0:00 means "now"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def overrun(seconds: float) -> str | None:
    """Past the time set, in a few plain words ("Time is up", "Time is up · 2 min over"), or None
    while there is time left."""
    if seconds > 0:
        return None
    minutes = int(-seconds // 60)
    if minutes < 1:
        return _("Time is up")
    # Translators: beside the facilitator's timer, once the time set has passed; "min" is minutes.
    return ngettext("Time is up · {minutes} min over", "Time is up · {minutes} min over", minutes).format(
        minutes=minutes
    )
