"""The facilitator's timer: a value worked out from the clock, so it reads the same everywhere."""

from __future__ import annotations

from experience.workshop.timer import Timer, clock, overrun

T0 = 1000.0


def test_a_timer_set_and_not_started_keeps_all_its_time():
    timer = Timer.set_to(25 * 60)
    assert not timer.running
    assert timer.remaining(T0 + 600) == 25 * 60


def test_a_running_timer_counts_down_with_the_clock():
    timer = Timer.set_to(600).start(T0)
    assert timer.running
    assert timer.remaining(T0 + 90) == 510


def test_pausing_keeps_the_time_left_until_it_starts_again():
    timer = Timer.set_to(600).start(T0).pause(T0 + 100)
    assert timer.remaining(T0 + 5000) == 500
    assert timer.start(T0 + 5000).remaining(T0 + 5060) == 440


def test_toggle_starts_a_paused_timer_and_pauses_a_running_one():
    timer = Timer.set_to(60)
    assert timer.toggle(T0).running
    assert not timer.toggle(T0).toggle(T0 + 1).running


def test_starting_a_running_timer_changes_nothing():
    timer = Timer.set_to(60).start(T0)
    assert timer.start(T0 + 30) == timer


def test_extending_adds_five_minutes_whether_running_or_not():
    assert Timer.set_to(60).extend().remaining(T0) == 360
    assert Timer.set_to(60).start(T0).extend().remaining(T0 + 60) == 300


def test_time_past_the_end_is_negative_and_said_in_words():
    timer = Timer.set_to(60).start(T0)
    assert timer.remaining(T0 + 200) == -140
    assert overrun(-140) == "Time is up · 2 min over"
    assert overrun(-10) == "Time is up"
    assert overrun(5) is None


def test_the_clock_face_reads_like_a_kitchen_timer():
    assert clock(25 * 60) == "25:00"
    assert clock(245) == "4:05"
    assert clock(3723) == "1:02:03"
    assert clock(0.2) == "0:01"
    assert clock(0) == "0:00"
    assert clock(-30) == "0:00"
