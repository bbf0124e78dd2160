"""The reader's settings: how the room looks, whether anything moves, and the break reminder.

One list, like every other list of choices here: arrows and Enter, or a number, change a setting
at once. Each value is said in words ("on", "off", the theme's name), never shown by colour alone.
The app applies and keeps each change (in this profile, for next time); this screen only asks.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from ...care.settings import language_label, language_value
from ...i18n import N_, _, lazy, next_language
from ..contract import PlayerScreen
from ..theme import LABELS
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter

LOOK, MOTION, REMINDER, LANGUAGE = 0, 1, 2, 3
INTRO = lazy("These are kept for next time, for this profile only.")
HOW = lazy("Press Enter or a number to change a setting, and Esc to go back.")
GAP = 2  # columns between a setting's name and its value; names are as wide as the widest, in any language


class SettingsScreen(PlayerScreen[None]):
    BINDINGS = [
        Binding("escape", "close", N_("Back")),
        Binding("f2", "close", N_("Back"), show=False),
        Binding("comma", "close", N_("Back"), show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="page"):
            yield Static(
                Content.assemble((_("Settings"), "bold $text-primary"), "\n", (str(INTRO), "$text-muted")),
                id="settings-heading",
            )
            yield ChoiceList(id="settings")
            yield Static(str(HOW), classes="hint", markup=False, id="settings-how")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one(ChoiceList).focus()

    def _show(self) -> None:
        app, settings = self.app, self.player.settings
        look = LABELS.get(app.theme, app.theme)
        motion = (
            _("On: everything stays still")
            if app.animation_level == "none" and settings.reduced_motion
            else _("On (set by TEXTUAL_ANIMATIONS): everything stays still")
            if app.animation_level == "none"
            else _("Off: the breathing guide moves")
        )
        reminder = _("On: one gentle word after about 20 minutes") if settings.break_reminder else _("Off")
        rows = [
            (_("Look"), look),
            (_("Reduced motion"), motion),
            (_("Break reminder"), reminder),
            (language_label(), language_value(settings.language)),
        ]
        choices = self.query_one(ChoiceList)
        highlighted = choices.highlighted
        width = max(len(name) for name, _value in rows) + GAP
        choices.show([f"{name:<{width}}{value}" for name, value in rows])
        if highlighted is not None:
            choices.highlighted = highlighted

    @on(OptionList.OptionSelected, "#settings")
    def _change(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        player = self.player
        if event.option_index == LOOK:
            player.next_theme()
        elif event.option_index == MOTION:
            player.set_reduced_motion(not player.settings.reduced_motion)
        elif event.option_index == REMINDER:
            player.set_break_reminder(not player.settings.break_reminder)
        elif event.option_index == LANGUAGE:
            player.set_language(next_language(player.settings.language))
            self.refresh(recompose=True)  # every word on this screen, the footer's too, in the new language
            self.call_after_refresh(self._after_recompose, LANGUAGE)
            return
        self._show()

    def _after_recompose(self, row: int) -> None:
        self._show()
        choices = self.query_one(ChoiceList)
        choices.highlighted = row
        choices.focus()

    def action_close(self) -> None:
        self.dismiss()
