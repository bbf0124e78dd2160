"""Before anything else, on a room served to the network: the join code.

Nothing of the story is built until the code is right. A wrong code gets one clear, kind sentence
and nothing more (no hint of how close it was), and each wrong try waits a little longer before
the next, so that guessing is hopeless while a mistyped code costs a person a second.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...tui.widgets.footer import KeyFooter
from ..room import RoomError

ASK = "Please type the join code your facilitator gave you, then press Enter."
WRONG = "That code does not match. Please check it with your facilitator and try again."
NOT_CHECKED = "The code could not be checked just now. Please try again in a moment."
MAX_WAIT = 8.0


class JoinScreen(Screen[None]):
    """Posts `Joined` once the right code is typed."""

    class Joined(Message):
        """The code was right: the session may begin."""

    def __init__(self, title: str, check: Callable[[str], bool]) -> None:
        """`check` says whether a code typed is right; it may raise RoomError if it cannot tell."""
        super().__init__()
        self._title = title
        self._check = check
        self._wrong = 0

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="join", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(ASK, classes="body", markup=False)
                yield Input(placeholder="join code", id="code", max_length=32)
                yield Static("", id="join-message", classes="notice", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#code", Input)
        try:
            right = self._check(event.value)
        except RoomError:  # the room's current code cannot be read: neither let in nor turn away
            self.query_one("#join-message", Static).update(NOT_CHECKED)
            field.disabled = True
            self.set_timer(1.0, self._try_again)
            return
        if right:
            self.post_message(self.Joined())
            return
        self._wrong += 1
        field.value = ""
        field.disabled = True
        self.query_one("#join-message", Static).update(WRONG)
        self.set_timer(min(2.0 ** (self._wrong - 1), MAX_WAIT), self._try_again)

    def _try_again(self) -> None:
        field = self.query_one("#code", Input)
        field.disabled = False
        field.focus()
