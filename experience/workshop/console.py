"""The facilitator's console: the run-sheet, the gates, the timer and anonymous counts.

Everything the console shows is read from rooms.db once a second, and everything it does is
written there at once. So it holds no state of its own: a second console, a projector window
(`experience facilitate --projector`) and the participants' sessions all see the same room, and
closing the console and starting it again finds the room exactly as it was, timer included.

This is only the app: it reads the room on a timer and shows the first screen. What the room is
and what each key does to it are in facilitation.py; the screens are in screens/.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from ..i18n import N_
from ..tui.theme import DEFAULT_THEME, THEMES
from .facilitation import Facilitation
from .screens.console import ConsoleScreen
from .screens.projector import ProjectorScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..story.model import Story
    from .plan import Plan
    from .room import Rooms

WORKSHOP_CSS = Path(__file__).with_name("workshop.tcss")
POLL_SECONDS = 1.0


class FacilitatorApp(App[None]):
    CSS_PATH = WORKSHOP_CSS
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), tooltip=N_("The room stays as it is; start again to come back to it."))
    ]

    def __init__(
        self,
        story: Story,
        rooms: Rooms,
        room: str,
        *,
        projector: bool = False,
        poll: float = POLL_SECONDS,
        clock: Callable[[], float] = time.time,
        plan: Plan | None = None,
    ) -> None:
        super().__init__()
        self.facilitation = Facilitation(story, rooms, room, clock=clock)
        if plan is not None:  # raises RoomError if the room cannot be written: the command says so
            self.facilitation.follow_plan(plan)
        self.projector_only = projector
        self._poll = poll
        self.title = f"{room} · {story.title}"
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        if self.projector_only:
            return ProjectorScreen(self.facilitation, standalone=True)
        return ConsoleScreen(self.facilitation)

    def on_mount(self) -> None:
        self.set_interval(self._poll, self.facilitation.refresh)
