"""What the server draws on a tab itself: every row placed and painted, the words in the middle."""

from __future__ import annotations

import re

import pytest

from experience.workshop import notices
from experience.workshop.notices import Notice

from .webclient import readable

ALL = [value for value in vars(notices).values() if isinstance(value, Notice)]


@pytest.mark.parametrize("notice", ALL, ids=lambda notice: notice.heading)
def test_a_notice_says_its_heading_and_its_words_and_nothing_else(notice):
    assert readable(notice.draw(100, 30).decode()).strip() == f"{notice.heading} {notice.words}"


def test_a_notice_places_every_row_itself_and_never_relies_on_a_line_feed():
    drawn = notices.STOPPED.draw(80, 24).decode()
    assert "\n" not in drawn
    assert [int(row) for row in re.findall(r"\x1b\[(\d+);1H", drawn)] == list(range(1, 25))


def test_a_notice_first_undoes_what_a_session_left_on_the_terminal():
    drawn = notices.NOT_STARTED.draw(80, 24).decode()
    assert drawn.startswith(notices.RESET)
    assert "\x1b[?1003l" in notices.RESET  # the mouse no longer reports to no one


def test_the_heading_is_in_the_middle_of_the_tab():
    rows = notices.FULL.draw(80, 24).decode().split("\x1b[")
    heading_row = next(n for n, part in enumerate(rows) if notices.FULL.heading in part)
    assert 0.3 < heading_row / len(rows) < 0.7
