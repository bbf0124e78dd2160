"""The join address as a QR code on the projector: the same code segno makes, two rows a line."""

from __future__ import annotations

import pytest

from experience.workshop.qr import BORDER, HALVES, qr_lines

segno = pytest.importorskip("segno")


def modules_of(lines: list[str]) -> list[list[bool]]:
    """The dark and light modules the half blocks draw, read back row by row."""
    rows: list[list[bool]] = []
    for line in lines:
        cells = [HALVES.index(ch) for ch in line]
        rows += [[bool(c & 1) for c in cells], [bool(c & 2) for c in cells]]
    return rows


def test_the_lines_draw_exactly_the_code_segno_makes_with_its_quiet_margin():
    url = "http://192.168.1.23:8000"
    expected = [[bool(m) for m in row] for row in segno.make(url, error="m", micro=False).matrix_iter(border=BORDER)]
    drawn = modules_of(qr_lines(url))
    assert drawn[: len(expected)] == expected
    assert not any(drawn[len(expected) :][0]) if len(drawn) > len(expected) else True  # a light row to even it up


def test_a_line_is_as_wide_as_the_code_and_half_as_tall():
    lines = qr_lines("http://192.168.1.23:8000")
    size = segno.make("http://192.168.1.23:8000", error="m", micro=False).symbol_size(border=BORDER)[0]
    assert {len(line) for line in lines} == {size} and len(lines) == (size + 1) // 2
