"""Playing with saved progress: every step written before it is shown, and found again later."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from experience.progress.session import Session, story_key
from experience.progress.store import Store
from experience.story import load_story


def reopen(small_story, data_dir, profile="default"):
    return Session.resume(small_story, Store.open(data_dir), profile, seed=0)


def first_choice(session, text):
    return next(choice for choice, label in session.view().choices if label == text)


def test_a_new_reader_starts_at_the_beginning_with_nothing_saved(session, small_story):
    assert session.is_new
    assert session.state.scene == small_story.start
    assert not session.store.save(session.profile, story_key(small_story)).exists


def test_each_step_is_saved_and_found_again_after_a_restart(session, small_story, data_dir):
    session.choose(first_choice(session, "Sit on the step for a while."))
    session.advance()
    again = reopen(small_story, data_dir)
    assert not again.is_new
    assert again.state.scene == "first/hall"
    assert [s.scene for s in again.state.history()] == ["first/door", "first/step", "first/hall"]


def test_back_after_a_restart_goes_where_the_reader_came_from(session, small_story, data_dir):
    session.choose(first_choice(session, "Open the door."))
    again = reopen(small_story, data_dir)
    again.back()
    assert again.state.scene == "first/door"
    assert reopen(small_story, data_dir).state.scene == "first/door"


def test_back_undoes_every_step_down_to_the_first(session):
    session.choose(first_choice(session, "Sit on the step for a while."))
    session.advance()
    assert session.back().scene == "first/step"
    assert session.back().scene == "first/door"
    assert session.back() is None
    assert not session.can_go_back


def test_variables_survive_a_restart(session, small_story, data_dir):
    session.choose(first_choice(session, "Open the door."))
    assert reopen(small_story, data_dir).state.variables["warmth"] == 1


def test_an_answer_is_kept_in_the_journal_and_its_variable_at_once(session, small_story, data_dir):
    session.choose(first_choice(session, "Open the door."))
    entry = session.answer("Some [bold]quiet[/bold] *time*")
    again = reopen(small_story, data_dir)
    assert again.state.variables["need"] == "Some [bold]quiet[/bold] *time*"
    assert [e.answer for e in again.journal.entries()] == ["Some [bold]quiet[/bold] *time*"]
    assert entry.prompt == "What do you need right now?"
    assert entry.chapter_title == "The first room"
    assert again.answered_here() == entry


def test_saving_again_at_the_same_step_revises_the_answer(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.answer("rest, and tea")
    assert [e.answer for e in session.journal.entries()] == ["rest, and tea"]


def test_going_back_past_a_question_and_on_again_offers_the_earlier_answer_and_saving_replaces_it(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.back()
    session.choose(first_choice(session, "Open the door."))
    assert session.answered_here() is None and session.earlier_answer().answer == "rest"
    session.answer("rest, and company")
    assert [e.answer for e in session.journal.entries()] == ["rest, and company"]
    assert session.state.variables["need"] == "rest, and company"


def test_going_back_to_a_question_offers_its_answer_to_edit(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.choose(first_choice(session, "Walk on."))
    session.back()
    assert session.earlier_answer().answer == "rest"
    session.answer("tea")
    assert [e.answer for e in session.journal.entries()] == ["tea"]


def test_keeping_the_earlier_answer_unchanged_changes_nothing_in_the_journal(session, store):
    session.choose(first_choice(session, "Open the door."))
    first = session.answer("rest")
    session.back()
    session.choose(first_choice(session, "Open the door."))
    store.clock = lambda: "2030-01-01T00:00:00Z"
    assert session.answer("rest") == first
    assert session.state.variables["need"] == "rest"


def test_a_later_visit_still_in_the_history_keeps_a_new_answer(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.restart()  # the first journey stays in the history: its answer is its own
    session.choose(first_choice(session, "Open the door."))
    assert session.earlier_answer() is None
    session.answer("company")
    assert [e.answer for e in session.journal.entries()] == ["rest", "company"]


def test_going_back_never_erases_the_journal(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.back()
    assert [e.answer for e in session.journal.entries()] == ["rest"]


def test_a_draft_is_kept_until_it_is_saved(session, small_story, data_dir):
    session.choose(first_choice(session, "Open the door."))
    session.keep_draft("half a thought")
    assert reopen(small_story, data_dir).draft() == "half a thought"
    session.answer("a whole thought")
    assert session.draft() is None


def test_starting_again_keeps_the_journal_and_can_be_undone(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("rest")
    session.restart()
    assert session.state.scene == "first/door"
    assert session.state.variables["need"] == ""
    assert [e.answer for e in session.journal.entries()] == ["rest"]
    assert session.back().scene == "first/hall"


def test_the_journal_is_grouped_by_chapter_in_story_order_newest_last(session):
    session.choose(first_choice(session, "Open the door."))
    session.answer("one")
    session.restart()
    session.choose(first_choice(session, "Open the door."))
    session.answer("two")
    journal = session.kept()
    assert [(c.title, [e.answer for e in c.entries]) for c in journal.chapters] == [("The first room", ["one", "two"])]


def test_profiles_have_their_own_places_and_journals(session, small_story, data_dir):
    session.choose(first_choice(session, "Open the door."))
    session.answer("mine")
    other = reopen(small_story, data_dir, "ana")
    assert other.is_new and other.journal.entries() == []


def test_a_scene_removed_under_a_save_takes_the_reader_to_its_chapters_start(session, small_story_dir, data_dir):
    session.choose(first_choice(session, "Open the door."))
    session.choose(first_choice(session, "Walk on."))
    text = (
        (small_story_dir / "second.yaml")
        .read_text()
        .replace("  garden:", "  meadow:")
        .replace("goto: garden", "goto: meadow")
        .replace("gentler: garden", "gentler: meadow")
    )
    (small_story_dir / "second.yaml").write_text(text)
    first = (small_story_dir / "first.yaml").read_text().replace("second/garden", "second/meadow")
    (small_story_dir / "first.yaml").write_text(first)
    again = reopen(load_story(small_story_dir), data_dir)
    assert again.state.scene == "second/meadow"
    assert "The garden" in again.notes[0]
    assert reopen(load_story(small_story_dir), data_dir).notes == ()  # told once


def test_a_chapter_removed_under_a_save_takes_the_reader_to_the_start(session, small_story_dir, data_dir):
    session.choose(first_choice(session, "Open the door."))
    session.choose(first_choice(session, "Walk on."))
    session.choose(first_choice(session, "Rest here."))
    (small_story_dir / "second.yaml").unlink()
    text = (small_story_dir / "first.yaml").read_text().replace("second/garden", "door").replace("second/deep", "door")
    (small_story_dir / "first.yaml").write_text(text)
    again = reopen(load_story(small_story_dir), data_dir)
    assert again.state.scene == "first/door"
    assert "back at the beginning" in again.notes[0]


def test_a_step_survives_kill_9_right_after_it_is_written(small_story_dir, data_dir):
    script = textwrap.dedent(f"""
        import os, signal
        from experience.story import load_story
        from experience.progress.store import Store
        from experience.progress.session import Session
        session = Session.resume(load_story({str(small_story_dir)!r}), Store.open({str(data_dir)!r}), "default")
        choice = session.view().choices[0][0]
        session.choose(choice)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    again = reopen(load_story(small_story_dir), data_dir)
    assert again.state.scene == "first/hall"


def test_a_failed_write_leaves_the_reader_where_they_were(session, data_dir, raw_db):
    from experience.progress.store import StoreError

    refusing = raw_db(data_dir)  # the database itself refuses the step, as a full disk would
    refusing.execute("CREATE TRIGGER refuse BEFORE INSERT ON steps BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception):  # noqa: B017 - today sqlite3 raises, not StoreError (see the fault suite)
        session.choose(first_choice(session, "Open the door."))
    assert session.state.scene == "first/door"
    refusing.execute("DROP TRIGGER refuse")
    assert StoreError  # the player shows these as messages; see the UI tests
