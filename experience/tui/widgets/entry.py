"""One answer in the journal, or the story's letter: a card the reader can move to and act on.

A card takes focus so that the keys that change an answer (e, d) act on the one marked, and the
footer shows them only there. The marked card is drawn with a bar at its left edge as well as a
shade, so it reads without colour too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...care.words import local_date
from ...i18n import _
from ..content import as_content
from .passage import Passage

if TYPE_CHECKING:
    from ...progress.journal import Entry
    from ...progress.keeping import Letter


class EntryCard(Vertical, can_focus=True):
    """An answer with its question and date; `entry` is what it shows."""

    def __init__(self, entry: Entry) -> None:
        super().__init__(classes="entry journal-card")
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        yield Static(as_content(entry.prompt), classes="prompt")
        yield Static(as_content(entry.answer), classes="answer")
        when = local_date(entry.created)
        if entry.updated[:16] != entry.created[:16]:
            when += _(", changed {local_date}").format(local_date=local_date(entry.updated))
        yield Static(Content(when), classes="date")


class LetterCard(Vertical, can_focus=True):
    """The letter the story assembled, as it reads now (Markdown, the reader's words escaped)."""

    def __init__(self, letter: Letter) -> None:
        super().__init__(classes="letter journal-card")
        self.letter = letter

    def compose(self) -> ComposeResult:
        yield Static(as_content(self.letter.title), classes="chapter")
        yield Passage(self.letter.markdown, classes="letter-text")
