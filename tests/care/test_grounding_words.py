"""The breath's rhythm and the senses exercise, as words and numbers, before any screen."""

from __future__ import annotations

import pytest

from experience.care.grounding import BREATHE_IN, BREATHE_OUT, CYCLE, IN_SECONDS, SENSES, STILL_BREATH, breath_at
from experience.tui.widgets.breath import WIDEST, frame


def test_the_breath_is_four_seconds_in_and_six_out():
    assert IN_SECONDS == 4 and CYCLE == 10
    assert breath_at(0) == (str(BREATHE_IN), 0)
    assert breath_at(2)[0] == str(BREATHE_IN) and breath_at(5)[0] == str(BREATHE_OUT)


def test_the_breath_fills_on_the_way_in_and_empties_on_the_way_out():
    assert breath_at(4)[1] == pytest.approx(1)
    assert breath_at(9.99)[1] == pytest.approx(0, abs=1e-3)
    ins = [breath_at(t / 10)[1] for t in range(40)]
    outs = [breath_at(4 + t / 10)[1] for t in range(60)]
    assert ins == sorted(ins) and outs == sorted(outs, reverse=True)


def test_the_breath_repeats_every_ten_seconds():
    assert breath_at(13) == breath_at(3)


def test_the_pacer_grows_from_the_middle_and_never_wider_than_a_breath():
    empty, full = frame(0, 80).plain.splitlines(), frame(4, 80).plain.splitlines()
    assert str(BREATHE_IN) in empty[0]
    assert empty[1].strip("─ ") == "━━" and full[1].strip().count("━") == WIDEST
    left, right = empty[1].index("━"), len(empty[1].rstrip()) - empty[1].rstrip().rindex("━") - 1
    assert abs(left - (80 - len(empty[1].rstrip()) + right)) <= 1  # centred


def test_the_pacer_fits_a_narrow_window():
    assert max(len(line) for line in frame(4, 20).plain.splitlines()) <= 20


def test_the_senses_go_from_five_to_one():
    assert [str(title).split()[0] for title, _ in SENSES] == ["Five", "Four", "Three", "Two", "One"]


def test_the_still_breath_gives_a_count_to_follow():
    assert "four" in str(STILL_BREATH[0]) and "six" in str(STILL_BREATH[1])
