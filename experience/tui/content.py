"""Text a person or an author wrote, as the full-screen player shows it.

Such text is always a `Content` built from the string, never Rich or Textual markup, so a `[b]`
in an answer or a title reads as written; and it passes `terminal_safe` first, so an escape
sequence in it (pasted into an answer in plain mode, written into a story file) is shown as a
placeholder such as ␛ instead of acting on the terminal. Every screen that shows such text
builds it here.
"""

from __future__ import annotations

from textual.content import Content

from ..story.safe_text import terminal_safe


def as_content(text: str, style: str = "") -> Content:
    """`text`, shown exactly as written (what would act on the terminal as a placeholder)."""
    safe = terminal_safe(text)
    return Content.styled(safe, style) if style else Content(safe)
