"""The line about real help, shown wherever a person might need it."""

from __future__ import annotations

from textual.widgets import Static

SUPPORT_TEXT = ("This is not therapy, and not help in a crisis. If you are in danger or in crisis, "
                "please contact your local emergency services or a crisis line near you.")


class SupportLine(Static):
    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(SUPPORT_TEXT, markup=False, id=id, classes=classes)
