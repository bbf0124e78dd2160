"""The line about real help, shown wherever a person might need it, and the full support text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...care.support import load_support

SUPPORT_TEXT = (
    "This is not therapy, and not help in a crisis. If you are in danger, please call "
    "your local emergency number. Press s at any time to see where to find support."
)


class SupportHint(Static):
    """The one line about real help, under a pause or an arrival: not therapy, and where to turn."""

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(SUPPORT_TEXT, markup=False, id=id, classes=classes)


class SupportText(Vertical):
    """Emergency advice and support lines from the package's `support.yaml`, as written there.

    Drawn from the same data as the text printed to the terminal after stepping out
    (`care.support.as_text`), so what the reader saw on the screen stays in their scrollback once
    the window has closed. Here each line sits under its region, so that a long one still reads well when it wraps.
    """

    def compose(self) -> ComposeResult:
        support = load_support()
        yield Static(Content(support.advice), classes="advice")
        if support.emergency:
            numbers = "; ".join(f"{n.region} {n.number}" for n in support.emergency)
            yield Static(Content.assemble(("Emergency numbers: ", "bold"), numbers, "."), classes="numbers")
        if support.lines:
            yield Static(
                Content.styled("People you can talk to, free and in confidence:", "bold"), classes="lines-heading"
            )
            for line in support.lines:
                yield Static(Content.styled(line.region, "bold"), classes="region")
                yield Static(Content(f"{line.name}. {line.how_to_reach}"), classes="line")
        if support.oldest_check:
            yield Static(
                Content(
                    f"Checked {support.oldest_check.isoformat()}. Numbers change: if one does not "
                    "work, findahelpline.com or your local emergency number will."
                ),
                classes="checked",
            )
