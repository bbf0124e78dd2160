"""Gates: movements numbered as the run-sheet lists them; side paths are never gated."""

from __future__ import annotations

from experience.workshop.gate import closed_movement


def test_movements_are_numbered_in_the_order_a_reader_meets_them(movements):
    assert movements.names == ("Arriving", "Turning", "Home")
    assert movements.minutes == (10, 15, 5)


def test_each_scene_knows_its_movement(movements):
    assert movements.index_of("arriving/threshold") == 0
    assert movements.index_of("turning/inside") == 1
    assert movements.index_of("home/hearth") == 2


def test_the_pause_belongs_to_no_movement(movements):
    assert movements.index_of("pause/breath") is None


def test_a_scene_of_an_open_movement_is_not_held(movements):
    assert closed_movement(movements, 0, "arriving/settle") is None
    assert closed_movement(movements, 1, "turning/door") is None


def test_the_first_scene_of_a_closed_movement_is_held_at_its_gate(movements):
    assert closed_movement(movements, 0, "turning/door") == 1
    assert closed_movement(movements, 1, "home/hearth") == 2


def test_the_pause_is_never_held_whatever_is_open(movements):
    assert closed_movement(movements, 0, "pause/breath") is None


def test_an_unknown_scene_is_not_held(movements):
    assert closed_movement(movements, 0, "nowhere/at-all") is None
