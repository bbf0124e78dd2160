"""The player taking steps, each as the "1" key does: the choice is taken, written to the database
in its own transaction, and the next scene is laid out and drawn.

argv: STORY_DIR DATA_DIR STEPS. Reports the time each step started; the harness sees when the
next scene reached the screen.
"""

import sys
import time
from pathlib import Path

from mark import mark

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.tui.app import ExperienceApp
from experience.tui.screens.scene import SceneScreen
from experience.tui.widgets.choices import ChoiceList

PACE = 0.08  # seconds between steps, time enough for each to reach the screen


class Timed(ExperienceApp):
    def __init__(self, session: Session, steps: int) -> None:
        super().__init__(session)
        self.steps, self.starts = steps, []
        self._begun = False

    def on_scene_screen_shown(self, message: SceneScreen.Shown) -> None:
        if not isinstance(self.screen, SceneScreen):
            self.screen.dismiss("begin")  # the welcome
        elif not self._begun:
            self._begun = True
            self.set_timer(0.3, self.step)

    def step(self) -> None:
        self.starts.append(time.monotonic())
        self.screen.query_one(ChoiceList).action_pick(1)
        self.set_timer(PACE, self.step if len(self.starts) < self.steps else self.done)

    def done(self) -> None:
        mark(*self.starts)
        self.exit()


store = Store.open(Path(sys.argv[2]))
session = Session.resume(load_story(sys.argv[1]), store, "default", seed=0)
Timed(session, int(sys.argv[3])).run()
store.close()
