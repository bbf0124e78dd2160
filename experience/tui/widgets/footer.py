"""Textual's footer, rebuilt only when the keys it shows have actually changed, and wrapped onto
more lines when they do not fit on one.

The stock footer rebuilds all its key widgets every time bindings *might* have changed: on every
focus change and every refresh of bindings, several times within one step of the story. Here the
shown keys are compared first, and at most one rebuild is done per refresh, which keeps a step
quick without changing how the footer looks or behaves.

In a narrow window the palette's hint on the right gives its room to the keys (ctrl+p still
works): at 60 columns every key of a scene fits only without it. Narrower still (a phone, about
40 columns), the keys go onto two or three lines rather than off the edge, where a scrolling
footer would hide them: on a phone they are tapped, and a key that cannot be seen cannot be.
The screen is told (`KeyFooter.Resized`) when the footer's height changes, so that it can give
the rows back to, or take them from, what it lays out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.containers import HorizontalGroup
from textual.dom import NoScreen
from textual.message import Message
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ...i18n import _

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widget import Widget

PALETTE_ROOM = 72  # columns: below this, no "^p palette" on the right


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter.-wrapped {
        layout: vertical;
        height: auto;
    }
    KeyFooter > .footer-line {
        width: 100%;
        height: 1;
    }
    """

    class Resized(Message):
        """The footer took more or fewer lines than before."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple | None = None
        self._pending = False
        self._lines = 1

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        for key in keys:  # bindings are made at import, in English: shown in the language in use
            if isinstance(key, FooterKey):
                key.description = _(key.description) if key.description else key.description
                if isinstance(key.tooltip, str) and key.tooltip:
                    key.tooltip = _(key.tooltip)
        width = self.size.width
        lines = _lines(keys, width) if width else [keys]
        self.set_class(len(lines) > 1, "-wrapped")
        if len(lines) > 1:
            for line in lines:
                yield HorizontalGroup(*line, classes="footer-line")
        else:
            yield from keys
        self._lines = len(lines)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        self._rebuild_soon()

    def on_resize(self, event: events.Resize) -> None:
        roomy = event.size.width >= PALETTE_ROOM
        if roomy != self.show_command_palette:
            self.show_command_palette = roomy
        self._rebuild_soon()  # the same keys may fit on fewer lines, or need more

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
            self.size.width,
            *(
                (key, b.action, b.description, b.key_display, enabled)
                for key, (_, b, enabled, _) in bindings.items()
                if b.show
            ),
        )
        if shown != self._shown:
            self._shown = shown
            lines = self._lines
            await self.recompose()
            if self._lines != lines:  # told once the new lines are laid out
                self.call_after_refresh(self.post_message, self.Resized())


def _lines(keys: list[Widget], width: int) -> list[list[Widget]]:
    """The keys in lines no wider than `width`, in order (one line if they fit)."""
    lines: list[list[Widget]] = [[]]
    used = 0
    for key in keys:
        wide = _width(key)
        if lines[-1] and used + wide > width:
            lines.append([])
            used = 0
        lines[-1].append(key)
        used += wide
    return lines


def _width(key: Widget) -> int:
    """A compact footer key's columns: its key, a space and its description, and the gap after."""
    shown = getattr(key, "key_display", "") or ""
    description = getattr(key, "description", "") or ""
    return cell_len(shown) + (1 + cell_len(description) if description else 0) + 1
