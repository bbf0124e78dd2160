"""Before anything else, on a room served to the network: the join code.

Nothing of the story is built until the code is right. The code itself is never in this process:
what is typed goes to the server, which checks it and counts wrong tries for each computer and
for the whole room (a fresh tab starts no fresh count), and answers. A wrong code gets one clear,
kind sentence and nothing more (no hint of how close it was); the field then rests for as long as
the server says, so that guessing is hopeless while a mistyped code costs a person a second.

Here too a participant chooses their language (f2, or a tap on the footer), among those the story
can be read in: this screen's words change at once, and the story and the program are in it from
the moment they join. The room counts and gates by movement, never by words, so it is the same
room whatever each person reads it in.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...care.settings import language_label
from ...i18n import N_, Words, _, current_language, language_name, lazy, use_language
from ...tui.widgets.footer import KeyFooter
from .. import channel

ASK = lazy("Please type the join code your facilitator gave you, then press Enter.")
WRONG = lazy("That code does not match. Please check it with your facilitator and try again.")
BUSY = lazy("Many tries have been made just now. Please wait a moment, then try again.")
FULL = lazy("The room is full just now. Please ask the facilitator.")
NOT_CHECKED = lazy("The code could not be checked just now. Please try again in a moment.")
LANGUAGES = lazy("{label}: {languages}. Press f2 to change it.")
SAYS = {channel.WHY_WRONG: WRONG, channel.WHY_WAIT: BUSY, channel.WHY_FULL: FULL, channel.WHY_UNCHECKED: NOT_CHECKED}
ANSWER_WITHIN = 10.0  # seconds: the server answers at once, unless something is wrong with it
MAX_CODE = 32


class JoinScreen(Screen[None]):
    """Sends what is typed to `ask`; posts `Joined` once the server says the code is right."""

    BINDINGS = [Binding("f2", "language", N_("Language"))]

    class Joined(Message):
        """The code was right: the session may begin, in `language` if one was chosen here."""

        def __init__(self, language: str | None = None) -> None:
            super().__init__()
            self.language = language

    def __init__(self, title: str, ask: Callable[[str], None], languages: tuple[str, ...] = ()) -> None:
        """`languages` are those the story can be read in (none or one: nothing to choose)."""
        super().__init__()
        self._title = title
        self._ask = ask
        self._asking = False
        self._tries = 0  # which try an answer (or its absence) belongs to
        self.languages = languages
        self.language = current_language()
        self._chosen = False

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="join", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(str(ASK), classes="body", markup=False)
                yield Input(placeholder=_("join code"), id="code", max_length=MAX_CODE, select_on_focus=False)
                yield Static("", id="join-message", classes="notice", markup=False)
                if len(self.languages) > 1:
                    yield Static(self._languages(), classes="hint", markup=False, id="join-languages")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def _languages(self) -> str:
        names = " · ".join(
            f"[{language_name(tag)}]" if tag == self.language else language_name(tag) for tag in self.languages
        )
        return LANGUAGES.format(label=language_label(), languages=names)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return len(self.languages) > 1 if action == "language" else True

    async def action_language(self) -> None:
        """The next language the story can be read in: this screen in it at once, the rest on joining."""
        at = self.languages.index(self.language) if self.language in self.languages else -1
        self.language = self.languages[(at + 1) % len(self.languages)]
        self._chosen = True
        use_language(self.language)
        field = self.query_one("#code", Input)
        typed, disabled = field.value, field.disabled
        await self.recompose()
        field = self.query_one("#code", Input)
        field.value, field.disabled = typed, disabled
        field.cursor_position = len(typed)
        field.focus()

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
            self.post_message(self.Joined(self.language if self._chosen else None))
            return
        self._refuse(SAYS.get(why, WRONG), wait)

    def _no_answer(self, this_try: int) -> None:
        if self._asking and this_try == self._tries:
            self._asking = False
            self._refuse(NOT_CHECKED, 1.0)

    def _refuse(self, words: Words, wait: float) -> None:
        field = self.query_one("#code", Input)
        field.value = ""
        self.query_one("#join-message", Static).update(str(words))
        self.set_timer(max(0.0, min(wait, 60.0)), self._try_again)

    def _try_again(self) -> None:
        if self._asking:
            return
        field = self.query_one("#code", Input)
        field.disabled = False
        field.focus()
