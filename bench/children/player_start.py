"""The player from process start, through `experience play` exactly, until a scene is on screen.

argv: STORY_DIR DATA_DIR. With a fresh DATA_DIR the first screen is the welcome (reported when
drawn); with a saved journey it is "welcome back", which is answered "continue" as soon as it
is drawn, and the mark comes when the scene has been drawn after it.
"""

import sys

from mark import mark

from experience.tui import app as player
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.welcome_back import WelcomeBackScreen


class Timed(player.ExperienceApp):
    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._first_screen)

    def _first_screen(self) -> None:
        if isinstance(self.screen, WelcomeBackScreen):
            mark()
            self.screen.dismiss("continue")
        else:
            mark()
            self.exit()

    def on_scene_screen_shown(self, message: SceneScreen.Shown) -> None:
        if isinstance(self.screen, SceneScreen):  # not while it is still covered by a welcome
            mark()
            self.exit()


player.ExperienceApp = Timed  # `experience play` imports the app class when it runs

from experience.cli import main  # noqa: E402

main(["play", sys.argv[1], "--data-dir", sys.argv[2]])
