"""Support from anywhere: one key (f1) that never types, shown in every footer, even while writing,
with a way back, a pause, and a way out."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.widgets import TextArea

import experience
from experience.care.support import load_support
from experience.care.words import SUPPORT_KEY, SUPPORT_KEYS, SUPPORT_LETTER
from experience.tui.app import STEPPED_OUT
from experience.tui.screens.checkin import CheckInScreen
from experience.tui.screens.journal import JournalScreen
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.settings import SettingsScreen
from experience.tui.screens.step_out import StepOutScreen
from experience.tui.screens.support import SupportScreen
from experience.tui.screens.welcome import WelcomeScreen
from experience.tui.screens.welcome_back import WelcomeBackScreen


def footer_keys(app) -> dict[str, str]:
    """What the footer of the current screen shows: each key and what it does."""
    return {key.key: key.description for key in app.screen.query("FooterKey")}


async def support_and_back(app, pilot) -> type:
    """Press the support key; the support screen comes; Esc goes back. Returns where it came back to."""
    here = type(app.screen)
    assert footer_keys(app).get(SUPPORT_KEY) == "Support", (here.__name__, footer_keys(app))
    await pilot.press(SUPPORT_KEY)
    await pilot.pause()
    assert isinstance(app.screen, SupportScreen), here.__name__
    await pilot.press("escape")
    await pilot.pause()
    assert type(app.screen) is here
    return here


async def test_the_support_key_works_and_is_shown_on_every_screen_even_while_writing(make_app, choose):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await support_and_back(app, pilot) is WelcomeScreen
        await pilot.press("enter", "1")  # begin, open the door: a question
        await pilot.pause()
        app.screen.query_one(TextArea).insert("half a thought")
        assert await support_and_back(app, pilot) is SceneScreen
        assert app.screen.query_one(TextArea).text == "half a thought"  # f1 typed nothing
        assert app.focused is app.screen.query_one(TextArea)
        await pilot.click("#skip")
        for key, kind in (("j", JournalScreen), ("p", PauseScreen), ("f2", SettingsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert await support_and_back(app, pilot) is kind
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("1")  # the old room: the check-in first
        await pilot.pause()
        assert await support_and_back(app, pilot) is CheckInScreen


async def test_on_the_welcome_back_and_the_goodbye_too(make_app, choose):
    app = make_app()
    choose(app.session, "Open the door.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await support_and_back(app, pilot) is WelcomeBackScreen
        await pilot.press("enter")
        app.action_step_out()
        await pilot.pause()
        assert footer_keys(app).get(SUPPORT_KEY) == "Support"
        await pilot.press(SUPPORT_KEY)  # the lines are here already: it brings them into view
        await pilot.pause()
        assert isinstance(app.screen, StepOutScreen)


async def test_s_shows_support_wherever_it_types_nothing_and_types_in_the_answer_box(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", SUPPORT_LETTER)
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("escape", "1")
        await pilot.pause()
        await pilot.press(SUPPORT_LETTER)
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.screen.query_one(TextArea).text == SUPPORT_LETTER


async def test_the_support_screen_lists_every_line_with_a_way_back_a_pause_and_a_way_out(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", SUPPORT_KEY)
        await pilot.pause()
        text = read_screen(app)
        support = load_support()
        for line in support.lines + support.safety_lines:
            assert line.name in text and line.how_to_reach in text
        assert support.safety_note in text
        await pilot.press("2")  # pause and breathe first
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape", SUPPORT_KEY)
        await pilot.pause()
        await pilot.press("3")  # leave for now
    assert app.return_value == STEPPED_OUT


def test_every_sentence_that_names_the_support_key_is_built_from_the_one_constant():
    assert SUPPORT_KEY in str(SUPPORT_KEYS)
    root = Path(experience.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "Press s " not in node.value and "Press f1" not in node.value, path.name
