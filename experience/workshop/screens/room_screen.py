"""What the facilitator's screens share: the room they show, drawn when they appear and again
each time it is read, and one way to change it that says plainly when the file refused."""

from __future__ import annotations

from collections.abc import Callable

from textual.css.query import NoMatches
from textual.screen import Screen

from ...story.safe_text import terminal_safe
from ..facilitation import Facilitation, Moment
from ..room import RoomError


class RoomScreen(Screen[None]):
    def __init__(self, facilitation: Facilitation) -> None:
        super().__init__()
        self.facilitation = facilitation
        self._unwatch: Callable[[], None] | None = None

    def on_mount(self) -> None:
        self.show_moment(self.facilitation.moment)
        self._unwatch = self.facilitation.watch(self._redraw)

    def on_unmount(self) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None

    def show_moment(self, moment: Moment) -> None:
        """Draw the room as it stands in `moment`."""
        raise NotImplementedError

    def _redraw(self, moment: Moment) -> None:
        try:
            self.show_moment(moment)
        except NoMatches:  # a screen being taken down as the app closes
            pass

    def change(self, write: Callable[[], object]) -> None:
        """Change the room, say so if it could not be written, and show it as it is now."""
        try:
            write()
        except RoomError as error:
            # never markup, never raw: the message may quote the room's name, as it was typed
            self.notify(terminal_safe(str(error)), severity="warning", timeout=6, markup=False)
        self.facilitation.refresh()
