"""Support, from anywhere: emergency numbers and crisis lines, then back to exactly where one was.

It opens with the support key (f1, which never types, so it works even while writing) from every
screen, and by itself, at once, when what the reader wrote may mean they are in crisis: then it
says a few plain words first, and that those words stay in the journal and nowhere else. Either
way the reader chooses: go back (Esc), pause and breathe, or leave for now. Nothing underneath
changes: a half-written answer waits as a draft.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ...care.words import CRISIS_KEPT, CRISIS_TITLE, CRISIS_WORDS, SUPPORT_LEAD, SUPPORT_TITLE, CareReply
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter
from ..widgets.support import SupportText


class SupportScreen(Screen[CareReply]):
    """Dismissed with the reader's `CareReply`."""

    BINDINGS = [
        Binding("escape", f"reply('{CareReply.BACK.name}')", "Go back"),
        Binding("p", f"reply('{CareReply.PAUSE.name}')", "Pause"),
        Binding("pageup", "scroll(-5)", show=False, priority=True),  # the replies keep the arrows
        Binding("pagedown", "scroll(5)", show=False, priority=True),
    ]

    def __init__(self, *, crisis: bool = False) -> None:
        super().__init__()
        self.crisis = crisis

    def compose(self) -> ComposeResult:
        with Center(id="support-center"):
            with VerticalScroll(id="support", classes="card", can_focus=False):
                if self.crisis:
                    yield Static(CRISIS_TITLE, classes="title", markup=False)
                    yield Static(CRISIS_WORDS, classes="body", markup=False)
                    yield Static(CRISIS_KEPT, classes="body", markup=False)
                else:
                    yield Static(SUPPORT_TITLE, classes="title", markup=False)
                    yield Static(SUPPORT_LEAD, classes="body", markup=False)
                yield ChoiceList(id="care-replies")
                yield SupportText()
        yield KeyFooter()

    def on_mount(self) -> None:
        replies = self.query_one(ChoiceList)
        replies.show([reply.label for reply in CareReply])
        replies.focus(scroll_visible=False)
        self.call_after_refresh(self.action_scroll, -1000)  # open at the top, however small the window

    def action_reply(self, name: str) -> None:
        self.dismiss(CareReply[name])

    def action_scroll(self, lines: int) -> None:
        self.query_one("#support", VerticalScroll).scroll_relative(y=lines, animate=False)

    @on(OptionList.OptionSelected, "#care-replies")
    def _replied(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(list(CareReply)[event.option_index])
