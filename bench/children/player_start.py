"""The player from process start, through `experience play` exactly, until a scene is on screen.

argv: STORY_DIR DATA_DIR. With a fresh DATA_DIR the first screen is the welcome (reported when
drawn); with a saved journey it is "welcome back", which is answered "continue" as soon as it
is drawn, and the mark comes when the scene has been drawn after it.
"""

import sys

from mark import mark

from experience.tui import app as player
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.welcome import WelcomeScreen
from experience.tui.screens.welcome_back import WelcomeBackScreen


class Timed(player.ExperienceApp):
    def on_mount(self) -> None:  # Textual calls the player's own on_mount too (it walks the classes)
        self.call_after_refresh(self._first_screen)

    def _first_screen(self) -> None:
        if isinstance(self.screen, WelcomeBackScreen):
            mark()
            self.answered = True
            self.screen.dismiss("continue")
        elif isinstance(self.screen, WelcomeScreen):
            mark()
            self.exit()
        else:  # the welcome is pushed over the scene at mount; wait until it has been drawn
            self.call_after_refresh(self._first_screen)

    def on_scene_screen_shown(self, message: SceneScreen.Shown) -> None:
        if getattr(self, "answered", False) and isinstance(self.screen, SceneScreen):  # uncovered
            mark()
            self.exit()


player.ExperienceApp = Timed  # `experience play` imports the app class when it runs

from experience.cli import main  # noqa: E402

main(["play", sys.argv[1], "--data-dir", sys.argv[2]])
