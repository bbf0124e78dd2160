"""Textual's footer, rebuilt only when the keys it shows have actually changed.

The stock footer rebuilds all its key widgets every time bindings *might* have changed: on every
focus change and every refresh of bindings, several times within one step of the story. Here the
shown keys are compared first, and at most one rebuild is done per refresh, which keeps a step
quick without changing how the footer looks or behaves.

In a narrow window the palette's hint on the right gives its room to the keys (ctrl+p still
works): at 60 columns every key of a scene fits only without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import NoScreen
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual import events
    from textual.screen import Screen

PALETTE_ROOM = 72  # columns: below this, no "^p palette" on the right


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple | None = None
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        self._rebuild_soon()

    def on_resize(self, event: events.Resize) -> None:
        roomy = event.size.width >= PALETTE_ROOM
        if roomy != self.show_command_palette:
            self.show_command_palette = roomy
            self._rebuild_soon()

    def _rebuild_soon(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        try:
            bindings = self.screen.active_bindings
        except NoScreen:  # the screen went away before the refresh came
            return
        shown = (
            self.show_command_palette,
            *(
                (key, b.action, b.description, b.key_display, enabled)
                for key, (_, b, enabled, _) in bindings.items()
                if b.show
            ),
        )
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
