"""The reader's own answers, by chapter in journey order, exactly as they were typed; then the
letter the story wrote them. Each answer can be changed (e) or deleted (d, after a confirmation),
through the session, which changes the story's copies of it too. Anything in them that would act
on the terminal is shown as a placeholder (see tui/content.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...care.journal_words import JOURNAL_HOW_KEYS, changed, deleted
from ...i18n import N_, _
from ...progress.store import StoreError
from ...progress.words import Unopenable
from ..content import as_content
from ..contract import PlayerScreen
from ..widgets.entry import EntryCard, LetterCard
from ..widgets.footer import KeyFooter
from .journal_change import CSS, ConfirmDeleteScreen, EditAnswerScreen

SCROLL_LINES = 3  # how far an arrow scrolls through a card taller than the window


class JournalScreen(PlayerScreen[None]):
    CSS_PATH = CSS
    BINDINGS = [
        Binding("escape", "close", N_("Back to the story")),
        Binding("j", "close", N_("Back to the story"), show=False),
        Binding("up", "move(-1)", show=False, priority=True),  # before the scroll's own arrows
        Binding("down", "move(1)", show=False, priority=True),
        Binding("e", "edit", N_("Change")),
        Binding("d", "delete", N_("Delete")),
        Binding("delete", "delete", show=False),
    ]

    def compose(self) -> ComposeResult:
        journal = self.session.kept()
        with Vertical(id="page"):
            yield Static(
                Content.assemble(
                    (_("Your journal"), "bold $text-primary"), "\n", (self.session.story.title, "$text-muted")
                ),
                id="journal-heading",
            )
            with VerticalScroll(id="entries", can_focus=False):
                if journal.empty:
                    yield Static(str(self.player.JOURNAL_EMPTY), classes="empty", markup=False)
                elif journal.chapters:
                    yield Static(str(JOURNAL_HOW_KEYS), classes="how", markup=False)
                for chapter in journal.chapters:
                    yield Static(as_content(chapter.title), classes="chapter")
                    for entry in chapter.entries:
                        yield EntryCard(entry)
                for letter in journal.letters:
                    yield LetterCard(letter)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._mark(-1)  # newest last, so start at the end: the letter, or the newest answer

    # -- moving between answers ---------------------------------------------------------------------
    def _cards(self) -> list[EntryCard | LetterCard]:
        return [card for card in self.query("EntryCard, LetterCard") if isinstance(card, (EntryCard, LetterCard))]

    def _mark(self, index: int) -> None:
        cards = self._cards()
        if cards:
            cards[max(-len(cards), min(index, len(cards) - 1))].focus()
        else:
            self.query_one("#entries", VerticalScroll).scroll_end(animate=False, immediate=True)

    def action_move(self, by: int) -> None:
        """The next answer up or down; a card taller than the window (a long letter) is scrolled
        through first, so that every line of it can be read with the arrows alone."""
        cards = self._cards()
        if not cards:
            return
        here = cards.index(self.focused) if self.focused in cards else len(cards) - 1
        scroll, card = self.query_one("#entries", VerticalScroll), cards[here].virtual_region
        top = round(scroll.scroll_y)
        bottom = top + scroll.scrollable_content_region.height
        if (by > 0 and card.bottom > bottom) or (by < 0 and card.y < top):
            scroll.scroll_relative(y=by * SCROLL_LINES, animate=False, immediate=True)
            return
        self._mark(max(0, min(here + by, len(cards) - 1)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return isinstance(self.focused, EntryCard)  # shown, and only there: on an answer
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    # -- changing one -----------------------------------------------------------------------------------
    def action_edit(self) -> None:
        card = self.focused
        if not isinstance(card, EntryCard):
            return
        entry = card.entry

        def edited(text: str | None) -> None:
            if text is None:
                return
            try:
                self.session.revise_entry(entry.id, text)
            except (StoreError, Unopenable, ValueError) as error:
                self.notify(
                    _("Your answer could not be changed ({error}). It is as it was.").format(error=error),
                    severity="warning",
                )
                return
            self.notify(changed(text), markup=False)
            self._redraw(entry.id)
            self.player.care_for(text)  # support at once, if the new words may mean a crisis

        self.app.push_screen(EditAnswerScreen(entry), edited)

    def action_delete(self) -> None:
        card = self.focused
        if not isinstance(card, EntryCard):
            return
        entry = card.entry
        position = self._cards().index(card)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                outcome = self.session.delete_entry(entry.id)
            except (StoreError, Unopenable) as error:
                self.notify(_("{error} Nothing was deleted.").format(error=error), severity="warning", markup=False)
                return
            self.notify(
                deleted(clean=outcome.clean, scrubbed=outcome.scrubbed),
                severity="information" if outcome.clean else "warning",
                markup=False,
            )
            self._redraw(None, position)

        self.app.push_screen(ConfirmDeleteScreen(entry), confirmed)

    def _redraw(self, entry_id: int | None, position: int = -1) -> None:
        """Draw the journal again as it is now, marking the same answer (or the one in its place)."""

        async def again() -> None:
            await self.recompose()
            cards = self._cards()
            ids = [card.entry.id if isinstance(card, EntryCard) else None for card in cards]
            here = ids.index(entry_id) if entry_id is not None and entry_id in ids else min(position, len(cards) - 1)
            self._mark(here)

        self.call_later(again)

    def action_close(self) -> None:
        self.dismiss()
