"""What the player's screens may ask of the app that shows them, and what may hold a reader back.

The app imports its screens, so a screen never imports the app: what it needs of it is written
down here as `Player`, which `ExperienceApp` and its kin (the author's preview, a workshop
participant's app) implement. `PlayerScreen.player` hands it to a screen, checked once.

A `Gate` may hold the reader before a step. The player's own never does; a workshop room's holds
them at a movement the facilitator has not opened yet (experience/workshop/participant.py). The
app is given its gate; nothing else in the player knows that workshops exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from textual.binding import Binding
from textual.screen import Screen

from ..care.words import SUPPORT_KEY
from ..i18n import N_, Words

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.signal import Signal

    from ..care.crisis import Concern
    from ..care.settings import Settings
    from ..progress.session import Session, Step

ScreenResult = TypeVar("ScreenResult")

SUPPORT_TOOLTIP = N_("Emergency numbers and crisis lines, from any screen, even while writing.")
SUPPORT_BINDING = Binding(SUPPORT_KEY, "app.support", N_("Support"), tooltip=SUPPORT_TOOLTIP)
"""Support's key, for a modal screen's own footer: a modal shuts out the app's bindings from its
footer (the app's own, a priority key, still works there, and everywhere else)."""


class Gate(Protocol):
    def hold(self, step: Step) -> Screen[bool] | None:
        """A screen to wait on before `step`, or None to take it now.

        The screen is dismissed with True once the reader may take the step (it is then planned
        again, from wherever they are), or False if they chose not to wait.
        """
        ...


class OpenGate:
    """The player's gate: nobody is ever held."""

    def hold(self, step: Step) -> None:
        return None


@runtime_checkable
class Player(Protocol):
    """The app, as its screens see it: the session, the care that works everywhere, the settings."""

    session: Session
    gate: Gate
    JOURNAL_EMPTY: Words  # what the journal says before anything is written: where words are kept
    motion_changed_signal: Signal[bool]  # published when the reader turns reduced motion on or off

    @property
    def settings(self) -> Settings: ...

    def open_pause(self, then: Callable[[], object] | None = None) -> None: ...

    def action_step_out(self) -> None: ...

    def open_support(self, *, concern: Concern | None = None) -> None: ...

    def care_for(self, words: str) -> bool: ...

    def action_journal(self) -> None: ...

    def next_theme(self) -> None: ...

    def set_reduced_motion(self, on: bool) -> None: ...

    def set_break_reminder(self, on: bool) -> None: ...

    def set_language(self, chosen: str | None) -> None: ...


class PlayerScreen(Screen[ScreenResult]):
    """A screen of the player: `player` and `session` are the app's, typed."""

    _player: Player | None = None

    @property
    def player(self) -> Player:
        if self._player is None:
            app = self.app
            if not isinstance(app, Player):
                raise TypeError(f"{type(self).__name__} is shown by the player, not by {type(app).__name__}")
            self._player = app
        return self._player

    @property
    def session(self) -> Session:
        return self.player.session

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's own entries in the command palette, offered among the app's (none here).

        (Textual 8's `Screen.COMMANDS` takes whole providers, whose entries the app's
        `get_system_commands` never sees; the app asks its screen here instead, so that every
        entry the palette offers is listed in one place.)
        """
        return ()
