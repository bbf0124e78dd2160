"""`--plain`: the journal numbered, in journey order, with the story's letter; an answer changed
(`e 2`) or deleted (`d 2`, then typing delete); a question gone back to shows its answer."""

from __future__ import annotations

import io
import re
import shutil

import pytest

from experience.plain import play_plain

from ..helpers import LETTER_STORY


@pytest.fixture
def played_story_dir(tmp_path):
    return shutil.copytree(LETTER_STORY, tmp_path / "letter")


def play(session, typed: str) -> str:
    out = io.StringIO()
    assert play_plain(session, stdin=io.StringIO(typed), stdout=out) == 0
    return out.getvalue()


@pytest.fixture
def at_the_letter(open_session):
    """Both questions answered (Sam, then rest), at the letter; each call opens it afresh."""
    session = open_session()
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer("rest")
    session.advance()
    session.store.close()
    return open_session


def test_the_journal_numbers_each_answer_and_shows_the_letter_after_them(at_the_letter):
    out = play(at_the_letter(), "\nj\n").split("\nYour journal\n", 1)[1]
    assert "  1. What would you like to be called here?\n\n    Sam" in out
    assert "  2. What would you like Sam to have today?\n\n    rest" in out
    assert out.index("2. What would you like") < out.index("A letter to yourself") < out.index("Dear Sam,")
    assert "type e and its number" in out


def test_an_answer_is_changed_by_its_number(at_the_letter):
    out = play(at_the_letter(), "\nj\ne 2\nrest, and tea\n\n\n")
    assert "Changed." in out
    session = at_the_letter()
    assert [e.answer for e in session.journal.entries()] == ["Sam", "rest, and tea"]
    assert session.state.variables["need"] == "rest, and tea"


def test_changing_with_nothing_typed_keeps_the_answer_as_it_was(at_the_letter):
    out = play(at_the_letter(), "\nj\ne 1\n\n\n")
    assert "Kept as it was." in out
    assert [e.answer for e in at_the_letter().journal.entries()] == ["Sam", "rest"]


def test_deleting_asks_for_the_word_delete_and_anything_else_keeps_it(at_the_letter):
    out = play(at_the_letter(), "\nj\nd 1\ny\n\n")
    assert "Delete this answer?" in out and "Nothing was deleted." in out
    assert [e.answer for e in at_the_letter().journal.entries()] == ["Sam", "rest"]


def test_a_deleted_answer_is_gone_and_the_check_says_so(at_the_letter):
    out = play(at_the_letter(), "\nj\nd 1\ndelete\nj\n\n")
    assert "Deleted. Checked afresh from the disk" in out
    after = out.split("Deleted.")[1]
    assert not re.search(r"\bSam\b", after) and "Dear friend," in after  # (Samaritans, in the goodbye, is not Sam)
    assert [e.answer for e in at_the_letter().journal.entries()] == ["rest"]


def test_a_number_with_no_answer_is_explained(at_the_letter):
    out = play(at_the_letter(), "\nj\ne 9\n\n")
    assert "There is no answer with that number." in out


def test_going_back_to_a_question_shows_its_answer_and_enter_keeps_it(at_the_letter):
    out = play(at_the_letter(), "\nb\n\n")
    assert "Your answer: “rest”" in out and "Kept as it was." in out
    assert [e.answer for e in at_the_letter().journal.entries()] == ["Sam", "rest"]


def test_going_back_to_a_question_and_writing_again_replaces_the_answer(at_the_letter):
    play(at_the_letter(), "\nb\nrest, and company\n\n")
    session = at_the_letter()
    assert [e.answer for e in session.journal.entries()] == ["Sam", "rest, and company"]


def test_an_answer_changed_into_words_of_crisis_brings_support_at_once(at_the_letter):
    from experience.care.words import CRISIS_TITLE

    out = play(at_the_letter(), "\nj\ne 2\nI want to die.\n\n\n\n")
    assert out.index("I want to die.") < out.index(str(CRISIS_TITLE)) < out.index("Changed.")  # as the line is typed


def test_an_answer_changed_into_words_of_crisis_is_not_said_to_be_quoted_by_the_story(at_the_letter):
    from experience.care.journal_words import CHANGED, CHANGED_KEPT_TO_YOURSELF

    out = play(at_the_letter(), "\nj\ne 2\nI want to die.\n\n\n\n")
    assert str(CHANGED_KEPT_TO_YOURSELF) in out and str(CHANGED) not in out


def test_heavy_words_in_a_changed_answer_are_said_to_be_kept_in_the_journal_for_they_will_be(at_the_letter):
    from experience.care.words import CRISIS_KEPT, CRISIS_TITLE, TYPED_NOT_KEPT

    out = play(at_the_letter(), "\nj\ne 2\nI want to die\nand I am tired\n\n\n\n")
    assert out.count(str(CRISIS_TITLE)) == 1
    assert str(CRISIS_KEPT) in out and str(TYPED_NOT_KEPT) not in out
    assert [e.answer for e in at_the_letter().journal.entries()] == ["Sam", "I want to die\nand I am tired"]
