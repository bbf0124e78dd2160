"""The room's shared state in rooms.db: gates, the timer, and anonymous counts."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from experience.workshop.room import (
    EXPIRES_AFTER,
    LOBBY,
    MESSAGE_LIMIT,
    MOMENT_SECONDS,
    SCHEMA,
    SCHEMA_VERSION,
    OtherStory,
    RoomError,
    Rooms,
)
from experience.workshop.timer import Timer


# -- the room -------------------------------------------------------------------------------------
def test_a_new_room_is_in_its_lobby_with_its_first_movements_time_set(rooms):
    room = rooms.ensure("tuesday", "A small room", first_minutes=10)
    assert room.open_movement == LOBBY and not room.begun
    assert room.timer == Timer(600, None, 0)
    assert not room.projector_counts


def test_opening_the_first_movement_begins_the_room(rooms):
    rooms.ensure("tuesday", "A small room")
    assert rooms.open_movement("tuesday", 0).begun


def test_ensuring_an_existing_room_leaves_it_as_it_was(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.open_movement("tuesday", 2)
    assert rooms.ensure("tuesday", "A small room").open_movement == 2


def test_a_room_paces_one_story_and_says_so_when_asked_for_another(rooms):
    rooms.ensure("tuesday", "A small room")
    with pytest.raises(OtherStory, match="“tuesday” is pacing “A small room”"):
        rooms.ensure("tuesday", "Another story")


def test_opening_a_gate_only_ever_moves_forward(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.open_movement("tuesday", 2)
    assert rooms.open_movement("tuesday", 1).open_movement == 2


def test_opening_a_movement_can_set_its_timer_in_the_same_step(rooms, clock):
    rooms.ensure("tuesday", "A small room")
    room = rooms.open_movement("tuesday", 1, Timer.set_to(900, start_at=clock()))
    assert room.open_movement == 1 and room.timer.running
    assert room.timer.remaining(clock() + 60) == 840


def test_beginning_a_room_again_closes_its_gates_and_forgets_who_was_there(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.open_movement("tuesday", 2)
    rooms.follow("tuesday", "short", {1})
    rooms.send_message("tuesday", "Five more minutes.")
    rooms.arrive("tuesday")
    room = rooms.reset("tuesday", "A small room", first_minutes=10)
    assert room.open_movement == LOBBY and room.joined == 0
    assert (room.route, room.skipped, room.message) == (None, frozenset(), "")
    assert rooms.counts("tuesday", 0).present == 0


def test_beginning_a_room_again_keeps_how_to_join_it(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.serve("tuesday", "http://192.168.1.5:8000", "KX7-M4P")
    room = rooms.reset("tuesday", "A small room")
    assert (room.join_url, room.join_code) == ("http://192.168.1.5:8000", "KX7-M4P")


def test_the_way_followed_and_the_movements_passed_over_are_kept(rooms):
    rooms.ensure("tuesday", "A small room")
    room = rooms.follow("tuesday", "short", {2, 1})
    assert room.route == "short" and room.skipped == {1, 2}


def test_a_message_is_kept_short_on_one_line_with_when_it_was_sent(rooms, clock):
    rooms.ensure("tuesday", "A small room")
    room = rooms.send_message("tuesday", "Five   more\nminutes." + " and" * 100)
    assert room.message.startswith("Five more minutes. and") and len(room.message) == MESSAGE_LIMIT
    assert room.message_at == clock()


def test_a_message_keeps_nothing_that_could_act_on_a_terminal(rooms):
    rooms.ensure("tuesday", "A small room")
    assert rooms.send_message("tuesday", "Five\x1b[2J more\x07 minutes.").message == "Five [2J more minutes."


def test_a_new_join_code_replaces_the_old_one(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.serve("tuesday", "http://192.168.1.5:8000", "KX7-M4P")
    assert rooms.set_code("tuesday", "ABC-DEF").join_code == "ABC-DEF"
    assert rooms.serve("tuesday", None, None).join_url is None


def test_a_room_file_of_the_first_version_is_brought_up_to_date_as_it_was(rooms_path):
    rooms_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(rooms_path)
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO rooms (name, story, open_movement, updated) VALUES ('tuesday', 'A small room', 1, 0)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    rooms = Rooms.open(rooms_path)
    try:
        room = rooms.get("tuesday")
        assert room.open_movement == 1 and room.begun and room.skipped == frozenset() and room.join_url is None
    finally:
        rooms.close()


def test_rooms_are_separate(rooms):
    rooms.ensure("tuesday", "A small room")
    rooms.ensure("thursday", "A small room")
    rooms.open_movement("tuesday", 1)
    assert rooms.get("thursday").open_movement == LOBBY


# -- surviving restarts ---------------------------------------------------------------------------
def test_the_room_and_its_running_timer_survive_closing_and_reopening(rooms_path, clock):
    first = Rooms.open(rooms_path, clock=clock)
    first.ensure("tuesday", "A small room")
    first.open_movement("tuesday", 1, Timer.set_to(900, start_at=clock()))
    first.close()
    clock.tick(300)
    again = Rooms.open(rooms_path, clock=clock)
    try:
        room = again.get("tuesday")
        assert room.open_movement == 1
        assert room.timer.running and room.timer.remaining(clock()) == 600
    finally:
        again.close()


def test_a_paused_timer_is_still_paused_after_reopening(rooms_path, clock):
    first = Rooms.open(rooms_path, clock=clock)
    first.ensure("tuesday", "A small room")
    first.set_timer("tuesday", Timer.set_to(900).start(clock()).pause(clock() + 100))
    first.close()
    clock.tick(5000)
    again = Rooms.open(rooms_path, clock=clock)
    try:
        assert again.get("tuesday").timer.remaining(clock()) == 800
    finally:
        again.close()


def test_two_connections_see_each_others_changes_at_once(rooms_path, clock):
    facilitator, participant = Rooms.open(rooms_path, clock=clock), Rooms.open(rooms_path, clock=clock)
    try:
        facilitator.ensure("tuesday", "A small room")
        facilitator.open_movement("tuesday", 1)
        assert participant.get("tuesday").open_movement == 1
    finally:
        facilitator.close()
        participant.close()


# -- the file ---------------------------------------------------------------------------------------
def test_the_room_file_is_private_and_in_wal_mode(rooms, rooms_path):
    rooms.ensure("tuesday", "A small room")
    assert stat.S_IMODE(rooms_path.stat().st_mode) == 0o600
    assert rooms.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert rooms.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_room_file_from_a_newer_version_is_refused_not_rewritten(rooms_path):
    rooms_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(rooms_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RoomError, match="newer version"):
        Rooms.open(rooms_path)


def test_a_file_that_is_not_a_database_is_explained(rooms_path):
    rooms_path.parent.mkdir(parents=True)
    rooms_path.write_bytes(b"this is not a database, just some words" * 100)
    with pytest.raises(RoomError, match="cannot be used"):
        Rooms.open(rooms_path)


# -- who is here --------------------------------------------------------------------------------------
def test_the_facilitator_sees_counts_and_nothing_else(rooms):
    rooms.ensure("tuesday", "A small room")
    tokens = [rooms.arrive("tuesday") for _ in range(4)]
    rooms.report(tokens[0], "tuesday", movement=0, waiting=False, ended=False)
    rooms.report(tokens[1], "tuesday", movement=0, waiting=True, ended=False)
    rooms.report(tokens[2], "tuesday", movement=0, waiting=True, ended=False)
    rooms.report(tokens[3], "tuesday", movement=1, waiting=False, ended=False)
    counts = rooms.counts("tuesday", 0)
    assert (counts.present, counts.waiting, counts.ended) == (4, 2, 0)
    assert counts.by_movement == {0: 3, 1: 1}


def test_presence_rows_hold_no_names_scenes_or_words(rooms):
    columns = [row[1] for row in rooms.conn.execute("PRAGMA table_info(presence)")]
    assert columns == [
        "token",
        "room",
        "movement",
        "waiting",
        "ended",
        "last_seen",
        "pausing",
        "stepped_out",
        "moment",
    ]


def test_everyone_who_joins_is_counted_as_a_number_even_after_they_leave(rooms):
    rooms.ensure("tuesday", "A small room")
    for token in [rooms.arrive("tuesday") for _ in range(3)]:
        rooms.leave(token)
    assert rooms.get("tuesday").joined == 3 and rooms.counts("tuesday", 0).present == 0


def test_pausing_stepping_out_and_asking_for_a_moment_are_counted(rooms, clock):
    rooms.ensure("tuesday", "A small room")
    first, second, third = (rooms.arrive("tuesday") for _ in range(3))
    rooms.report(first, "tuesday", movement=0, waiting=False, ended=False, pausing=True, moment=clock())
    rooms.report(second, "tuesday", movement=0, waiting=False, ended=False, stepped_out=True)
    rooms.report(third, "tuesday", movement=0, waiting=False, ended=False, moment=clock() - MOMENT_SECONDS - 1)
    counts = rooms.counts("tuesday", 0)
    assert (counts.pausing, counts.stepped_out, counts.moments) == (1, 1, 1)  # the third's moment has faded


def test_waiting_at_a_gate_already_opened_is_not_counted_as_waiting(rooms):
    rooms.ensure("tuesday", "A small room")
    token = rooms.arrive("tuesday")
    rooms.report(token, "tuesday", movement=0, waiting=True, ended=False)
    assert rooms.counts("tuesday", 1).waiting == 0  # the gate opened; they are on their way


def test_a_participant_who_leaves_is_no_longer_counted(rooms):
    rooms.ensure("tuesday", "A small room")
    token = rooms.arrive("tuesday")
    rooms.leave(token)
    assert rooms.counts("tuesday", 0).present == 0


def test_a_participant_who_stops_sending_heartbeats_expires(rooms, clock):
    rooms.ensure("tuesday", "A small room")
    rooms.arrive("tuesday")  # this one falls quiet
    lively = rooms.arrive("tuesday")
    clock.tick(EXPIRES_AFTER - 1)
    rooms.report(lively, "tuesday", movement=0, waiting=False, ended=False)
    clock.tick(2)
    assert rooms.counts("tuesday", 0).present == 1


def test_long_departed_rows_are_deleted(rooms, clock):
    rooms.ensure("tuesday", "A small room")
    rooms.arrive("tuesday")
    clock.tick(100 * EXPIRES_AFTER)
    rooms.forget_departed()
    assert rooms.conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 0


def test_endings_are_counted(rooms):
    rooms.ensure("tuesday", "A small room")
    token = rooms.arrive("tuesday")
    rooms.report(token, "tuesday", movement=2, waiting=False, ended=True)
    assert rooms.counts("tuesday", 2).ended == 1
