"""The first thing a new reader sees: what this is, what it is not, who it is not for today, and
that they are in control of the pace.

Said plainly and briefly, because it matters more than anything else in the program. The words
are in `care.words`, shared with `--plain`; a story with its own `welcome` says what it is in its
own words, and the care lines stay around them. In a small window the words scroll (arrows or page
keys) while Begin stays in view and keeps the focus.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from ...care.words import NOT_FOR_NOW, SUPPORT_KEYS, WHAT_IT_IS_NOT, WHAT_THIS_IS, YOUR_PACE_KEYS
from ...i18n import N_, _
from ..content import as_content
from ..widgets.footer import KeyFooter
from ..widgets.passage import Passage

AROUND_THE_WORDS = 1 + 2 + 2  # lines: the footer, the card's padding, Begin and the space above it


class WelcomeScreen(Screen[str]):
    """Dismissed with "begin"."""

    AUTO_FOCUS = ""  # Begin is focused without scrolling, so a small window opens at the top
    BINDINGS = [
        Binding("enter", "begin", N_("Begin"), show=False),
        Binding("f2", "app.settings", N_("Settings")),
        Binding("up", "scroll(-1)", show=False),
        Binding("down", "scroll(1)", show=False),
        Binding("pageup", "scroll(-5)", show=False),
        Binding("pagedown", "scroll(5)", show=False),
    ]

    def __init__(self, title: str, notices: tuple[str, ...] = (), welcome: str | None = None) -> None:
        super().__init__()
        self._title = title
        self._notices = notices
        self._welcome = welcome  # the story's own first words (Markdown), if it has them

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                with VerticalScroll(id="welcome-words", can_focus=False):
                    yield Static(as_content(self._title), classes="title")
                    if self._welcome:
                        yield Passage(self._welcome, classes="body")
                    else:
                        yield Static(str(WHAT_THIS_IS), classes="body", markup=False)
                    yield Static(str(WHAT_IT_IS_NOT), classes="body", markup=False)
                    yield Static(f"{NOT_FOR_NOW} {SUPPORT_KEYS}", classes="body", markup=False)
                    yield Static(str(YOUR_PACE_KEYS), classes="body", markup=False)
                    for notice in self._notices:
                        yield Static(as_content(notice), classes="notice")
                with Horizontal(classes="buttons"):
                    yield Button(_("Begin"), id="begin", variant="primary", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#begin").focus(scroll_visible=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def on_resize(self) -> None:
        """The words take the room Begin leaves them. (CSS cannot say "as tall as the content,
        but no taller than the window less the button".)"""
        self.query_one("#welcome-words").styles.max_height = max(self.size.height - AROUND_THE_WORDS, 3)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#welcome-words", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_begin(self) -> None:
        self.dismiss("begin")
