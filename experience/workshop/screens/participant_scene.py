"""The scene as a participant sees it: the player's own, with support one touch away.

In a browser on a phone the footer may be cut and there is no f1 to press, so a Support button
sits at the top of every scene, doing what f1 does."""

from __future__ import annotations

from textual.app import ComposeResult

from ...tui.screens.scene import SceneScreen
from ...tui.widgets.support import SupportButton


class ParticipantSceneScreen(SceneScreen):
    def compose(self) -> ComposeResult:
        yield SupportButton()
        yield from super().compose()
