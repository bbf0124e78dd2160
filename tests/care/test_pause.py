"""Pause: a breath to follow or the senses one at a time, and back exactly where one was."""

from __future__ import annotations

import asyncio

from textual.widgets import TextArea

from experience.care.grounding import SENSES, SENSES_CLOSING, STILL_BREATH
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.tui.widgets.breath import Breath


async def begin(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def test_pausing_mid_answer_comes_back_to_the_same_words_and_cursor(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.insert("I need some quiet,\nand a")
        cursor = area.cursor_location
        scene = app.screen
        await pilot.press("escape")  # p would be typed; Esc pauses while writing
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is scene and app.session.state.scene == "one/hall"
        assert area.text == "I need some quiet,\nand a" and area.cursor_location == cursor
        assert app.focused is area


async def test_pausing_mid_scene_keeps_the_place_in_a_long_text(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await begin(pilot)
        await pilot.press("2")  # the long scene on the step
        await pilot.pause()
        reading = app.screen.query_one("#reading")
        await pilot.press("pagedown")
        await pilot.pause()
        where = reading.scroll_y
        assert where > 0
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and reading.scroll_y == where


async def test_the_breath_is_written_out_when_animations_are_off(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        breath = app.screen.query_one(Breath)
        assert breath.has_class("-still") and not breath.moving
        assert all(str(line) in breath.render().plain for line in STILL_BREATH)


async def test_the_breath_moves_when_animations_are_on(make_app):
    app = make_app()
    app.animation_level = "full"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        breath = app.screen.query_one(Breath)
        first = breath.render().plain
        assert "Breathe in…" in first and "━" in first
        await asyncio.sleep(0.5)
        assert breath.render().plain != first  # the line has grown


async def test_turning_on_reduced_motion_stills_the_breath_at_once(make_app):
    app = make_app()
    app.animation_level = "full"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        app.set_reduced_motion(True)
        await pilot.pause()
        breath = app.screen.query_one(Breath)
        assert breath.has_class("-still") and not breath.moving
        assert app.animation_level == "none"


async def test_the_senses_move_on_only_when_the_reader_presses_enter(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "n")
        await pilot.pause()
        assert str(SENSES[0][0]) in read_screen(app)
        await asyncio.sleep(0.3)  # nothing is timed: waiting changes nothing
        assert str(SENSES[0][0]) in read_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        assert str(SENSES[1][0]) in read_screen(app) and "2 of 5" in read_screen(app)
        await pilot.press(*["enter"] * (len(SENSES) - 1))
        await pilot.pause()
        assert str(SENSES_CLOSING) in read_screen(app)
        await pilot.press("enter")  # after the last words, Enter goes back
        await pilot.pause()
        assert not isinstance(app.screen, PauseScreen)


async def test_escape_leaves_the_senses_at_any_step(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("p", "n", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_b_goes_from_the_senses_back_to_the_breath(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "n", "b")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        assert app.screen.query_one(Breath).display and "Senses" in footer_text(app)


def footer_text(app) -> str:
    keys = app.screen.query("FooterKey")  # by its CSS type: Textual does not export the class
    return " ".join(f"{key.key_display} {key.description}" for key in keys)
