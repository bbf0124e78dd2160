"""The two commands a facilitator types, where they can go wrong before anything opens."""

from __future__ import annotations

from experience.cli import main
from experience.workshop.room import Rooms
from experience.workshop.serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT


def test_facilitating_a_room_that_paces_another_story_says_what_to_do(room_story_dir, tmp_path, capsys):
    rooms = Rooms.open(tmp_path / "host" / "rooms.db")
    rooms.ensure("tuesday", "Some other story")
    rooms.close()
    status = main(["facilitate", str(room_story_dir), "--room", "tuesday", "--data-dir", str(tmp_path / "host")])
    assert status == 1
    error = capsys.readouterr().err
    assert "“tuesday” is pacing “Some other story”" in error and "--fresh" in error


def test_a_room_name_must_be_printable(capsys):
    try:
        main(["facilitate", "--room", "   "])
    except SystemExit as exit:
        assert exit.code == 2
    assert "a room name is 1 to 64 printable characters" in capsys.readouterr().err


def test_a_port_must_be_a_port(capsys):
    try:
        main(["serve", "--port", "70000"])
    except SystemExit as exit:
        assert exit.code == 2
    assert "a port is a number from 1 to 65535" in capsys.readouterr().err


def test_serve_offers_the_servers_own_defaults(capsys):
    try:
        main(["serve", "--help"])
    except SystemExit as exit:
        assert exit.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for default in (DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_PARTICIPANTS):
        assert f"(default: {default}" in help_text


def test_facilitating_with_minutes_follows_the_plan_that_fits(tmp_path, monkeypatch):
    from experience.workshop.console import FacilitatorApp

    monkeypatch.setattr(FacilitatorApp, "run", lambda self: None)  # the console itself is tested with Pilot
    data_dir = tmp_path / "host"
    status = main(["facilitate", "--room", "tuesday", "--minutes", "90", "--data-dir", str(data_dir)])
    assert status == 0
    rooms = Rooms.open(data_dir / "rooms.db")
    try:
        room = rooms.get("tuesday")
        assert room.route == "short" and room.skipped == {1, 2} and not room.begun
        assert room.timer.seconds == 23 * 60  # the first movement on the plan, ready to start
    finally:
        rooms.close()


def test_the_banner_a_facilitator_reads_fits_an_80_column_terminal():
    from experience.workshop.serving import banner

    lines = banner("Coming Home to Yourself", "http://192.168.1.20:8000", "tuesday", "KX7-M4P", 30)
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
