"""`experience play` and `experience locate` from the command line."""

from __future__ import annotations

import os

import pytest

from experience import cli
from experience.progress.lock import ProfileLock
from experience.progress.store import Store


def test_a_second_window_on_the_same_profile_is_refused_kindly(small_story_dir, data_dir, capsys, in_a_terminal):
    with ProfileLock(data_dir, "default"):
        status = cli.main(["play", str(small_story_dir), "--data-dir", str(data_dir)])
    assert status == 1
    err = capsys.readouterr().err
    assert "already open in another window" in err and "nothing has been lost" in err
    assert not (data_dir / "experience.db").exists()  # refused before touching anything


def test_no_command_means_play(monkeypatch):
    played = []
    monkeypatch.setattr(cli, "cmd_play", lambda args: played.append(args) or 0)
    assert cli.main([]) == 0
    assert played[0].story is None and played[0].profile == "default"


def test_locate_says_where_data_lives_and_what_was_set_aside(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("EXPERIENCE_DATA_DIR", str(data_dir))
    data_dir.mkdir()
    (data_dir / "experience.db").write_bytes(b"damaged" * 100)
    Store.open(data_dir).close()
    assert cli.main(["locate"]) == 0
    out = capsys.readouterr().out
    assert f"Your data folder: {data_dir}" in out
    assert "experience.db.unreadable-" in out and "Nothing in them has been deleted" in out


def test_a_profile_name_must_be_printable(capsys):
    with pytest.raises(SystemExit):
        cli.main(["play", "--profile", "\x1b[31m"])
    assert "printable" in capsys.readouterr().err


def test_a_story_with_errors_is_reported_not_played(tmp_path, capsys, in_a_terminal):
    (tmp_path / "story.yaml").write_text("title: Broken\nstart: nowhere/at-all\n")
    assert cli.main(["play", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 1
    assert "error" in capsys.readouterr().err


def test_a_story_folder_that_is_not_there_is_said_plainly_to_a_reader(tmp_path, capsys, in_a_terminal):
    assert cli.main(["play", str(tmp_path / "nowhere"), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "there is no story at" in err and "experience play" in err
    assert "[E006]" not in err and "experience check" not in err  # an author's words, not a reader's


def test_a_language_the_story_has_no_translation_into_is_said_plainly_to_a_reader(tmp_path, capsys, in_a_terminal):
    from experience.bundled import bundled_story

    assert cli.main(["play", str(bundled_story()), "--lang", "xx", "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "cannot be read in xx" in err and "es" in err and "--lang" in err
    assert "[E601]" not in err and "experience strings" not in err


def test_the_bundled_journey_loads_and_plays_a_step(tmp_path):
    """The one test that touches the bundled story (which is being rewritten): it plays."""
    from experience.bundled import bundled_story
    from experience.progress.session import Session
    from experience.story import load_story

    store = Store.open(tmp_path / "data")
    session = Session.resume(load_story(bundled_story()), store, "default", seed=0)
    view = session.view()
    assert view.text
    if view.choices:
        session.choose(view.choices[0][0])
    elif view.can_continue:
        session.advance()
    assert session.state.step == 1
    store.close()
    assert os.stat(tmp_path / "data").st_mode & 0o777 == 0o700
