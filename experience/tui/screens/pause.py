"""A pause: a breath to follow, or the senses one at a time; then back exactly where one was.

The screen sits on top of whatever the reader was doing and changes nothing underneath: the
scene, the scroll position and any half-written answer wait as they were. It opens on the breath
(the quickest way to settle), and offers the senses (5-4-3-2-1) as a second way. The senses move
on only when the reader presses Enter: nothing here is timed. The words are in `care.grounding`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from ...care.grounding import SENSES, SENSES_CLOSING, SENSES_INTRO, STILLNESS
from ...i18n import N_, _, lazy
from ..widgets.breath import Breath
from ..widgets.footer import KeyFooter
from ..widgets.support import SupportHint

BREATHING, NOTICING = "breathing", "noticing"
RETURNING = lazy(
    "When you are ready, press Enter or Esc to go back; everything is where you left it. "
    "Or press n to notice what is around you, one sense at a time."
)
NEXT_HINT = lazy("Press Enter when you are ready for the next one. Esc goes back to where you were.")
LAST_HINT = lazy("Press Enter to go back to where you were, or b to breathe a little longer.")


class PauseScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "return", N_("Return")),
        Binding("enter", "next", N_("Next"), key_display="enter"),
        Binding("enter", "return", N_("Return"), show=False),
        Binding("n", "notice", N_("Senses")),
        Binding("b", "breathe", N_("Breathe")),
        Binding("p", "return", N_("Return"), show=False),
        Binding("up", "scroll(-1)", show=False),
        Binding("down", "scroll(1)", show=False),
    ]

    exercise: reactive[str] = reactive(BREATHING, init=False)
    step: reactive[int] = reactive(0, init=False)
    """Which sense the reader has reached: 0 to 4, and len(SENSES) for the closing words."""

    def compose(self) -> ComposeResult:
        with Center(id="pause-center"):
            with VerticalScroll(id="pause", can_focus=False):
                yield Static(_("A pause"), classes="title", id="pause-title")
                with ContentSwitcher(initial=BREATHING, id="exercise"):
                    with Vertical(id=BREATHING):
                        yield Breath(id="breath")
                        yield Static(str(STILLNESS), classes="body", markup=False)
                        yield Static(str(RETURNING), classes="hint", markup=False)
                    with Vertical(id=NOTICING):
                        yield Static(str(SENSES_INTRO), classes="body", markup=False, id="senses-intro")
                        yield Static(id="sense-title", classes="sense-title")
                        yield Static(id="sense", classes="body")
                        yield Static(id="sense-hint", classes="hint", markup=False)
                yield SupportHint(classes="support")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        noticing = self.exercise == NOTICING
        if action == "next":
            return noticing and self.step < len(SENSES)
        if action == "notice":
            return not noticing
        if action == "breathe":
            return noticing
        return True

    # -- the two exercises ----------------------------------------------------------------------
    def action_notice(self) -> None:
        self.step = 0
        self.exercise = NOTICING

    def action_breathe(self) -> None:
        self.exercise = BREATHING

    def action_next(self) -> None:
        if self.step < len(SENSES):
            self.step += 1

    def watch_exercise(self, exercise: str) -> None:
        self.query_one(ContentSwitcher).current = exercise
        self.query_one("#pause-title", Static).update(
            _("A pause") if exercise == BREATHING else _("A pause: your senses")
        )
        self._show_step()
        self.refresh_bindings()

    def watch_step(self) -> None:
        self._show_step()
        self.refresh_bindings()

    def _show_step(self) -> None:
        step = self.step
        self.query_one("#senses-intro").display = step == 0
        if step < len(SENSES):
            title, words = SENSES[step]
            self.query_one("#sense-title", Static).update(
                Content(_("{value} of {len}  ·  {title}").format(value=step + 1, len=len(SENSES), title=title))
            )
            self.query_one("#sense", Static).update(Content(str(words)))
            self.query_one("#sense-hint", Static).update(Content(str(NEXT_HINT)))
        else:
            self.query_one("#sense-title", Static).update(Content(_("And now")))
            self.query_one("#sense", Static).update(Content(str(SENSES_CLOSING)))
            self.query_one("#sense-hint", Static).update(Content(str(LAST_HINT)))

    # -- leaving ----------------------------------------------------------------------------------
    def action_scroll(self, direction: int) -> None:
        scroll = self.query_one("#pause", VerticalScroll)
        (scroll.scroll_down if direction > 0 else scroll.scroll_up)(animate=False)

    def action_return(self) -> None:
        self.dismiss()
