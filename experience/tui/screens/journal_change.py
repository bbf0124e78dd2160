"""Changing one answer of the journal: writing it again, or deleting it once the reader confirms.

Both are small modal screens over the journal. Neither changes anything itself: each is
dismissed with what the reader decided (the new words, or yes), and the journal screen asks the
session to do it. Keep it / Cancel has the focus first, so that a stray Enter never deletes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ...care.journal_words import DELETE_LEAD, DELETE_TITLE, EDIT_EMPTY, EDIT_LEAD, EDIT_TITLE
from ...i18n import N_, _
from ...story.safe_text import terminal_safe
from ..content import as_content
from ..widgets.footer import KeyFooter
from ..widgets.reflect import answer_area_class

if TYPE_CHECKING:
    from ...progress.journal import Entry

CSS = Path(__file__).with_name("journal.tcss")  # the journal's look, and these screens'


class EditAnswerScreen(ModalScreen[str | None]):
    """Dismissed with the answer's new words, or None to keep it as it was."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save changes")),
        Binding("escape", "cancel", N_("Keep as it was")),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self._entry = entry
        self._shown = terminal_safe(entry.answer)  # the area shows what it holds as it is (reflect.py)

    def compose(self) -> ComposeResult:
        with Vertical(id="change"):
            yield Static(str(EDIT_TITLE), classes="title", markup=False)
            yield Static(as_content(self._entry.prompt), classes="prompt")
            yield answer_area_class()(self._shown, id="new-answer", soft_wrap=True, compact=True)
            yield Static(str(EDIT_LEAD), classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Save changes"), id="save", variant="primary", compact=True)
                yield Button(_("Keep as it was"), id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self.app.bell()
            self.notify(str(EDIT_EMPTY), timeout=5, markup=False)
            return
        self.dismiss(None if text == self._shown else text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Dismissed with True to delete the answer, False to keep it."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("escape", "keep", N_("Keep it")),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self._entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(id="change"):
            yield Static(str(DELETE_TITLE), classes="title", markup=False)
            yield Static(as_content(self._entry.prompt), classes="prompt")
            yield Static(as_content(self._entry.answer), classes="answer")
            yield Static(str(DELETE_LEAD), classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Keep it"), id="keep", compact=True)
                yield Button(_("Delete"), id="delete", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_keep(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#keep")
    def _keep_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    @on(Button.Pressed, "#delete")
    def _delete_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)
