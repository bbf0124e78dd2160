"""The floor for a step: a minimal Textual app replacing a Static's text.

argv: STEPS. Reports the time each update started; the harness sees when it reached the screen.
"""

import sys
import time

from mark import mark
from textual.app import App
from textual.widgets import Static

TEXTS = (
    "Picture an ordinary evening. The two of you are in the same room. " * 6,
    "Morning comes the way it always does, a little grey and then a little brighter. " * 6,
)
PACE = 0.08  # seconds between steps, time enough for each to reach the screen


class Minimal(App[None]):
    def __init__(self, steps: int) -> None:
        super().__init__()
        self.steps, self.starts = steps, []

    def compose(self):
        yield Static(TEXTS[0], id="text")

    def on_mount(self) -> None:
        self.set_timer(0.3, self.step)

    def step(self) -> None:
        self.starts.append(time.monotonic())
        self.query_one("#text", Static).update(TEXTS[len(self.starts) % 2])
        if len(self.starts) < self.steps:
            self.set_timer(PACE, self.step)
        else:
            self.set_timer(PACE, self.done)

    def done(self) -> None:
        mark(*self.starts)
        self.exit()


Minimal(int(sys.argv[1])).run()
