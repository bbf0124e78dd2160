"""Before anything else, on a room served to the network: the join code.

Nothing of the story is built until the code is right. A wrong code gets one clear, kind sentence
and nothing more (no hint of how close it was), and each wrong try waits a little longer before
the next, so that guessing is hopeless while a mistyped code costs a person a second.

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
from ...i18n import N_, _, current_language, language_name, lazy, use_language
from ...tui.widgets.footer import KeyFooter
from ..room import RoomError

ASK = lazy("Please type the join code your facilitator gave you, then press Enter.")
WRONG = lazy("That code does not match. Please check it with your facilitator and try again.")
NOT_CHECKED = lazy("The code could not be checked just now. Please try again in a moment.")
LANGUAGES = lazy("{label}: {languages}. Press f2 to change it.")
MAX_WAIT = 8.0


class JoinScreen(Screen[None]):
    """Posts `Joined` once the right code is typed; `language` is the one chosen here."""

    BINDINGS = [Binding("f2", "language", N_("Language"))]

    class Joined(Message):
        """The code was right: the session may begin, in `language` if one was chosen here."""

        def __init__(self, language: str | None = None) -> None:
            super().__init__()
            self.language = language

    def __init__(self, title: str, check: Callable[[str], bool], languages: tuple[str, ...] = ()) -> None:
        """`check` says whether a code typed is right; it may raise RoomError if it cannot tell.
        `languages` are those the story can be read in (none or one: nothing to choose)."""
        super().__init__()
        self._title = title
        self._check = check
        self._wrong = 0
        self.languages = languages
        self.language = current_language()
        self._chosen = False

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="join", classes="card"):
                yield Static(self._title, classes="title", markup=False)
                yield Static(str(ASK), classes="body", markup=False)
                yield Input(placeholder=_("join code"), id="code", max_length=32, select_on_focus=False)
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
        typed = self.query_one("#code", Input).value
        await self.recompose()
        field = self.query_one("#code", Input)
        field.value = typed
        field.cursor_position = len(typed)
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#code", Input)
        try:
            right = self._check(event.value)
        except RoomError:  # the room's current code cannot be read: neither let in nor turn away
            self.query_one("#join-message", Static).update(str(NOT_CHECKED))
            field.disabled = True
            self.set_timer(1.0, self._try_again)
            return
        if right:
            self.post_message(self.Joined(self.language if self._chosen else None))
            return
        self._wrong += 1
        field.value = ""
        field.disabled = True
        self.query_one("#join-message", Static).update(str(WRONG))
        self.set_timer(min(2.0 ** (self._wrong - 1), MAX_WAIT), self._try_again)

    def _try_again(self) -> None:
        field = self.query_one("#code", Input)
        field.disabled = False
        field.focus()
