"""`--plain`: support at every prompt (s, even in the middle of an answer), heavy words met at
once, and a stop that the next sitting goes on from. Driven through stdin and stdout, on the
story of stops (tests/care/stories/stopping)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from experience.care.support import load_support
from experience.care.words import CRISIS_TITLE, GOODBYE, SUPPORT_LEAD, SUPPORT_TYPED

from ..helpers import STOPPING_STORY
from ..helpers import play_typed as play


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


def test_the_first_run_names_the_support_letter(open_session):
    assert str(SUPPORT_TYPED) in play(open_session(), "\n")


def test_s_shows_support_at_a_choice_and_comes_back_to_the_same_question(open_session):
    session = open_session()
    out = play(session, "\ns\n\nr\n1\n")
    assert str(SUPPORT_LEAD) in out and load_support().safety_lines[0].how_to_reach in out
    assert "Type r to read the scene and its choices again" in out
    assert out.count("  1. Go in.") == 2 and session.state.scene == "one/hall"  # read again, then the step


def test_s_in_the_middle_of_an_answer_shows_support_and_keeps_every_line(open_session):
    session = open_session()
    out = play(session, "\n1\na little quiet\ns\n\nand tea\n\n")
    assert str(SUPPORT_LEAD) in out and "Kept in your journal." in out
    assert [e.answer for e in session.journal.entries()] == ["a little quiet\nand tea"]


def test_leaving_from_support_mid_answer_keeps_the_draft_and_shows_the_goodbye(open_session):
    out = play(open_session(), "\n1\nhalf a thought\ns\n3\n")
    assert str(GOODBYE) in out
    assert open_session().draft() == "half a thought"


def test_a_crisis_answer_brings_support_at_once_and_is_never_quoted_back(open_session):
    session = open_session()
    out = play(session, "\n1\nI want to die.\n\n\n2\n")
    assert out.index(str(CRISIS_TITLE)) < out.index("Kept in your journal.")  # as soon as the line was typed
    assert "You said you need" not in out and "What you wrote is kept for you." in out
    assert [e.answer for e in session.journal.entries()] == ["I want to die."]


def test_stopping_at_the_checkin_goes_to_the_gentle_stop_and_the_next_sitting_goes_on(open_session):
    out = play(open_session(), "\n1\n\n1\n4\n")
    assert "A place to pause: Stopping for today" in out and "  1. Go on from where I stopped" in out
    again = play(open_session(), "\n")
    assert "Last time you stopped for a while, at “A place to pause”, Stopping for today." in again
    assert "You can go on from where you stopped: “The first room”, The hall." in again
    assert "  1. Go on from where I stopped\n  2. Go to the start of Arriving: “The first room”\n" in again
    assert open_session().state.scene == "one/hall"


def test_a_movement_reached_can_be_picked_by_its_number(open_session):
    play(open_session(), "\n1\n\n2\n1\n")  # into the garden, and on to the second room
    out = play(open_session(), "2\n")  # 1 continue, 2 the first movement, 3 the second, 4 start again
    assert "  2. Go to the start of Arriving: “The first room”\n" in out
    assert open_session().state.scene == "one/door"
