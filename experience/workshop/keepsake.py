"""The journal a participant takes home: their answers as a Markdown file, delivered to their
own browser, because nothing they wrote stays on the host once their session ends.

It is made from the session's journal only when they ask for it, and it goes straight to their
browser; it is never written to a file on the host.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..progress.session import Session

FILE_NAME = "my-journal.md"
MIME_TYPE = "text/markdown"


def journal_markdown(session: "Session", *, today: datetime | None = None) -> str:
    day = (today or datetime.now(timezone.utc)).astimezone().strftime("%d %B %Y").lstrip("0")
    out = [f"# My journal: {session.story.title}", "", f"Written on {day}. These words are yours alone.", ""]
    groups = session.journal_by_chapter()
    if not groups:
        out += ["(Nothing was written this time, and that is all right too.)", ""]
    for title, entries in groups:
        out += [f"## {title}", ""]
        for entry in entries:
            out += [f"> {line}" if line else ">" for line in entry.prompt.splitlines() or [""]]
            out += ["", entry.answer.strip(), ""]
    return "\n".join(out).rstrip() + "\n"
