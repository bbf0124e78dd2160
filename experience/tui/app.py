"""The player's application: which screen comes when, the keys that work everywhere, the theme.

The app is handed a ready `Session` (story loaded, database open, profile locked) and keeps no
state of its own beyond which screen is showing and how long this sitting has lasted: every step
lives in the session and is saved before it is drawn. Importing this module does no I/O. It may
be handed a `Gate` too, which may hold the reader before a step (a workshop room's does); what
its screens may ask of it is written down in `tui/contract.py`.

Care is the app's business, not any one screen's: support (f1, which never types, so it works
even while writing; s too wherever a letter types nothing), pause (p, or Esc while typing) and
settings (f2) work from every screen, and the gentle break suggestion is timed here.

So is being stopped by the system (SIGTERM, or SIGHUP as the terminal closes: stopping.py): the
app keeps whatever is typed in the answer box at once, without waiting for the draft's timer, and
exits, so that the database is closed as on any leaving.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, CSSPathType, SystemCommand
from textual.binding import Binding
from textual.filter import Monochrome, NoColor
from textual.signal import Signal
from textual.theme import BUILTIN_THEMES
from textual.widgets import TextArea

from ..care.crisis import Concern
from ..care.pacing import Sitting
from ..care.settings import BREAK_REMINDER, LANGUAGE, REDUCED_MOTION, THEME, Settings, read_settings
from ..care.words import BREAK_SUGGESTION, NOT_KEPT, SUPPORT_KEY, SUPPORT_LETTER, CareReply
from ..care.words import JOURNAL_EMPTY as KEPT_HERE
from ..i18n import N_, _, lazy, use_setting
from ..stopping import when_told_to_stop
from ..story.safe_text import terminal_safe
from .contract import SUPPORT_TOOLTIP, Gate, OpenGate, PlayerScreen
from .screens.scene import SceneScreen
from .theme import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.theme import Theme

    from ..progress.session import Session

STEPPED_OUT = "stepped out"  # the app's result when the reader left through Step out
LEAVE_WITH = lazy("To leave, press ctrl+q. Your place and your words are already saved.")
BREAK_NOTE_SECONDS = 20  # how long the break suggestion stays before it fades by itself
APP_CSS = Path(__file__).with_name("app.tcss")  # absolute, so that apps built on this one find it


class ExperienceApp(App[str | None]):
    SHOW_WELCOME = True  # the author's preview goes straight to the story
    JOURNAL_EMPTY = KEPT_HERE  # a workshop participant's app says where their words go instead
    CSS_PATH: ClassVar[CSSPathType | None] = APP_CSS
    TITLE = N_("Coming Home to Yourself")  # shown through _() once the app is made (see __init__)
    BINDINGS = [
        Binding("p", "pause", N_("Pause")),
        Binding("escape", "pause", N_("Pause"), key_display="esc"),  # shown while typing, when p is text
        Binding(SUPPORT_KEY, "support", N_("Support"), priority=True, tooltip=SUPPORT_TOOLTIP),
        Binding(SUPPORT_LETTER, "support", N_("Support"), show=False),  # wherever s types nothing
        Binding("j", "journal", N_("Journal")),
        Binding("f2", "settings", N_("Settings"), show=False),  # shown where there is room: welcome screens
        Binding("comma", "settings", N_("Settings"), show=False),
        Binding(
            "ctrl+q",
            "quit",
            N_("Leave"),
            priority=True,
            tooltip=N_("Leave now. Your place and your words are already saved."),
        ),
        # The palette in the app's own words (Textual would add its own "palette" otherwise).
        Binding(
            "ctrl+p", "command_palette", N_("Menu"), show=False, priority=True, tooltip=N_("Everything you can do here")
        ),
    ]

    def __init__(
        self,
        session: Session,
        *,
        notices: tuple[str, ...] = (),
        sitting: Sitting | None = None,
        gate: Gate | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.gate: Gate = gate or OpenGate()  # what may hold the reader before a step: see tui/contract.py
        self.notices = notices  # said once, on the first screen: e.g. a damaged file set aside
        self.sitting = sitting or Sitting()
        self.stopped_by: int | None = None  # the stop signal that ended the app, if one did
        self.motion_changed_signal: Signal[bool] = Signal(self, "motion-changed")
        self._motion_asked = self.animation_level  # what the environment (TEXTUAL_ANIMATIONS) asked for
        self.title = session.story.title
        for theme in THEMES:
            self.register_theme(theme)
        settings = self.settings
        self.theme = settings.theme if settings.theme in self.available_themes else DEFAULT_THEME
        for name in BUILTIN_THEMES:  # only the app's own: the developer themes are not for readers
            self.unregister_theme(name)
        if settings.reduced_motion:
            self.animation_level = "none"
        if self.no_color:  # NO_COLOR: no colour at all, only weight, reversal and marks (see app.tcss)
            self._filters = [f for f in self._filters if not isinstance(f, Monochrome)] + [NoColor()]

    @property
    def settings(self) -> Settings:
        return read_settings(self.session.profile.settings)

    def get_default_screen(self) -> Screen:
        """The scene is the bottom of the stack: welcome, pause and journal come and go above it."""
        return SceneScreen()

    def run(self, *args: Any, **kwargs: Any) -> str | None:
        """`App.run`, with SIGTERM and SIGHUP handed to `stop_now` while the app runs."""
        with when_told_to_stop(self._told_to_stop):
            return super().run(*args, **kwargs)

    def _told_to_stop(self, signum: int) -> None:
        """In the signal handler: the rest happens in the app's own loop, between two messages."""
        try:
            loop = asyncio.get_running_loop()  # the handler runs in the thread that runs the app
        except RuntimeError:  # not running yet, or no longer: nothing typed to keep, so just go
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(self.stop_now, signum)

    def stop_now(self, signum: int) -> None:
        """The system is stopping the program: keep every typed word, then exit at once (not by a
        way out that asks something first, like a workshop's farewell: nobody may be there)."""
        self.stopped_by = signum
        for screen in self.screen_stack:
            if isinstance(screen, SceneScreen):
                screen.keep_draft()
        App.exit(self, None, return_code=128 + signum)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        session = self.session
        if not self.SHOW_WELCOME:
            self._after_welcome("continue")
        elif session.is_new:
            from .screens.welcome import WelcomeScreen

            welcome = WelcomeScreen(session.story.title, self.notices, session.story.welcome)
            self.push_screen(welcome, self._after_welcome)
        else:
            from .screens.welcome_back import WelcomeBackScreen

            self.push_screen(WelcomeBackScreen(session, self.notices + session.notes), self._after_welcome)

    def _after_welcome(self, how: object) -> None:
        """Begin (a new reader, or the preview), or come back the way the reader chose; the scene
        underneath redraws when it is uncovered."""
        from ..progress.comeback import WayBack

        if isinstance(how, WayBack):
            self.session.come_back(how)
        else:
            self.session.start()
        self.sitting.begin()
        every = min(15.0, max(self.sitting.break_after / 4, 0.05))
        self._break_timer = self.set_interval(every, self._offer_break)

    # -- everywhere ---------------------------------------------------------------------------
    def action_pause(self) -> None:
        self.open_pause()

    def open_pause(self, then: Callable[[], object] | None = None) -> None:
        """Open the pause over whatever is showing; `then` runs when the reader comes back."""
        from .screens.pause import PauseScreen

        if isinstance(self.screen, PauseScreen):
            return
        self.clear_notifications()  # the break suggestion has been taken up, or is not needed
        self.sitting.rest()

        def back(_: object) -> None:
            self.sitting.resume()
            if then is not None:
                then()

        self.push_screen(PauseScreen(), back)

    @property
    def support_showing(self) -> bool:
        """The support lines are on the screen: the support screen, or the step-out screen."""
        from .screens.step_out import StepOutScreen
        from .screens.support import SupportScreen

        return isinstance(self.screen, (SupportScreen, StepOutScreen))

    def action_support(self) -> None:
        """f1 (or s where it types nothing), from any screen: the support lines, then back."""
        self.open_support()

    def care_for(self, words: str) -> bool:
        """Support at once, for words the reader wrote that may mean they are in crisis or that
        someone is hurting them (an answer kept, a draft, words left in the box on leaving or
        skipping): the session decides, once a step, for every front end. True if it came."""
        concern = self.session.offer_care(words)
        if concern is not None:
            self.open_support(concern=concern)
        return concern is not None

    def open_support(self, *, concern: Concern | None = None) -> None:
        """The support screen over whatever is showing; with the `concern` heard when it comes by
        itself, after the reader's words (see `Session.offer_care`)."""
        from .screens.support import SupportScreen
        from .widgets.support import SupportText

        if self.support_showing:  # the lines are on this screen already: bring them into view
            self.screen.query_one(SupportText).scroll_visible(top=True, animate=False)
            return
        resting = self.sitting.resting
        self.sitting.rest()
        screen = SupportScreen(concern=concern, careful=self.session.story.careful_as is not None)

        def answered(reply: CareReply | None) -> None:
            if screen.typed_meanwhile:  # typed as it came: back into the box it was meant for
                self._type_on(screen.typed_meanwhile)
            if reply is CareReply.LEAVE:
                self.exit(STEPPED_OUT)
                return
            if not resting:
                self.sitting.resume()
            if reply is CareReply.PAUSE and self.check_action("pause", ()):
                self.open_pause()

        self.push_screen(screen, answered)

    def _type_on(self, text: str) -> None:
        """Letters typed while the support screen settled, put where the reader was writing."""
        area = self.screen.focused
        if isinstance(area, TextArea):
            area.insert(text)

    def _words_being_written(self) -> str:
        """What is in the answer box the reader is writing in, if one has the focus."""
        area = self.screen.focused
        return area.text if isinstance(area, TextArea) else ""

    def action_step_out(self) -> None:
        from .screens.step_out import StepOutScreen

        if isinstance(self.screen, StepOutScreen):
            return
        resting = self.sitting.resting
        self.sitting.rest()

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit(STEPPED_OUT)
            elif not resting:
                self.sitting.resume()

        self.push_screen(StepOutScreen(), answered)

    async def action_quit(self) -> None:
        """ctrl+q: leave at once. From the step-out or support screen it is still a stepping out.

        Words being written are heard first, as a draft would be: if they may mean the reader is
        in crisis or someone is hurting them, support comes before leaving (ctrl+q again, or
        "Leave for now", then leaves, with the words kept as a draft). After such words, leaving
        is a stepping out, so the support lines stay in the terminal once the window closes."""
        if not self.support_showing and self.care_for(self._words_being_written()):
            return
        self.exit(STEPPED_OUT if self.support_showing or self.session.careful else None)

    def action_journal(self) -> None:
        from .screens.journal import JournalScreen

        if isinstance(self.screen, JournalScreen):
            self.screen.dismiss()
        else:
            self.push_screen(JournalScreen())

    def action_settings(self) -> None:
        from .screens.settings import SettingsScreen

        if isinstance(self.screen, SettingsScreen):
            self.screen.dismiss()
        else:
            self.push_screen(SettingsScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(
            _("Pause"), _("A quiet screen to breathe; come back exactly where you were (p)"), self.action_pause
        )
        yield SystemCommand(
            _("Support"),
            _("Emergency numbers and crisis lines, then back to where you were ({support_key})").format(
                support_key=SUPPORT_KEY
            ),
            self.action_support,
        )
        yield SystemCommand(
            _("Step out"), _("Leave with everything kept, and see where to find support"), self.action_step_out
        )
        yield SystemCommand(_("Journal"), _("Read what you have written (j)"), self.action_journal)
        if isinstance(screen, PlayerScreen):
            yield from screen.palette_commands()
        yield SystemCommand(
            _("Settings"),
            _("High contrast, reduced motion, the break reminder, the language (f2)"),
            self.action_settings,
        )
        yield SystemCommand(_("Colours"), _("Dusk, linen or high contrast"), self.action_colours)
        yield SystemCommand(
            _("Leave"), _("Leave now; your place and your words are already saved (ctrl+q)"), self.action_quit
        )
        # Nothing of Textual's own: its keys panel, maximize and screenshot (a file that could
        # expose answers) are for developers, in their words, not the reader's.

    def action_colours(self) -> None:
        """The app's own themes, by name, in the palette."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Choose the colours…")))

    def action_help_quit(self) -> None:
        """ctrl+c, out of habit: say in the app's words how to leave (it is not a way out here)."""
        self.notify(str(LEAVE_WITH), markup=False, timeout=6)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, from every screen: never read as markup (a message may quote a
        file's name or an error's words), and never acting on the terminal. `markup` is Textual's
        parameter, accepted so that every caller still fits, and ignored."""
        super().notify(
            terminal_safe(message), title=terminal_safe(title), severity=severity, timeout=timeout, markup=False
        )

    # -- a break, once, if it is wanted ------------------------------------------------------------
    def _offer_break(self) -> None:
        from .screens.pause import PauseScreen

        if self.sitting.suggested:
            self._break_timer.stop()
        elif (
            self.settings.break_reminder
            and not isinstance(self.screen, PauseScreen)
            and not self.support_showing
            and self.sitting.break_due()
        ):
            self.notify(str(BREAK_SUGGESTION), title=_("A gentle thought"), timeout=BREAK_NOTE_SECONDS)

    # -- settings, applied at once and kept in the profile ------------------------------------------
    def next_theme(self) -> None:
        """Our own themes in turn (a theme kept from an older version starts them again at the first)."""
        names = [theme.name for theme in THEMES]
        self.theme = names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]

    def set_reduced_motion(self, on: bool) -> None:
        self._keep(REDUCED_MOTION, on)
        self.animation_level = "none" if on else self._motion_asked
        self.motion_changed_signal.publish(on)

    def set_break_reminder(self, on: bool) -> None:
        self._keep(BREAK_REMINDER, on)

    def set_language(self, chosen: str | None) -> None:
        """The program's words in `chosen` from now on (None: the story's own, else the system's);
        the story's own words follow the next time it is opened."""
        self._keep(LANGUAGE, chosen)
        use_setting(chosen, self.session.story.source_language)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.session.profile.settings.get(THEME):
            self._keep(THEME, theme.name, quietly=True)

    def _keep(self, key: str, value: object, *, quietly: bool = False) -> None:
        if not self.session.keep_setting(key, value) and not quietly:
            self.notify(str(NOT_KEPT), timeout=6)
