"""A question from the story and a place to answer it, or to let it pass.

The box reports what the reader does through messages: `Saved` and `Skipped` when they decide,
and `DraftChanged` a moment after they stop typing, so that a draft can be kept and nothing
typed is lost if the window closes. It never saves anything itself.

The answer area (Textual's TextArea, the heaviest widget here) is made a moment after the first
scene has been drawn, not with the box: the program opens faster, and by the time a question
comes the area is there and takes the reader's keys at once. (A first scene that asks a question
makes it straight away.)

The area shows what it holds as it is, so nothing that would act on the terminal may get into it:
an earlier draft or answer is loaded, and a paste is inserted, through `terminal_safe` (an escape
sequence shows as ␛, and is kept as what is shown).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Static

from ...i18n import N_, _, lazy
from ...story.safe_text import terminal_safe
from ..content import as_content

if TYPE_CHECKING:
    from textual import events
    from textual.widgets import TextArea

PLACEHOLDER = lazy("Write as much or as little as you like. Only you will read it.")
AREA_AFTER = 0.4  # seconds after the box appears: the first scene is drawn by then

DRAFT_DELAY = 1.0  # seconds of quiet before a draft is kept
ANSWER_LINES = 3  # the least room to write in (the answer area's min-height in app.tcss)


class ReflectBox(Widget):
    BINDINGS = [Binding("ctrl+s", "save", N_("Save answer"))]

    class Saved(Message):
        def __init__(self, answer: str) -> None:
            super().__init__()
            self.answer = answer

    class Skipped(Message):
        pass

    class DraftChanged(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self._draft_timer: Timer | None = None
        self._kept = ""  # the text as it was last loaded or kept
        self._area: TextArea | None = None  # made on the first question: see the module's docstring
        self._prompt = ""

    def compose(self) -> ComposeResult:
        yield Static(id="prompt", markup=False)
        with Horizontal(id="reflect-buttons"):
            yield Button(_("Save to journal"), id="save", variant="primary", compact=True)
            yield Button(_("Skip"), id="skip", compact=True)

    def on_mount(self) -> None:
        self.set_timer(AREA_AFTER, self._area_in_good_time)  # once the first scene is on screen

    def _area_in_good_time(self) -> None:
        # The timer can fire just as the reader leaves (the app exiting, the screen taken down):
        # a box no longer attached makes nothing.
        if self.is_attached:
            self._answer_area()

    def _answer_area(self) -> TextArea:
        if self._area is None:
            self._area = answer_area_class()(
                id="answer", soft_wrap=True, compact=True, highlight_cursor_line=False, placeholder=str(PLACEHOLDER)
            )
            self.mount(self._area, after="#prompt")
        return self._area

    def least_height(self, width: int) -> int:
        """The rows the box needs at `width` to show its question, three lines to write in and
        its buttons, margins included: the scene's text never takes these."""
        prompt = self.query_one("#prompt", Static)
        lines = len(as_content(self._prompt).wrap(max(width, 1))) if self._prompt else 0
        buttons = self.query_one("#reflect-buttons")
        return (
            self.styles.margin.height
            + lines
            + prompt.styles.margin.height
            + ANSWER_LINES
            + buttons.styles.margin.height
            + 1
        )

    def ask(self, prompt: str, text: str = "", *, revising: bool = False) -> None:
        """Show a prompt, with what the reader wrote before (a draft or an earlier answer).

        `revising`: there is an earlier answer, which saving replaces and Skip keeps as it was.
        """
        self._prompt = prompt
        self.query_one("#prompt", Static).update(as_content(prompt))
        self._cancel_draft()
        text = terminal_safe(text)
        self._kept = text
        area = self._answer_area()
        area.load_text(text)
        area.move_cursor(area.document.end)
        self.query_one("#save", Button).label = _("Save changes") if revising else _("Save to journal")
        self.query_one("#skip", Button).label = _("Keep as it was") if revising else _("Skip")

    def focus_answer(self) -> None:
        area = self._answer_area()
        if area.is_mounted:
            area.focus()
        else:  # made this very moment, for a first scene that asks a question
            self.call_after_refresh(area.focus)

    @property
    def text(self) -> str:
        # still readable while the app closes and widgets are removed
        return self._area.text if self._area is not None else ""

    def action_save(self) -> None:
        self._cancel_draft()
        if self.text.strip():
            self.post_message(self.Saved(self.text))
        else:
            self.app.bell()
            self.notify(_("There is nothing written yet. You can also skip this question."), timeout=4)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._cancel_draft()
        self.post_message(self.Skipped())

    @property
    def unkept(self) -> str | None:
        """What the reader typed since it was last kept, or None if nothing changed."""
        text = self.text
        return None if text == self._kept else text

    def kept(self) -> None:
        """The screen kept the current text (as a draft or an answer)."""
        self._cancel_draft()
        self._kept = self.text

    def on_text_area_changed(self, event: Message) -> None:  # by name: no TextArea import needed
        event.stop()
        self._cancel_draft()
        if self.unkept is not None:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self._report_draft)

    def _report_draft(self) -> None:
        self._draft_timer = None
        if self.unkept is not None:
            self.post_message(self.DraftChanged(self.text))

    def _cancel_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None


@cache
def answer_area_class() -> type[TextArea]:
    """The answer area: Textual's TextArea, with pasted text made safe to show. Made on first use,
    with the area itself (see the module's docstring)."""
    from textual.widgets import TextArea

    class AnswerArea(TextArea):
        async def _on_paste(self, event: events.Paste) -> None:
            event.prevent_default()  # instead of TextArea's own, which inserts the text as it came
            if not self.read_only:
                result = self.replace(terminal_safe(event.text), *self.selection)
                self.move_cursor(result.end_location)
                self.focus()

    return AnswerArea
