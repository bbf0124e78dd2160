"""The journal a participant takes home: their answers as a Markdown file, delivered to their
own browser, because nothing they wrote stays on the host once their session ends.

It is the same letter to oneself that `experience journal export` writes at home (one way of
writing a person's words out, so they read exactly as typed everywhere), made from the
session's journal (with the story's letter, if they reached it) only when they ask for it, and
sent straight to their browser: it is never written to a file on the host.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..i18n import lazy
from ..privacy.letter import to_markdown

if TYPE_CHECKING:
    from ..progress.session import Session

FILE_NAME = "my-journal.md"
MIME_TYPE = "text/markdown"
ON_ITS_WAY = lazy("Your journal is on its way to your browser's downloads.")


def journal_markdown(session: Session, *, today: datetime | None = None) -> str:
    return to_markdown([session.kept()], exported_at=today or datetime.now(UTC))
