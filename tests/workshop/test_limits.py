"""What the server allows each tab, as plain rules: sizes, input, places and join-code guesses.
(The same rules end to end, with real tabs and sessions, are in test_serve_attacks.py.)"""

from __future__ import annotations

import pytest

from experience.workshop.limits import (
    AFTER_JOINING,
    BEFORE_JOINING,
    COLUMNS,
    LONGEST_KEY,
    LONGEST_WAIT,
    PASTE_END,
    PASTE_START,
    ROWS,
    Allowance,
    Guesses,
    Places,
    clamp_size,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- sizes ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("columns", "rows", "expected"),
    [
        ("100", "30", (100, 30)),
        (2000, 1000, (COLUMNS[1], ROWS[1])),
        ("2000", "1000", (COLUMNS[1], ROWS[1])),
        (-5, 0, (COLUMNS[0], ROWS[0])),
        ("1e9", "nan", (COLUMNS[1], 24)),
        (None, [30], (80, 24)),
        (True, {"rows": 1}, (80, 24)),
        (10**400, 1.5e308, (COLUMNS[1], ROWS[1])),
        ("inf", "-inf", (80, 24)),
    ],
    ids=[
        "as typed",
        "huge",
        "huge in the query",
        "negative",
        "not numbers",
        "not values",
        "not sizes",
        "vast",
        "infinite",
    ],
)
def test_every_size_a_browser_sends_is_kept_within_sensible_bounds(columns, rows, expected):
    assert clamp_size(columns, rows) == expected


# -- input ------------------------------------------------------------------------------------------------
def test_a_key_and_a_mouse_report_go_through():
    allowance = Allowance(BEFORE_JOINING, Clock())
    assert allowance.admit("k")
    assert allowance.admit("\x1b[<35;10;5M")


def test_a_long_run_of_keys_in_one_message_is_left_out():
    allowance = Allowance(AFTER_JOINING, Clock())
    assert not allowance.admit("A" * (LONGEST_KEY + 1))
    assert not allowance.admit("A" * 262144)


def test_a_paste_is_one_piece_of_input_up_to_its_limit():
    allowance = Allowance(AFTER_JOINING, Clock())
    assert allowance.admit(PASTE_START + "a whole paragraph. " * 100 + PASTE_END)
    assert not allowance.admit(PASTE_START + "x" * (AFTER_JOINING.paste + 1) + PASTE_END)


def test_before_joining_only_a_short_paste_is_taken():
    allowance = Allowance(BEFORE_JOINING, Clock())
    assert allowance.admit(PASTE_START + "KX7-M4P" + PASTE_END)
    assert not allowance.admit(PASTE_START + "x" * 1000 + PASTE_END)


def test_a_flood_is_cut_off_and_a_person_typing_is_not():
    clock = Clock()
    allowance = Allowance(BEFORE_JOINING, clock)
    taken = sum(allowance.admit("a") for _ in range(10_000))
    assert taken == BEFORE_JOINING.burst  # a moment's worth, then nothing more at once
    for _ in range(50):  # then someone types, ten keys a second, for five seconds
        clock.now += 0.1
        assert allowance.admit("a")


def test_many_keys_in_one_message_count_as_many():
    allowance = Allowance(BEFORE_JOINING, Clock())
    taken = sum(allowance.admit("a" * LONGEST_KEY) for _ in range(100))
    assert taken == int(BEFORE_JOINING.burst // LONGEST_KEY)


# -- places -----------------------------------------------------------------------------------------------
def test_tabs_at_the_door_do_not_take_the_rooms_places():
    places = Places(2)
    waiting = [places.arrive("laptop-a", joined=False) for _ in range(3)]
    assert all(waiting)
    assert places.joined == 0 and places.arriving == 3
    assert places.arrive("laptop-b", joined=True) is not None
    assert places.arrive("laptop-c", joined=True) is not None
    assert places.arrive("laptop-d", joined=True) is None  # the room itself is full


def test_one_computer_can_hold_only_a_few_tabs_at_the_door():
    places = Places(30, per_client=4)
    assert all(places.arrive("laptop-a", joined=False) for _ in range(4))
    assert places.arrive("laptop-a", joined=False) is None
    assert places.arrive("laptop-b", joined=False) is not None


def test_the_door_has_a_limit_of_its_own():
    places = Places(3, arriving=5, per_client=100)
    assert all(places.arrive(f"laptop-{n}", joined=False) for n in range(5))
    assert places.arrive("laptop-x", joined=False) is None


def test_joining_moves_a_place_from_the_door_into_the_room_unless_the_room_filled_meanwhile():
    places = Places(1)
    first, second = places.arrive("a", joined=False), places.arrive("b", joined=False)
    assert first is not None and second is not None
    assert first.join() and places.joined == 1 and places.arriving == 1
    assert not second.join()
    first.leave()
    assert second.join()


def test_leaving_frees_the_place_once():
    places = Places(1)
    place = places.arrive("a", joined=True)
    assert place is not None
    place.leave()
    place.leave()
    assert places.joined == 0
    door = places.arrive("a", joined=False)
    assert door is not None
    door.leave()
    door.leave()
    assert places.arriving == 0


# -- guesses ----------------------------------------------------------------------------------------------
def test_each_wrong_code_makes_that_computer_wait_longer():
    clock = Clock()
    guesses = Guesses(clock=clock)
    assert guesses.wait("a") == 0
    waits = []
    for _ in range(8):
        guesses.wrong("a")
        waits.append(guesses.wait("a"))
        clock.now += waits[-1]
    assert waits == [1, 2, 4, 8, 16, LONGEST_WAIT, LONGEST_WAIT, LONGEST_WAIT]
    assert guesses.wait("b") == 0  # another computer is not made to wait for it


def test_the_right_code_forgets_that_computers_wrong_tries():
    clock = Clock()
    guesses = Guesses(clock=clock)
    guesses.wrong("a")
    guesses.wrong("a")
    guesses.right("a")
    assert guesses.wait("a") == 0


def test_the_whole_room_has_a_limit_on_wrong_codes():
    clock = Clock()
    guesses = Guesses(clock=clock, room=(3, 60.0))
    for n in range(3):
        guesses.wrong(f"laptop-{n}")
        clock.now += 1
    assert guesses.wait("laptop-new") == pytest.approx(57.0)
    clock.now += 57
    assert guesses.wait("laptop-new") == 0
