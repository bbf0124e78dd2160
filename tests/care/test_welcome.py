"""The first run says plainly what this is and is not, who it is not for today, and who sets the pace."""

from __future__ import annotations

from textual.containers import VerticalScroll

from experience.care.words import NOT_FOR_NOW, WHAT_IT_IS_NOT, WHAT_THIS_IS
from experience.tui.screens.welcome import WelcomeScreen


async def test_the_first_run_is_honest_about_what_this_is_and_is_not(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = read_screen(app)
        for words in (str(WHAT_THIS_IS), str(WHAT_IT_IS_NOT), str(NOT_FOR_NOW)):
            assert words in text
        assert "not therapy" in text and "not help in a crisis" in text
        assert "people in your life" in text  # no substitute for a real conversation


def test_the_first_run_says_who_sets_the_pace_and_how_to_leave():
    from experience.care.words import YOUR_PACE_KEYS

    for words in ("You set the pace", "p to pause", "b to go back", "f2 for settings", "ctrl+q to leave"):
        assert words in str(YOUR_PACE_KEYS)


async def test_the_first_run_names_the_one_key_that_shows_support_from_everywhere(make_app, read_screen):
    from experience.care.words import SUPPORT_KEY, SUPPORT_KEYS

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(SUPPORT_KEYS) in read_screen(
            app
        ) and f"Press {SUPPORT_KEY} at any moment, even while writing" in str(SUPPORT_KEYS)


async def test_in_a_small_window_the_welcome_opens_at_the_top_and_scrolls(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        card = app.screen.query_one("#welcome-words", VerticalScroll)
        assert card.scroll_y == 0 and card.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert card.scroll_y > 0
        begin = app.screen.query_one("#begin")
        assert app.focused is begin and begin.region.bottom <= app.screen.query_one("Footer").region.y
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
