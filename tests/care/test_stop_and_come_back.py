"""Stopping is a pause, never a dead end; heavy words are met and never quoted back. Through the
session every front end shares, on the story of stops (tests/care/stories/stopping)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from experience.care.words import CheckInReply, Comeback, EndingAction
from experience.story import StoryRuntimeError

from ..helpers import STOPPING_STORY, choice


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


def go(session, label: str, reply: CheckInReply = CheckInReply.GO_ON) -> None:
    session.start()
    session.take(session.plan(choice(session, label)), reply)


def test_stopping_at_a_check_in_goes_to_the_storys_gentle_stop(open_session):
    session = open_session()
    go(session, "Go in.")
    go(session, "Go down the stairs.", CheckInReply.STOP)
    assert session.state.scene == "rest/for_today"
    assert session.ending_actions()[0] is EndingAction.GO_ON


def test_the_next_sitting_offers_to_go_on_from_where_one_stopped_and_says_where(open_session):
    session = open_session()
    go(session, "Go in.")
    go(session, "Go down the stairs.", CheckInReply.STOP)
    again = open_session()
    assert again.way_on == "one/hall" and again.place(again.way_on) == "“The first room”, The hall"
    ways = again.ways_back()
    assert [way.how for way in ways] == [Comeback.GO_ON, Comeback.PICK_UP, Comeback.RESTART]
    assert ways[1].label == "Go to the start of Arriving: “The first room”"
    again.come_back(ways[0])
    assert again.state.scene == "one/hall"
    again.back()
    assert again.state.scene == "rest/for_today"  # going on was one more step


def test_resting_here_is_a_pause_too(open_session):
    session = open_session()
    go(session, "Go in.")
    go(session, "Sit in the garden.")
    go(session, "Rest here for today.")
    assert open_session().ways_back()[0].scene == "one/garden"


def test_every_movement_reached_can_be_picked_up_and_the_first_sitting_is_not_asked(open_session):
    session = open_session()
    go(session, "Go in.")
    go(session, "Sit in the garden.")
    go(session, "Go on to the second room.")
    ways = open_session().ways_back()
    assert [(way.how, way.scene) for way in ways] == [
        (Comeback.CONTINUE, None),
        (Comeback.PICK_UP, "one/door"),
        (Comeback.PICK_UP, "two/arrive"),
        (Comeback.RESTART, None),
    ]


def test_a_true_ending_offers_no_going_on(open_session):
    session = open_session()
    for label in ("Go in.", "Sit in the garden.", "Go on to the second room.", "Sit by the window."):
        go(session, label)
    assert EndingAction.GO_ON not in session.ending_actions()


def test_a_story_without_a_stop_of_its_own_cannot_stop_there(small_story_dir, open_store):
    from experience.progress.session import Session
    from experience.story import load_story

    session = Session.resume(load_story(small_story_dir), open_store(), "default", seed=0)
    assert not session.can_stop_for_today
    with pytest.raises(StoryRuntimeError):
        session.stop_for_today()


# -- heavy words ---------------------------------------------------------------------------------
def test_crisis_words_stay_in_the_journal_and_never_reach_the_story(open_session):
    session = open_session()
    go(session, "Go in.")
    session.answer("I want to die. I don't want to be here anymore.")
    assert [e.answer for e in session.journal.entries()] == ["I want to die. I don't want to be here anymore."]
    assert session.state.variables["need"] == "" and session.state.variables["heavy"] is True
    go(session, "Sit in the garden.")
    text = session.view().text
    assert "die" not in text and "What you wrote is kept for you." in text


def test_support_is_offered_once_a_step_for_words_that_sound_like_a_crisis(open_session):
    session = open_session()
    go(session, "Go in.")
    assert not session.offer_care("some quiet")
    assert session.offer_care("I want to die")
    assert not session.offer_care("I want to die, I said")  # once a step: the draft, then the answer
    go(session, "Sit in the garden.")
    assert session.offer_care("I want to end it all")


def test_an_ordinary_answer_is_quoted_back_as_before(open_session):
    session = open_session()
    go(session, "Go in.")
    session.answer("some quiet")
    go(session, "Sit in the garden.")
    assert "You said you need: some quiet" in session.view().text


# -- in the full screen ----------------------------------------------------------------------------
async def test_stopping_at_the_check_in_shows_the_gentle_stop_and_one_key_goes_on(make_app, read_screen):
    from experience.tui.screens.checkin import CheckInScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "1")  # begin; go in
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.press("1")  # down the stairs: deep
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("4")  # I'll stop here for today
        await pilot.pause()
        assert "Stopping for today" in read_screen(app)
        assert str(app.screen.query_one("#choices").get_option_at_index(0).prompt).endswith(
            "Go on from where I stopped"
        )
        await pilot.press("1")
        await pilot.pause()
        assert app.session.state.scene == "one/hall"


async def test_the_welcome_back_after_a_stop_says_where_and_goes_on_or_picks_up(make_app, open_session, read_screen):
    session = open_session()
    go(session, "Go in.")
    go(session, "Sit in the garden.")
    go(session, "Go on to the second room.")
    go(session, "Sit by the window.")
    session.restart()
    go(session, "Go in.")
    go(session, "Go down the stairs.", CheckInReply.STOP)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = read_screen(app)
        assert "Last time you stopped for a while, at “A place to pause”, Stopping for today." in text
        assert "You can go on from where you stopped: “The first room”, The hall." in text
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.state.scene == "one/hall"
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # continue where I left off: the hall, as the last sitting went on
        await pilot.pause()
        assert again.session.state.scene == "one/hall"


async def test_the_palette_offers_every_movement_reached(make_app, open_session):
    session = open_session()
    go(session, "Go in.")
    go(session, "Sit in the garden.")
    go(session, "Go on to the second room.")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "Go to the start of Going on: “The second room”" in commands
        commands["Go to the start of Arriving: “The first room”"].callback()
        await pilot.pause()
        assert app.session.state.scene == "one/door"


def test_a_place_named_like_its_chapter_is_said_once():
    from experience.care.words import place

    assert place("Carrying it back", "Carrying it back") == "“Carrying it back”"
    assert place("The first room", "The hall") == "“The first room”, The hall"
    assert place("The first room", None) == "“The first room”"


def test_a_place_whose_title_ends_in_a_question_is_not_followed_by_a_stray_full_stop():
    from experience.care.words import full_stop, go_on_from, place

    where = place("Noticing the distance", "What is wrong with me?")
    assert f"You were at {where}{full_stop(where)}" == "You were at “Noticing the distance”, What is wrong with me?"
    assert go_on_from(place("The first room", "The hall")).endswith("The hall.")


def test_a_movement_named_in_its_first_chapters_title_is_not_said_twice():
    from experience.care.words import pick_up_label

    assert pick_up_label("Noticing", "Noticing the distance") == "Go to the start of “Noticing the distance”"
    assert pick_up_label("Letting go", "Old roles") == "Go to the start of Letting go: “Old roles”"


def test_going_on_after_stopping_at_a_check_in_brings_the_answer_given_there(open_session):
    """Stopped at the check-in after answering, and going on: the question is answered still
    (shown as kept), and writing again replaces that answer instead of adding a second one."""
    session = open_session()
    go(session, "Go in.")
    session.answer("half a thought")
    go(session, "Go down the stairs.", CheckInReply.STOP)
    session.go_on()
    assert session.state.scene == "one/hall"
    kept = session.answered_here()
    assert kept is not None and kept.answer == "half a thought"
    session.answer("a whole thought")
    assert [e.answer for e in session.journal.entries()] == ["a whole thought"]
