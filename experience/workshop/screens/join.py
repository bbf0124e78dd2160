"""Before anything else, on a room served to the network: the join code.

Nothing of the story is built until the code is right. The code itself is never in this process:
what is typed goes to the server, which checks it and counts wrong tries for each computer and
for the whole room (a fresh tab starts no fresh count), and answers. A wrong code gets one clear,
kind sentence and nothing more (no hint of how close it was); the field then rests for as long as
the server says, so that guessing is hopeless while a mistyped code costs a person a second.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...tui.widgets.footer import KeyFooter
from .. import channel

ASK = "Please type the join code your facilitator gave you, then press Enter."
WRONG = "That code does not match. Please check it with your facilitator and try again."
BUSY = "Many tries have been made just now. Please wait a moment, then try again."
FULL = "The room is full just now. Please ask the facilitator."
NOT_CHECKED = "The code could not be checked just now. Please try again in a moment."
SAYS = {channel.WHY_WRONG: WRONG, channel.WHY_WAIT: BUSY, channel.WHY_FULL: FULL, channel.WHY_UNCHECKED: NOT_CHECKED}
ANSWER_WITHIN = 10.0  # seconds: the server answers at once, unless something is wrong with it
MAX_CODE = 32


class JoinScreen(Screen[None]):
    """Sends what is typed to `ask`; posts `Joined` once the server says the code is right."""

    class Joined(Message):
        """The code was right: the session may begin."""

    def __init__(self, title: str, ask: Callable[[str], None]) -> None:
        super().__init__()
        self._title = title
        self._ask = ask
        self._asking = False
        self._tries = 0  # which try an answer (or its absence) belongs to

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="join", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(ASK, classes="body", markup=False)
                yield Input(placeholder="join code", id="code", max_length=MAX_CODE)
                yield Static("", id="join-message", classes="notice", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._asking or not event.value.strip():
            return
        self._asking = True
        self._tries += 1
        field = self.query_one("#code", Input)
        field.disabled = True
        self._ask(event.value)
        this_try = self._tries
        self.set_timer(ANSWER_WITHIN, lambda: self._no_answer(this_try))

    def answered(self, ok: bool, *, wait: float = 0.0, why: str = channel.WHY_WRONG) -> None:
        """The server's answer to the code last typed."""
        if not self._asking:
            return
        self._asking = False
        if ok:
            self.post_message(self.Joined())
            return
        self._refuse(SAYS.get(why, WRONG), wait)

    def _no_answer(self, this_try: int) -> None:
        if self._asking and this_try == self._tries:
            self._asking = False
            self._refuse(NOT_CHECKED, 1.0)

    def _refuse(self, words: str, wait: float) -> None:
        field = self.query_one("#code", Input)
        field.value = ""
        self.query_one("#join-message", Static).update(words)
        self.set_timer(max(0.0, min(wait, 60.0)), self._try_again)

    def _try_again(self) -> None:
        if self._asking:
            return
        field = self.query_one("#code", Input)
        field.disabled = False
        field.focus()
