"""The sitting's clock: a break is suggested once, after about twenty minutes of active time."""

from __future__ import annotations

from experience.care.pacing import BREAK_AFTER, Sitting


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += minutes * 60


def sitting(clock: Clock, **kwargs) -> Sitting:
    return Sitting(clock=clock, **kwargs)


def test_the_default_is_about_twenty_minutes():
    assert BREAK_AFTER == 20 * 60


def test_nothing_is_due_before_the_story_begins():
    clock = Clock()
    s = sitting(clock)
    clock.wait(60)
    assert not s.break_due()


def test_a_break_is_due_after_twenty_minutes_of_activity():
    clock = Clock()
    s = sitting(clock)
    s.begin()
    clock.wait(19)
    assert not s.break_due()
    clock.wait(1)
    assert s.break_due()


def test_a_break_is_suggested_only_once_a_sitting():
    clock = Clock()
    s = sitting(clock)
    s.begin()
    clock.wait(21)
    assert s.break_due()
    clock.wait(60)
    assert not s.break_due()


def test_time_spent_pausing_is_rest_not_activity():
    clock = Clock()
    s = sitting(clock, rest_that_counts=10 * 60)
    s.begin()
    clock.wait(15)
    s.rest()
    clock.wait(8)  # a pause shorter than a real break
    s.resume()
    assert s.active == 15 * 60
    clock.wait(4)
    assert not s.break_due()
    clock.wait(1)
    assert s.break_due()


def test_a_long_enough_pause_is_a_break_and_the_count_starts_again():
    clock = Clock()
    s = sitting(clock)
    s.begin()
    clock.wait(18)
    s.rest()
    clock.wait(2)
    s.resume()
    clock.wait(5)
    assert s.active == 5 * 60
    assert not s.break_due()


def test_resuming_without_resting_changes_nothing():
    clock = Clock()
    s = sitting(clock)
    s.begin()
    clock.wait(3)
    s.resume()
    assert s.active == 3 * 60 and not s.resting
