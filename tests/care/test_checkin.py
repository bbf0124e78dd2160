"""Before a deep scene: the content note, and four good answers, each doing what it says."""

from __future__ import annotations

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


async def test_stopping_for_today_goes_through_step_out(make_app, choose):
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
