"""The join address as a QR code a phone can read off the projector, drawn in text.

Made by segno (a small, pure-Python QR library with no dependencies of its own). Two rows of the
code go into each line of text, with half blocks, so it stays square on a terminal's tall cells;
dark modules are drawn in the text colour on a light background (projector.py's styles fix both,
whatever the theme: phones read dark on light). A quiet margin of two modules is kept around it.
"""

from __future__ import annotations

BORDER = 2  # modules of quiet margin: less than the standard four, and phones read it well
HALVES = " ▀▄█"  # indexed by (top dark) + 2 * (bottom dark)


def qr_lines(text: str) -> list[str] | None:
    """The code of `text` as lines of half blocks, or None if it cannot be drawn here."""
    try:
        import segno
    except ImportError:  # an install without it still shows the address and the code, in words
        return None
    try:
        code = segno.make(text, error="m", micro=False)
    except (ValueError, segno.DataOverflowError):
        return None
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=BORDER)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(HALVES[top + 2 * bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    ]
