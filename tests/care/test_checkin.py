"""Before a deep scene: the content note, and four good answers, each doing what it says."""

from __future__ import annotations

import pytest

from experience.care.words import CheckInReply, checkin_replies
from experience.progress.session import CheckIn
from experience.story import StoryRuntimeError
from experience.tui.screens.checkin import CheckInScreen
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.step_out import StepOutScreen


async def at_the_checkin(app, pilot, choose) -> None:
    choose(app.session, "Open the door.")
    app.session.answer("quiet")
    await pilot.press("enter")  # continue where I left off
    await pilot.pause()
    await pilot.press("1")  # the old room
    await pilot.pause()
    assert isinstance(app.screen, CheckInScreen)


async def test_the_content_note_is_shown_as_written_with_four_answers(make_app, choose, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        text = read_screen(app)
        assert "Touches on an old, lonely memory. [b]Not markup[/b]." in text
        replies = app.screen.query_one("#replies")
        assert [str(replies.get_option_at_index(i).prompt)[3:] for i in range(replies.option_count)] == [
            "I'd like to go on.",
            "I'd like a gentler path.",
            "I'd like to pause first.",
            "I'll stop here for today.",
        ]


async def test_the_gentler_path_is_taken_and_saved(make_app, choose):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        await pilot.press("2")
        await pilot.pause()
        assert app.session.state.scene == "one/garden"


async def test_pausing_first_breathes_then_asks_the_same_question_again(make_app, choose):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.session.state.scene == "one/hall"
        await pilot.press("1")  # and now, go on
        await pilot.pause()
        assert app.session.state.scene == "one/deep"


async def test_p_pauses_from_the_checkin_too(make_app, choose):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)


async def test_in_a_story_without_a_gentle_stop_stopping_for_today_steps_out(make_app, choose):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, StepOutScreen)
        assert app.session.state.scene == "one/hall"  # nothing deeper was entered


async def test_not_now_stays_where_one_was(make_app, choose):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_the_checkin(app, pilot, choose)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.session.state.scene == "one/hall"


# -- the step, planned by the session for every front end ---------------------------------------------
def at_the_hall(open_session, choose):
    session = open_session()
    choose(session, "Open the door.")
    return session


def choice(session, label: str):
    return next(c for c, text in session.view().choices if text == label)


def test_a_step_into_a_deep_scene_is_planned_with_its_check_in(open_session, choose):
    session = at_the_hall(open_session, choose)
    step = session.plan(choice(session, "Go into the old room."))
    assert step.target == "one/deep"
    assert step.checkin == CheckIn("Touches on an old, lonely memory. [b]Not markup[/b].", has_gentler=True)
    assert session.state.scene == "one/hall"  # planning moves nobody


def test_a_step_into_a_gentle_scene_asks_nothing_first(open_session, choose):
    session = at_the_hall(open_session, choose)
    step = session.plan(choice(session, "Rest here."))
    assert (step.target, step.checkin) == ("one/rest", None)


def test_continuing_is_planned_as_a_step_without_a_choice(open_session, choose):
    session = open_session()
    choose(session, "Sit on the step for a while.")
    step = session.plan()
    assert (step.choice, step.target, step.checkin) == (None, "one/hall", None)
    session.take(step)
    assert session.state.scene == "one/hall"


def test_taking_a_step_with_the_gentler_answer_lands_on_the_gentler_path(open_session, choose):
    session = at_the_hall(open_session, choose)
    session.take(session.plan(choice(session, "Go into the old room.")), CheckInReply.GENTLER)
    assert session.state.scene == "one/garden"
    assert open_session().state.scene == "one/garden"  # saved, as every step is


def test_going_on_after_the_check_in_enters_the_deep_scene(open_session, choose):
    session = at_the_hall(open_session, choose)
    session.take(session.plan(choice(session, "Go into the old room.")), CheckInReply.GO_ON)
    assert session.state.scene == "one/deep"


def test_pausing_is_not_a_way_of_taking_the_step(open_session, choose):
    session = at_the_hall(open_session, choose)
    with pytest.raises(ValueError):
        session.take(session.plan(choice(session, "Go into the old room.")), CheckInReply.PAUSE)
    assert session.state.scene == "one/hall"


def test_stopping_where_the_story_has_no_gentle_stop_takes_no_step(open_session, choose):
    session = at_the_hall(open_session, choose)
    assert not session.can_stop_for_today
    with pytest.raises(StoryRuntimeError):
        session.take(session.plan(choice(session, "Go into the old room.")), CheckInReply.STOP)
    assert session.state.scene == "one/hall"


def test_a_step_the_story_cannot_work_out_is_planned_without_a_target(open_session, choose):
    session = at_the_hall(open_session, choose)
    session.take(session.plan(choice(session, "Go into the old room.")))
    step = session.plan()  # the old room has choices: it does not continue by itself
    assert (step.target, step.checkin) == (None, None)
    with pytest.raises(StoryRuntimeError):
        session.take(step)


def test_the_gentler_answer_is_offered_only_where_there_is_a_gentler_path():
    assert CheckInReply.GENTLER in checkin_replies(has_gentler=True)
    assert checkin_replies(has_gentler=False) == [CheckInReply.GO_ON, CheckInReply.PAUSE, CheckInReply.STOP]
