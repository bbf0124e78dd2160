"""The player's application: which screen comes when, the keys that work everywhere, the theme.

The app is handed a ready `Session` (story loaded, database open, profile locked) and keeps no
state of its own beyond which screen is showing: every step lives in the session and is saved
before it is drawn. Importing this module does no I/O.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding

from .screens.scene import SceneScreen
from .theme import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.theme import Theme

    from ..progress.session import Session
    from ..story import Choice

THEME_SETTING = "theme"


class ExperienceApp(App[None]):
    SHOW_WELCOME = True  # the author's preview goes straight to the story
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so that subclasses elsewhere find it
    TITLE = "Coming Home to Yourself"
    BINDINGS = [
        Binding("j", "journal", "Journal"),
        Binding("p", "pause", "Pause"),
        Binding("escape", "pause", "Pause", key_display="esc"),  # shown while typing, when p is text
        Binding("ctrl+q", "quit", "Leave", priority=True,
                tooltip="Leave now. Your place and your words are already saved."),
    ]

    def __init__(self, session: "Session", *, notices: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.session = session
        self.notices = notices  # said once, on the first screen: e.g. a damaged file set aside
        self.title = session.story.title
        for theme in THEMES:
            self.register_theme(theme)
        chosen = session.profile.settings.get(THEME_SETTING)
        self.theme = chosen if isinstance(chosen, str) and chosen in self.available_themes else DEFAULT_THEME

    def get_default_screen(self) -> SceneScreen:
        """The scene is the bottom of the stack: welcome, pause and journal come and go above it."""
        return SceneScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        session = self.session
        if not self.SHOW_WELCOME:
            session.start()
        elif session.is_new:
            from .screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(session.story.title, self.notices), self._after_welcome)
        else:
            from .screens.welcome_back import WelcomeBackScreen

            view = session.view()
            where = f"“{view.chapter_title}”" + (f", {view.title}" if view.title else "")
            self.push_screen(WelcomeBackScreen(where, self.notices + session.notes, ended=view.ending),
                             self._after_welcome)

    def _after_welcome(self, how: str | None) -> None:
        if how == "restart":
            self.session.restart()  # the scene underneath redraws when it is uncovered
        else:
            self.session.start()

    # -- everywhere ---------------------------------------------------------------------------
    def action_pause(self) -> None:
        from .screens.pause import PauseScreen

        if not isinstance(self.screen, PauseScreen):
            self.push_screen(PauseScreen())

    def action_journal(self) -> None:
        from .screens.journal import JournalScreen

        if isinstance(self.screen, JournalScreen):
            self.screen.dismiss()
        else:
            self.push_screen(JournalScreen())

    def hold_before(self, choice: "Choice | None", go_on: Callable[[], None]) -> bool:
        """Whether to hold the reader before a step (a choice, or continuing when None).

        The player never holds anyone. A workshop participant's app holds them at a movement the
        facilitator has not opened yet (experience/workshop/participant.py) and calls `go_on`
        to take the very same step once the group moves on.
        """
        return False

    def get_system_commands(self, screen: "Screen") -> Iterable[SystemCommand]:
        yield SystemCommand("Pause", "A quiet screen to breathe; come back exactly where you were (p)",
                            self.action_pause)
        yield SystemCommand("Journal", "Read what you have written (j)", self.action_journal)
        commands = getattr(screen, "commands", None)
        if callable(commands):
            yield from commands()
        yield SystemCommand("Leave", "Leave now; your place and your words are already saved (ctrl+q)",
                            self.action_quit)
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Screenshot"):  # a screenshot file could expose answers
                yield command

    def _remember_theme(self, theme: "Theme") -> None:
        if theme.name != self.session.profile.settings.get(THEME_SETTING):
            try:
                self.session.store.set_setting(self.session.profile, THEME_SETTING, theme.name)
            except Exception:  # a theme is not worth interrupting anyone for
                pass
