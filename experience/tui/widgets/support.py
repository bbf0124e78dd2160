"""The line about where support is, shown wherever a person might need it, and the full support text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from ...care.support import PEOPLE_TO_TALK_TO, SupportLine, checked_note, load_support, sections
from ...care.words import SUPPORT_KEYS
from ...i18n import _


class SupportHint(Static):
    """The one line about real help, under a pause or an arrival: which key shows the support lines."""

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(str(SUPPORT_KEYS), markup=False, id=id, classes=classes)


class SupportText(Vertical):
    """Emergency advice and support lines from the package's `support.yaml`, as written there,
    then the note for a relationship that frightens or controls, with the services for that.

    Drawn from the same data as the text printed to the terminal after stepping out
    (`care.support.as_text`), so what the reader saw on the screen stays in their scrollback once
    the window has closed. Here each line sits under its region, so that a long one still reads well when it wraps.
    """

    def __init__(self, *, harm_first: bool = False, numbers: bool = True) -> None:
        super().__init__()
        self.harm_first = harm_first  # the services for a relationship that frightens, first
        self.numbers = numbers  # False where the numbers are shown above, on their own

    def compose(self) -> ComposeResult:
        support = load_support()
        yield Static(Content(support.advice), classes="advice")
        if self.numbers and support.emergency:
            yield EmergencyNumbers()
        for heading, lines in sections(support, harm_first=self.harm_first):
            safety = "" if heading == str(PEOPLE_TO_TALK_TO) else " safety"
            yield Static(Content.styled(heading, "bold"), classes="lines-heading" + safety)
            yield from _lines(lines)
        if support.oldest_check:
            yield Static(Content(checked_note(support.oldest_check)), classes="checked")


def _lines(lines: tuple[SupportLine, ...]) -> ComposeResult:
    """Each line under its region, named once for the lines of that region that come together."""
    region = None
    for line in lines:
        if line.region != region:
            region = line.region
            yield Static(Content.styled(region, "bold"), classes="region")
        yield Static(Content(f"{line.name}. {line.how_to_reach}"), classes="line")


class EmergencyNumbers(Static):
    """The emergency numbers on one line, which even the smallest window shows without scrolling."""

    def __init__(self) -> None:
        numbers = "; ".join(f"{n.region} {n.number}" for n in load_support().emergency)
        super().__init__(Content.assemble((_("Emergency numbers: "), "bold"), numbers, "."), classes="numbers")


class SupportButton(Button):
    """Support as something to touch or click, where a key cannot be pressed (a phone's browser,
    whose keyboard has no f1 and whose screen may cut the footer): it does what f1 does."""

    def __init__(self, *, id: str | None = "support-button") -> None:
        super().__init__(_("Support"), id=id, compact=True, tooltip=_("Emergency numbers and crisis lines"))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.app.run_action("support")
