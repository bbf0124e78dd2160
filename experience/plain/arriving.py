"""How a plain sitting begins: the welcome for someone new, or, for someone coming back, where
they were and the ways back (the same list the full screen offers, `Session.ways_back`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..care.words import (
    JOURNAL_KEPT_EITHER_WAY,
    NOT_FOR_NOW,
    SUPPORT_TYPED,
    WHAT_IT_IS_NOT,
    WHAT_THIS_IS,
    YOUR_PACE_TYPED,
    full_stop,
    go_on_from,
    welcome_back_lead,
)
from ..i18n import _
from .asides import way_back
from .terminal import Terminal
from .text import paragraphs

if TYPE_CHECKING:
    from ..progress.session import Session


def arrive(
    terminal: Terminal,
    session: Session,
    notices: tuple[str, ...],
    command: Callable[[str], str | None],
    attempt: Callable[[Callable[[], object]], None],
) -> None:
    """Welcome the reader and begin, or bring them back the way they choose. `command` carries out
    a command typed at a "press Enter" prompt; `attempt` takes a step, saying if it failed."""
    if session.is_new:
        terminal.say(
            session.story.title,
            *(paragraphs(session.story.welcome) if session.story.welcome else (WHAT_THIS_IS,)),
            WHAT_IT_IS_NOT,
            f"{NOT_FOR_NOW} {SUPPORT_TYPED}",
            YOUR_PACE_TYPED,
            *notices,
        )
        while True:
            terminal.line(_("Press Enter to begin."))
            if command(terminal.ask()) is None:
                break
        session.start()
        return
    scene = session.story.scenes[session.state.scene]
    lead = welcome_back_lead(ended=scene.end, paused=scene.pause)
    on = session.way_on
    terminal.say(
        session.story.title,
        _("Welcome back. {lead} {place}{full_stop}").format(
            lead=lead, place=session.place(), full_stop=full_stop(session.place())
        ),
        *([go_on_from(session.place(on))] if on else []),
        *notices,
        *session.notes,
        JOURNAL_KEPT_EITHER_WAY,
    )
    way = way_back(terminal, session.ways_back(), command)
    attempt(lambda: session.come_back(way))
    session.start()
