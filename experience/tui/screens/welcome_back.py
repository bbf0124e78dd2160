"""A returning reader: where they were, what changed, and how to come back.

After a stop (a pause in the journey) the first way offered is to go on from where they stopped,
and it says where that is. Every movement already reached can be picked up at its start, and the
story can always begin again. The ways, their order and their words are the session's
(`Session.ways_back`), shared with `--plain`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ...care.words import JOURNAL_KEPT_EITHER_WAY, Comeback, full_stop, go_on_from, welcome_back_lead
from ...i18n import N_, _
from ...progress.comeback import WayBack
from ..content import as_content
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from ...progress.session import Session


class WelcomeBackScreen(Screen[WayBack]):
    """Dismissed with the `WayBack` the reader chose."""

    BINDINGS = [
        Binding("f2", "app.settings", N_("Settings")),
        Binding("c", "first", N_("Continue"), show=False),
        Binding("r", f"way('{Comeback.RESTART.name}')", N_("Start again"), show=False),
    ]  # f1 is Support everywhere

    def __init__(self, session: Session, notices: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._ways = session.ways_back()
        scene = session.story.scenes[session.state.scene]
        self._lead = Content.assemble(
            f"{welcome_back_lead(ended=scene.end, paused=scene.pause)} ",
            as_content(session.place(), "italic"),
            full_stop(session.place()),
        )
        on = session.way_on
        self._on = go_on_from(session.place(on)) if on else None
        self._notices = notices

    def compose(self) -> ComposeResult:
        with Center(id="welcome-center"):
            with Vertical(id="welcome", classes="card"):
                yield Static(_("Welcome back"), classes="title")
                yield Static(self._lead, classes="body")
                if self._on:
                    yield Static(as_content(self._on), classes="body")
                for notice in self._notices:
                    yield Static(as_content(notice), classes="notice")
                yield Static(str(JOURNAL_KEPT_EITHER_WAY), classes="hint", markup=False)
                yield ChoiceList(id="ways-back")
        yield KeyFooter()

    def on_mount(self) -> None:
        ways = self.query_one(ChoiceList)
        ways.show([way.label for way in self._ways])
        ways.focus()

    def action_first(self) -> None:
        self.dismiss(self._ways[0])

    def action_way(self, name: str) -> None:
        self.dismiss(next(way for way in self._ways if way.how is Comeback[name]))

    @on(OptionList.OptionSelected, "#ways-back")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._ways[event.option_index])
