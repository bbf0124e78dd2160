"""A sealed journal in the store: no plain copy on disk, nothing read or written without the key."""

from __future__ import annotations

import json

import pytest

from experience.progress import passphrase
from experience.progress.sealing import WrongPassphrase, new_seal
from experience.progress.session import Session
from experience.progress.store import JournalLocked, StoreError

from ..helpers import choice, older_database
from .privacy_helpers import ANSWER, PASSPHRASE, SMALL_STORY_KEY, raw_bytes

DRAFT = "half a thought, not finished, about the lamp"


def sealed_store(open_store, profile="default"):
    store = open_store()
    passphrase.set_new(store, store.profile(profile), PASSPHRASE)
    return store


def unlocked(open_store, profile="default"):
    store = open_store()
    passphrase.unlock(store, store.profile(profile), PASSPHRASE)
    return store


# -- nothing plain on disk ------------------------------------------------------------------------------
def test_with_a_passphrase_set_first_no_word_is_ever_written_plain(open_store, small_story, data_dir):
    """Checked before any scrub or checkpoint: the write-ahead log holds what was written."""
    store = sealed_store(open_store)
    session = Session.resume(small_story, store, "default", seed=0)
    session.choose(choice(session, "Open the door."))
    session.keep_draft(DRAFT)
    raw = raw_bytes(data_dir)
    assert DRAFT.encode() not in raw
    session.answer(ANSWER)
    session.choose(choice(session, "Walk on."))
    assert "You said you need" in session.view().text  # the story still uses the answer...
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and b"held without" not in raw  # ...but it is never on disk plain
    assert b"What do you need right now" not in raw  # nor its question


def test_the_question_is_sealed_with_the_answer_because_it_may_quote_the_reader(
    open_store, small_story, data_dir, raw_db
):
    store = sealed_store(open_store)
    session = Session.resume(small_story, store, "default", seed=0)
    session.choose(choice(session, "Open the door."))
    session.answer(ANSWER)
    prompt, how = raw_db(data_dir).execute("SELECT prompt, sealing FROM journal").fetchone()
    assert isinstance(prompt, bytes) and how == "fernet"
    assert session.journal.entries()[0].prompt == "What do you need right now?"


def test_an_answer_kept_in_a_variable_is_stored_apart_from_the_step(play, data_dir, raw_db):
    play()
    rows = raw_db(data_dir).execute("SELECT snapshot, words FROM steps ORDER BY position").fetchall()
    before = [json.loads(snapshot)["variables"] for snapshot, words in rows if words is None]
    after = [json.loads(snapshot)["variables"] for snapshot, words in rows if words is not None]
    assert before == [{"need": "", "warmth": 0}]  # the story's own starting value, not the reader's words
    assert len(after) == 2 and all("need" not in variables for variables in after)


def test_with_a_passphrase_every_step_is_sealed_whole_with_what_the_reader_chose(play, data_dir, raw_db):
    _, sealing = new_seal(PASSPHRASE)
    play(sealing=sealing)
    rows = raw_db(data_dir).execute("SELECT snapshot, snapshot_sealing, words, sealing FROM steps").fetchall()
    assert len(rows) == 3
    assert all(isinstance(snapshot, bytes) and how == "fernet" for snapshot, how, _, _ in rows)
    assert all(words is None or (isinstance(words, bytes) and how == "fernet") for _, _, words, how in rows)
    assert b"warmth" not in raw_bytes(data_dir)  # a variable the reader's choice set, nowhere plain


# -- locked until unlocked --------------------------------------------------------------------------------
def test_a_sealed_journal_is_neither_read_nor_written_without_the_passphrase(open_store, small_story):
    store = sealed_store(open_store)
    Session.resume(small_story, store, "default", seed=0).start()
    locked = open_store()
    with pytest.raises(JournalLocked):
        Session.resume(small_story, locked, "default", seed=0)
    with pytest.raises(JournalLocked):
        locked.journal(locked.profile("default"), SMALL_STORY_KEY).keep_draft("a/b", "never plain")


def test_a_wrong_passphrase_does_not_unlock(open_store):
    sealed_store(open_store)
    store = open_store()
    with pytest.raises(WrongPassphrase):
        passphrase.unlock(store, store.profile("default"), "not it at all")
    with pytest.raises(JournalLocked):
        store.sealing_for(store.profile("default"))


def test_with_the_passphrase_the_journey_and_its_words_come_back(play, open_store, small_story):
    store = sealed_store(open_store)
    play(sealing=store.sealing_for(store.profile("default")))
    again = Session.resume(small_story, unlocked(open_store), "default", seed=0)
    assert again.state.scene == "second/garden"
    assert again.state.variables["need"] == ANSWER
    assert [e.answer for e in again.journal.entries()] == [ANSWER]


def test_other_profiles_are_not_sealed_by_one_profiles_passphrase(open_store, play, data_dir, raw_db):
    sealed_store(open_store, "sam")
    session = play(profile="default")
    assert session.journal.entries()[0].answer == ANSWER
    assert raw_db(data_dir).execute("SELECT sealing FROM journal").fetchone()[0] == "plain"


# -- setting, changing, removing -----------------------------------------------------------------------------
def test_setting_a_passphrase_seals_what_was_written_and_leaves_no_plain_copy(play, data_dir):
    session = play(draft=None)
    session.store.journal(session.profile, SMALL_STORY_KEY).keep_draft("second/garden", DRAFT)
    done = passphrase.set_new(session.store, session.profile, PASSPHRASE)
    session.store.scrub()
    assert (done.answers, done.drafts) == (1, 1) and done.steps >= 1
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and DRAFT.encode() not in raw


def test_a_failure_while_sealing_leaves_everything_as_it_was(play, monkeypatch, data_dir, raw_db):
    session = play()
    store = session.store

    def broken(*args):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(passphrase, "_write_record", broken)
    with pytest.raises(RuntimeError):
        passphrase.set_new(store, session.profile, PASSPHRASE)
    assert not store.is_sealed(session.profile)
    assert raw_db(data_dir).execute("SELECT DISTINCT sealing FROM journal").fetchall() == [("plain",)]
    store.use_sealing(session.profile, None)
    assert store.journal(session.profile, SMALL_STORY_KEY).entries()[0].answer == ANSWER


def test_changing_the_passphrase_reseals_under_a_new_salt(play, open_store, small_story):
    store = open_store()
    first = passphrase.set_new(store, store.profile("default"), PASSPHRASE)
    assert first.total == 0
    play(sealing=store.sealing_for(store.profile("default")))
    salt = passphrase.record_of(store, store.profile("default")).salt
    passphrase.change(store, store.profile("default"), store.sealing_for(store.profile("default")), "another long one")
    assert passphrase.record_of(store, store.profile("default")).salt != salt
    fresh = open_store()
    with pytest.raises(WrongPassphrase):
        passphrase.unlock(fresh, fresh.profile("default"), PASSPHRASE)
    passphrase.unlock(fresh, fresh.profile("default"), "another long one")
    assert Session.resume(small_story, fresh, "default").journal.entries()[0].answer == ANSWER


def test_removing_the_passphrase_stores_everything_plain_again(play, open_store, small_story):
    store = sealed_store(open_store)
    play(sealing=store.sealing_for(store.profile("default")))
    passphrase.remove(store, store.profile("default"), store.sealing_for(store.profile("default")))
    fresh = open_store()
    assert not fresh.is_sealed(fresh.profile("default"))
    session = Session.resume(small_story, fresh, "default", seed=0)
    assert session.journal.entries()[0].answer == ANSWER and session.state.variables["need"] == ANSWER


def test_setting_a_passphrase_twice_is_refused(open_store):
    store = sealed_store(open_store)
    with pytest.raises(StoreError, match="already has a passphrase"):
        passphrase.set_new(store, store.profile("default"), "something else entirely")


# -- damage and old databases ------------------------------------------------------------------------------
def test_a_damaged_sealed_answer_does_not_hide_the_rest_of_the_journal(play, open_store, data_dir, raw_db):
    store = sealed_store(open_store)
    session = play(sealing=store.sealing_for(store.profile("default")), walk_on=False)
    raw_db(data_dir).execute("UPDATE journal SET answer = ?", (b"gAAAAAdamaged",))
    entry = session.journal.entries()[0]
    assert "could not be opened" in entry.answer and entry.prompt == "What do you need right now?"


def test_a_version_1_database_has_its_kept_answers_moved_out_of_the_steps(tmp_path, small_story, raw_db):
    """Before version 2, a `save_as` answer sat inside the step's snapshot, plain."""
    from experience.progress.store import Store

    steps = [{"need": "", "warmth": 1}, {"need": ANSWER, "warmth": 1}]
    data = older_database(tmp_path / "old", 1, "  " + ANSWER + "\n", steps)
    store = Store.open(data)
    rows = raw_db(data).execute("SELECT snapshot, words FROM steps ORDER BY position").fetchall()
    assert rows[0][1] is None and ANSWER not in rows[1][0]
    assert json.loads(rows[1][1]) == {"need": ANSWER}
    assert json.loads(rows[1][0])["variables"] == {"warmth": 1}
    session = Session.resume(small_story, store, "default", seed=0)
    assert session.state.variables["need"] == ANSWER
    store.close()
