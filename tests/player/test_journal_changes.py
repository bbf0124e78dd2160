"""The journal is the reader's to change: an answer edited or deleted reaches every copy of it, and
the letter the story wrote them is kept with the journal, in journey order."""

from __future__ import annotations

import pytest

from experience.progress.session import Session
from experience.progress.store import Store


def reopen(story, data_dir) -> Session:
    return Session.resume(story, Store.open(data_dir), "default", seed=0)


def entry_for(session, answer: str):
    return next(e for e in session.journal.entries() if e.answer == answer)


def raw(data_dir) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())


# -- the letter ---------------------------------------------------------------------------------------
def test_the_letter_a_story_marks_is_kept_with_the_journal_as_it_read(written_to_the_letter):
    (letter,) = written_to_the_letter.kept().letters
    assert letter.title == "A letter to yourself" and letter.scene_id == "closing/letter"
    assert "Dear Sam," in letter.markdown and "You wrote that you need: “rest”" in letter.markdown


def test_a_letter_not_reached_is_not_in_the_journal(letter_story, store):
    session = Session.resume(letter_story, store, "default", seed=0)
    session.start()
    session.answer("Sam")
    assert session.kept().letters == ()


def test_the_letter_keeps_the_readers_words_exactly_for_json_and_escaped_for_markdown(letter_story, store):
    session = Session.resume(letter_story, store, "default", seed=0)
    session.start()
    session.answer("*Sam*")
    session.advance()
    session.advance()
    (letter,) = session.kept().letters
    assert "Dear *Sam*," in letter.text and "Dear \\*Sam\\*," in letter.markdown


def test_a_story_without_a_letter_keeps_none(session):
    session.start()
    assert session.kept().letters == ()


# -- editing ------------------------------------------------------------------------------------------
def test_editing_an_answer_changes_it_and_the_copies_the_story_keeps(written_to_the_letter, letter_story, data_dir):
    session = written_to_the_letter
    session.revise_entry(entry_for(session, "rest").id, "rest, and tea")
    assert [e.answer for e in session.journal.entries()] == ["Sam", "rest, and tea"]
    assert session.state.variables["need"] == "rest, and tea"
    assert "“rest, and tea”" in session.kept().letters[0].markdown
    again = reopen(letter_story, data_dir)
    assert again.state.variables["need"] == "rest, and tea"
    assert [s.variables["need"] for s in again.state.history()] == ["", "rest, and tea", "rest, and tea"]


def test_editing_an_answer_asks_again_the_questions_that_quoted_it(written_to_the_letter):
    session = written_to_the_letter
    session.revise_entry(entry_for(session, "Sam").id, "Sammy")
    prompts = [e.prompt for e in session.journal.entries()]
    assert prompts == ["What would you like to be called here?", "What would you like Sammy to have today?"]
    assert "Dear Sammy," in session.kept().letters[0].markdown


def test_an_answer_cannot_be_edited_to_nothing(written_to_the_letter):
    session = written_to_the_letter
    with pytest.raises(ValueError):
        session.revise_entry(entry_for(session, "rest").id, "   ")
    assert [e.answer for e in session.journal.entries()] == ["Sam", "rest"]


# -- deleting -----------------------------------------------------------------------------------------
def test_deleting_an_answer_removes_it_and_every_copy_from_the_files(written_to_the_letter, data_dir):
    session = written_to_the_letter
    session.keep_draft("rest, I think")  # a draft at another scene stays: it is not this answer's
    outcome = session.delete_entry(entry_for(session, "rest").id)
    assert outcome.clean and outcome.scrubbed
    assert [e.answer for e in session.journal.entries()] == ["Sam"]
    assert b"rest" not in raw(data_dir).replace(b"rest, I think", b"")


def test_deleting_an_answer_lets_the_story_use_its_own_words_again(written_to_the_letter, letter_story, data_dir):
    session = written_to_the_letter
    session.delete_entry(entry_for(session, "Sam").id)
    assert session.state.variables["name"] == "friend"
    assert "Dear friend," in session.kept().letters[0].markdown
    assert all(s.variables["name"] == "friend" for s in reopen(letter_story, data_dir).state.history())


def test_deleting_an_answer_asks_again_the_questions_that_quoted_it(written_to_the_letter, data_dir):
    session = written_to_the_letter
    session.delete_entry(entry_for(session, "Sam").id)
    assert [e.prompt for e in session.journal.entries()] == ["What would you like friend to have today?"]
    assert b"Sam" not in raw(data_dir)


def test_deleting_an_answer_removes_the_draft_at_its_scene(letter_story, store, data_dir):
    session = Session.resume(letter_story, store, "default", seed=0)
    session.start()
    entry = session.answer("Sam")
    session.keep_draft("Samantha, perhaps")
    session.delete_entry(entry.id)
    assert session.draft() is None
    assert b"Samantha" not in raw(data_dir)


def test_deleting_a_sealed_answer_removes_it_and_its_copies(letter_story, open_store, data_dir):
    from experience.progress import passphrase

    store = open_store()
    profile = store.profile("default")
    passphrase.set_new(store, profile, "a quiet lamp in the hall")
    session = Session.resume(letter_story, store, "default", seed=0)
    session.start()
    session.answer("Sam")
    session.advance()
    entry = session.answer("a sealed need")
    sealed_before = raw(data_dir)
    outcome = session.delete_entry(entry.id)
    assert outcome.clean and [e.answer for e in session.journal.entries()] == ["Sam"]
    assert b"a sealed need" not in sealed_before  # it was sealed all along
    assert session.state.variables["need"] == ""


def test_going_back_over_a_deleted_answer_asks_the_question_afresh(written_to_the_letter):
    session = written_to_the_letter
    session.delete_entry(entry_for(session, "rest").id)
    session.back()
    assert session.state.scene == "arriving/need"
    assert session.earlier_answer() is None


# -- journey order ------------------------------------------------------------------------------------
def test_the_journal_follows_the_journey_not_the_order_it_was_written_in(tmp_path):
    """A reader who took the shorter way wrote in "Your own company" first, then went back for
    "Letting the old shape go": the journal reads in the journey's order."""
    from experience.bundled import bundled_story
    from experience.story import load_story

    story = load_story(bundled_story())
    store = Store.open(tmp_path / "data")
    try:
        session = Session.resume(story, store, "default", seed=0)
        session.start()
        for chapter in ("home", "letting_go", "noticing"):
            session.journal.add(
                scene_id=f"{chapter}/x", chapter_id=chapter, chapter_title="?", prompt="?", answer=chapter
            )
        titles = [c.title for c in session.kept().chapters]
        assert titles == ["Noticing the distance", "Letting the old shape go", "Your own company"]
    finally:
        store.close()


def test_an_answer_edited_into_words_of_crisis_stays_in_the_journal_and_leaves_the_story(written_to_the_letter):
    session = written_to_the_letter
    session.revise_entry(entry_for(session, "rest").id, "I want to die.")
    assert [e.answer for e in session.journal.entries()] == ["Sam", "I want to die."]
    assert session.state.variables["need"] == ""
    assert "die" not in session.kept().letters[0].markdown
