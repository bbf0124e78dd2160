"""Support, from anywhere: emergency numbers and crisis lines, then back to exactly where one was.

It opens with the support key (f1, which never types, so it works even while writing) from every
screen, and by itself, at once, when what the reader wrote may mean they are in crisis or that
someone is hurting them (a `Concern`): then it says a few plain words first, never the reader's
own, and that those words stay in the journal and nowhere else; for harm from another person the
domestic abuse services come first. Either way the reader chooses: go back (Esc), pause and
breathe, or leave for now. Nothing underneath changes: a half-written answer waits as a draft.

Coming by itself, it usually comes while the reader is writing, so for a moment (`SETTLING`) it
acts on no key at all: the letters typed meanwhile are kept (`typed_meanwhile`) and go back into
the answer box, and a digit or Enter meant for the sentence never chooses anything here. Its
replies are then chosen with the arrows and Enter, not with numbers.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from ...care.crisis import Concern
from ...care.words import SUPPORT_LEAD, SUPPORT_TITLE, CareReply, heard_words
from ...i18n import N_
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter
from ..widgets.support import EmergencyNumbers, SupportText

SETTLING = 1.5  # seconds, after coming by itself, in which no key acts here


class _Settling(Widget, can_focus=True):
    """Holds the keys for the first moment of a support screen that came by itself."""

    DEFAULT_CSS = "_Settling { width: 0; height: 0; }"

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        screen = self.screen
        if isinstance(screen, SupportScreen):
            screen.hold(event)


class SupportScreen(Screen[CareReply]):
    """Dismissed with the reader's `CareReply`."""

    BINDINGS = [
        Binding("escape", f"reply('{CareReply.BACK.name}')", N_("Go back")),
        Binding("p", f"reply('{CareReply.PAUSE.name}')", N_("Pause")),
        Binding("pageup", "scroll(-1)", show=False, priority=True),  # the replies keep the arrows
        Binding("pagedown", "scroll(1)", show=False, priority=True),
    ]

    def __init__(self, *, concern: Concern | None = None, careful: bool = False) -> None:
        super().__init__()
        self.concern = concern
        self.careful = careful  # the story has a careful way, which it takes from here: it is said
        self.typed_meanwhile = ""  # letters typed while it settled: they belong in the answer box
        self._settling = concern is not None

    def compose(self) -> ComposeResult:
        with Center(id="support-center"):
            with VerticalScroll(id="support", classes="card", can_focus=False):
                if self.concern is not None:
                    title, words, kept = heard_words(self.concern, careful=self.careful)
                    yield Static(title, classes="title", markup=False)
                    yield Static(words, classes="body", markup=False)
                else:
                    yield Static(str(SUPPORT_TITLE), classes="title", markup=False)
                    yield Static(str(SUPPORT_LEAD), classes="body", markup=False)
                yield EmergencyNumbers()  # before the replies: in view in the smallest window
                yield ChoiceList(id="care-replies")
                yield SupportText(harm_first=self.concern is Concern.HARM, numbers=False)
                if self.concern is not None:
                    yield Static(kept, classes="hint", markup=False)
        yield _Settling()
        yield KeyFooter()

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([reply.label for reply in CareReply], numbered=self.concern is None)
        if self._settling:
            replies.disabled = True  # faded for the moment in which no key acts
            self.query_one(_Settling).focus()
            self.set_timer(SETTLING, self._settled)
        else:
            replies.focus(scroll_visible=False)
        self.call_after_refresh(self._to_top)  # open at the top, however small the window

    def _settled(self) -> None:
        self._settling = False
        replies = self.query_one(ChoiceList)
        replies.disabled = False
        replies.highlighted = 0
        replies.focus(scroll_visible=False)

    def hold(self, event: events.Key) -> None:
        """A key in the settling moment: kept if it is something typed, never acted on."""
        if event.key == "enter":
            self.typed_meanwhile += "\n"
        elif event.is_printable and event.character:
            self.typed_meanwhile += event.character

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self._settling and action in ("reply",))

    def action_reply(self, name: str) -> None:
        self.dismiss(CareReply[name])

    def action_scroll(self, pages: int) -> None:
        """Page Up and Page Down move the support lines a page, whatever has the focus."""
        box = self.query_one("#support", VerticalScroll)
        box.scroll_relative(y=pages * max(box.scrollable_content_region.height - 1, 1), animate=False)

    def _to_top(self) -> None:
        self.query_one("#support", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#care-replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self._settling:
            self.dismiss(list(CareReply)[event.option_index])
