"""`--plain` hears every line typed anywhere, and its support after heavy words reads one line and
nothing more: a line meant for the answer goes back to the answer, and a number never leaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from experience.care.words import CRISIS_KEPT, CRISIS_TITLE, GOODBYE, HARM_TITLE, PASSED_DRAFT_KEPT, TYPED_NOT_KEPT
from experience.plain.asides import SUPPORT_STILL_HERE

from ..helpers import STOPPING_STORY
from ..helpers import play_typed as play


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


def test_words_typed_at_a_choice_instead_of_a_number_are_heard(open_session):
    out = play(open_session(), "\nI want to die\n")
    assert str(CRISIS_TITLE) in out
    assert "That is not one of the choices" not in out  # met with support, not corrected


def test_words_typed_at_a_choice_are_said_to_be_kept_nowhere_for_they_are_not(open_session):
    session = open_session()
    out = play(session, "\nI want to die\n")
    assert "is not kept anywhere" in str(TYPED_NOT_KEPT) and str(TYPED_NOT_KEPT) in out and str(CRISIS_KEPT) not in out
    assert session.journal.entries() == [] and open_session().draft() is None


def test_words_of_an_answer_are_said_to_be_kept_in_the_journal(open_session):
    out = play(open_session(), "\n1\nI want to die\n\n")
    assert str(CRISIS_KEPT) in out and str(TYPED_NOT_KEPT) not in out


def test_harm_heard_after_words_of_wanting_to_die_still_brings_the_abuse_services(open_session):
    out = play(open_session(), "\nI want to die\nhe hits me\n")
    assert str(CRISIS_TITLE) in out and str(HARM_TITLE) in out
    assert "That is not one of the choices" not in out


def test_harm_written_on_in_the_same_answer_after_words_of_wanting_to_die_brings_the_abuse_services(open_session):
    out = play(open_session(), "\n1\nsometimes I want to die\n\nand my partner hits me\n\n")
    assert out.count(str(CRISIS_TITLE)) == 1 and out.count(str(HARM_TITLE)) == 1
    assert out.index(str(CRISIS_TITLE)) < out.index(str(HARM_TITLE))


def test_heavy_words_again_in_the_same_step_are_met_gently_never_as_a_mistaken_choice(open_session):
    out = play(open_session(), "\nI want to die\nkms\nkms\n")
    assert out.count(str(CRISIS_TITLE)) == 1  # support is not shown over and over
    assert str(SUPPORT_STILL_HERE) in out
    assert "That is not one of the choices" not in out


def test_support_after_heavy_words_reads_one_line_and_gives_the_next_back_to_the_answer(open_session):
    session = open_session()
    out = play(session, "\n1\nI want to die\nand nothing helps\n\n")
    assert out.count(str(CRISIS_TITLE)) == 1
    assert [e.answer for e in session.journal.entries()] == ["I want to die\nand nothing helps"]


def test_a_number_typed_after_heavy_words_is_part_of_the_answer_and_never_leaves(open_session):
    session = open_session()
    out = play(session, "\n1\nno reason to live\n3\n\n")
    assert str(GOODBYE) not in out
    assert [e.answer for e in session.journal.entries()] == ["no reason to live\n3"]


def test_leave_typed_at_the_support_after_heavy_words_leaves_with_the_goodbye(open_session):
    out = play(open_session(), "\n1\nno reason to live\nleave\n")
    assert str(GOODBYE) in out
    assert open_session().draft() == "no reason to live"


def test_harm_from_another_is_met_with_its_own_words_and_the_abuse_services_first(open_session):
    session = open_session()
    out = play(session, "\n1\nmy partner hurts me\n\n\n2\n")
    assert str(HARM_TITLE) in out and str(CRISIS_TITLE) not in out
    assert out.index("National Domestic Violence Hotline") < out.index("988 Suicide & Crisis Lifeline")
    assert "You said you need" not in out  # the garden never quotes it
    assert session.careful


def test_passing_a_question_by_keeps_what_was_begun_as_a_draft(open_session):
    play(open_session(), "\n1\nsomething half said\n")  # input ends mid-answer: a draft
    session = open_session()
    out = play(session, "\n.\n")  # come back; pass the question by
    assert str(PASSED_DRAFT_KEPT) in out
    assert open_session().draft() == "something half said"
