"""The breath is drawn again only when what it shows changes, so an idle pause costs little (a
room of them, served to browsers, costs a room's worth)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from experience.care.grounding import IN_SECONDS
from experience.tui.widgets.breath import Breath


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class OneBreath(App[None]):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.animation_level = "full"

    def compose(self) -> ComposeResult:
        yield Breath(clock=self.clock)


async def test_the_breath_is_drawn_again_only_when_what_it_shows_changes():
    clock = Clock()
    app = OneBreath(clock)
    async with app.run_test(size=(60, 6)) as pilot:
        breath = app.query_one(Breath)
        await pilot.pause()
        drawn = []
        breath.refresh = lambda *args, **kwargs: drawn.append(clock.now)  # type: ignore[method-assign]
        for _ in range(24):  # two seconds of ticks with the clock held still: nothing new to show
            breath._tick()
        assert len(drawn) <= 1
        drawn.clear()
        for _ in range(int(IN_SECONDS * 12)):  # a whole breath in, at the timer's twelve ticks a second
            clock.now += 1 / 12
            breath._tick()
        assert 5 <= len(drawn) < IN_SECONDS * 12  # the line grew, two cells at a time: no more often
