"""Erasing a journal and forgetting a profile: gone from the database, gone from the files."""

from __future__ import annotations

from experience.progress import passphrase
from experience.progress.erase import erase_journal, forget_profile, survey_journal, survey_profile
from experience.progress.scrub import MIN_TRACE, traces
from experience.progress.session import Session

from .privacy_helpers import ANSWER, PASSPHRASE, SMALL_STORY_KEY, raw_bytes

DRAFT = "a draft I never sent, about the garden gate"


def test_erasing_removes_answers_drafts_and_the_copies_kept_in_steps(play, data_dir):
    session = play(walk_on=False)
    session.choose(next(c for c, label in session.view().choices if label == "Walk on."))
    session.store.journal(session.profile, SMALL_STORY_KEY).keep_draft("second/garden", DRAFT)
    store, profile = session.store, session.profile
    before = survey_journal(store, profile)
    assert before.answers == {"A small story": 1} and before.drafts == 1 and before.steps_with_words >= 1
    assert ANSWER.encode() in raw_bytes(data_dir)

    outcome = erase_journal(store, profile)

    assert outcome.clean and outcome.scrubbed and outcome.rows_left == 0
    assert survey_journal(store, profile).empty
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and DRAFT.encode() not in raw
    assert b"held without" not in raw


def test_after_an_erase_the_reader_is_where_they_were_and_the_story_uses_its_own_words(play, open_store, small_story):
    play()
    store = open_store()
    erase_journal(store, store.profile("default"))
    again = Session.resume(small_story, open_store(), "default", seed=0)
    assert again.state.scene == "second/garden"
    assert again.state.variables["need"] == ""  # the story's starting value
    assert again.journal.entries() == []
    assert again.back().scene == "first/hall"  # the history is whole


def test_a_sealed_journal_is_erased_without_its_passphrase(play, open_store, data_dir, raw_db):
    store = open_store()
    passphrase.set_new(store, store.profile("default"), PASSPHRASE)
    play(sealing=store.sealing_for(store.profile("default")))
    sealed = [bytes(r[0]) for r in raw_db(data_dir).execute("SELECT answer FROM journal")]

    locked = open_store()  # no passphrase given
    outcome = erase_journal(locked, locked.profile("default"))

    assert outcome.clean
    raw = raw_bytes(data_dir)
    assert all(token[:40] not in raw for token in sealed)
    assert locked.is_sealed(locked.profile("default"))  # the passphrase stays for what comes next


def test_erasing_one_profile_leaves_another_profiles_words_alone(play, open_store):
    play("Sam's words, which are Sam's to keep.", profile="sam")
    play(profile="default")
    store = open_store()
    outcome = erase_journal(store, store.profile("default"))
    assert outcome.clean
    assert [e.answer for e in store.journal(store.profile("sam"), SMALL_STORY_KEY).entries()] == [
        "Sam's words, which are Sam's to keep."
    ]


def test_the_same_words_in_another_profile_are_not_mistaken_for_a_trace(play, open_store):
    play(ANSWER, profile="sam")
    play(ANSWER, profile="default")
    store = open_store()
    assert erase_journal(store, store.profile("default")).clean


def test_the_check_finds_deleted_words_that_are_still_in_the_files(open_store, data_dir, raw_db):
    store = open_store()
    older = raw_db(data_dir)
    older.execute("PRAGMA secure_delete = OFF")  # as an older version of this program left things
    older.execute("CREATE TABLE leftover (x)")
    words = b"words deleted but never scrubbed away"
    older.execute("INSERT INTO leftover VALUES (?)", (words,))
    assert traces(store, [words]).clean  # still held by a live row: not a trace
    older.execute("DELETE FROM leftover")
    found = traces(store, [words])
    assert not found.clean and found.found


def test_texts_too_short_to_look_for_are_counted_not_ignored(data_dir, open_store):
    found = traces(open_store(), [b"yes", b"x" * (MIN_TRACE - 1)])
    assert found.clean and found.unchecked == 2


# -- forget ----------------------------------------------------------------------------------------------------
def test_forgetting_the_only_profile_removes_the_database_files(play, open_store, data_dir):
    play()
    store = open_store()
    profile = store.profile("default")
    survey = survey_profile(store, profile)
    assert survey.only_profile and survey.stories == ("A small story",)
    assert {p.name for p in survey.files} >= {"experience.db"}
    outcome = forget_profile(store, profile)
    assert outcome.clean
    assert not list(data_dir.glob("experience.db*"))


def test_forgetting_one_of_several_profiles_keeps_the_database_for_the_others(play, open_store, data_dir):
    play("Sam's words, which are Sam's to keep.", profile="sam")
    play(profile="default")
    store = open_store()
    profile = store.profile("default")
    survey = survey_profile(store, profile)
    assert survey.others == ("sam",) and survey.files == ()
    outcome = forget_profile(store, profile)
    assert outcome.clean and outcome.removed == ()
    fresh = open_store()
    assert fresh.profiles() == ["sam"]
    assert ANSWER.encode() not in raw_bytes(data_dir)
    assert b"Sam's words" in raw_bytes(data_dir)


def test_forgetting_takes_settings_and_passphrase_with_the_profile(play, open_store, data_dir, raw_db):
    play("Sam's words, which are Sam's to keep.", profile="sam")
    store = open_store()
    profile = store.profile("default")
    store.set_setting(profile, "theme", "dusk")
    passphrase.set_new(store, profile, PASSPHRASE)
    forget_profile(store, profile)
    fresh = open_store()
    assert fresh.find_profile("default") is None
    assert raw_db(data_dir).execute("SELECT count(*) FROM seals").fetchone()[0] == 0


def test_copies_set_aside_earlier_go_only_when_asked(open_store, data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "experience.db").write_bytes(b"damaged, but perhaps holding old words " * 200)
    store = open_store()
    aside = store.set_aside.path
    store.profile("default")
    forget_profile(store, store.profile("default"))
    assert aside.exists()

    store = open_store()
    store.profile("default")
    forget_profile(store, store.profile("default"), remove_set_aside=True)
    assert not aside.exists()


def test_while_another_window_reads_the_database_the_erase_says_the_log_is_not_yet_clear(play, data_dir, monkeypatch):
    import sqlite3

    from experience.progress import opening

    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 50)  # the scrub's checkpoint waits no longer for the reader
    session = play()
    reader = sqlite3.connect(data_dir / "experience.db", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM journal").fetchone()  # holds the old pages in view
    try:
        outcome = erase_journal(session.store, session.profile)
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert not outcome.scrubbed and not outcome.clean
    assert outcome.rows_left == 0  # the rows are gone; only the log still holds the old pages
