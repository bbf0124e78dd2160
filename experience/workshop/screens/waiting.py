"""Held at a gate: a quiet place to wait for the group, which moves on by itself.

The participant is not stopped from doing anything but going on: they can pause, read their
journal, or go back to the scene they were on. Every second the screen asks whether the
facilitator has opened the way; when they have, it steps aside and the participant's step is
taken for them, exactly as they chose it.

The lobby is the same wait before the first scene, until the facilitator begins the session:
there is no scene to go back to yet.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Static

from ...i18n import N_, lazy
from ...tui.widgets.breath import Breath
from ...tui.widgets.footer import KeyFooter

SOON = lazy("The group will continue together soon.")
MEANWHILE = lazy("You can pause, or read your journal, while you wait.")
ON_ITS_OWN = lazy("When the group is ready, the story goes on from here without you pressing anything.")
LOBBY_SOON = lazy("The session will begin soon.")
LOBBY_MEANWHILE = lazy("Your facilitator will begin when everyone has joined. You can pause while you wait.")
LOBBY_ON_ITS_OWN = lazy("When it begins, the first scene will open here by itself.")
POLL_SECONDS = 1.0


class WaitingScreen(Screen[bool]):
    """Dismissed with True when the gate opens, False if the participant goes back to the scene.

    `is_open` is asked every `poll` seconds; `leaving` is told just before the screen steps aside.
    """

    BINDINGS = [Binding("b", "back_to_scene", N_("Back to the scene"))]

    def __init__(
        self,
        is_open: Callable[[], bool],
        *,
        poll: float = POLL_SECONDS,
        leaving: Callable[[], None] | None = None,
        lobby: bool = False,
    ) -> None:
        super().__init__()
        self._is_open = is_open
        self._poll = poll
        self._leaving = leaving
        self._lobby = lobby
        self._opened = False
        self._done = False

    def compose(self) -> ComposeResult:
        with Center(id="waiting-center"):
            with Vertical(id="waiting", classes="card"):
                yield Static(str(LOBBY_SOON) if self._lobby else str(SOON), classes="title", markup=False)
                yield Breath()
                yield Static(str(LOBBY_MEANWHILE) if self._lobby else str(MEANWHILE), classes="body", markup=False)
                yield Static(str(LOBBY_ON_ITS_OWN) if self._lobby else str(ON_ITS_OWN), classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_interval(self._poll, self.check)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self._lobby and action == "back_to_scene")  # in the lobby there is no scene yet

    def on_screen_resume(self) -> None:
        if self._opened:  # it opened while the journal or the pause was on top
            self._finish(True)

    def check(self) -> None:
        if self._opened:
            return
        try:
            opened = self._is_open()
        except Exception:  # the room file busy for a moment: ask again next time
            return
        if opened:
            self._opened = True
            if self.is_active:  # otherwise on_screen_resume finishes, once the reader is back
                self._finish(True)

    def action_back_to_scene(self) -> None:
        self._finish(False)

    def _finish(self, opened: bool) -> None:
        if not self._done:  # a resume and a poll can both see the gate open
            self._done = True
            if self._leaving is not None:
                self._leaving()
            self.dismiss(opened)
