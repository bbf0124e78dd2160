"""Step out: everything kept, a calm goodbye, what this is not, and where to find support, for everyone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.widgets import TextArea

import experience
from experience import cli
from experience.care.support import as_text, load_support
from experience.care.words import GOODBYE, NOTHING_SENT, SUPPORT_KEY, WHAT_IT_IS_NOT
from experience.tui.app import STEPPED_OUT, ExperienceApp
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.step_out import StepOutScreen
from experience.tui.screens.support import SupportScreen


async def test_stepping_out_opens_with_a_calm_goodbye_and_then_every_support_line(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.action_step_out()
        await pilot.pause()
        assert isinstance(app.screen, StepOutScreen)
        text = read_screen(app)
        support = load_support()
        assert text.index(str(GOODBYE)) < text.index(str(WHAT_IT_IS_NOT)) < text.index(support.advice)
        assert str(NOTHING_SENT) in text and support.safety_note in text
        for line in support.lines + support.safety_lines:
            assert line.name in text and line.how_to_reach in text
        await pilot.press("enter")
    assert app.return_value == STEPPED_OUT


async def test_leaving_for_now_at_an_ending_steps_out(make_app, choose):
    app = make_app()
    choose(app.session, "Open the door.")
    choose(app.session, "Rest here.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue where I left off: the ending
        await pilot.pause()
        await pilot.press("3")  # read the journal, start again, leave for now
        await pilot.pause()
        assert isinstance(app.screen, StepOutScreen)


async def test_a_half_written_answer_is_kept_when_leaving_from_support(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("not finished yet")
        await pilot.press(SUPPORT_KEY)  # from the answer box itself
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("3")  # leave for now
    assert app.return_value == STEPPED_OUT
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue where I left off
        await pilot.pause()
        assert again.session.state.scene == "one/hall"
        assert again.screen.query_one(TextArea).text == "not finished yet"


async def test_esc_on_the_goodbye_goes_back_to_exactly_where_one_was(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2")
        app.action_step_out()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.session.state.scene == "one/step"
    assert app.return_value is None


async def test_ctrl_q_on_the_goodbye_still_counts_as_stepping_out(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.action_step_out()
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_value == STEPPED_OUT


async def test_the_palette_offers_support_and_step_out(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:3] == ["Pause", "Support", "Step out"] and "Settings" in titles and "Leave" in titles


# -- after the window closes ------------------------------------------------------------------
@pytest.mark.parametrize("result, shown", [(STEPPED_OUT, True), (None, False)])
def test_support_stays_in_the_terminal_after_stepping_out_only(
    played_story_dir, data_dir, capsys, monkeypatch, result, shown, in_a_terminal
):
    monkeypatch.setattr(ExperienceApp, "run", lambda self: result)
    assert cli.main(["play", str(played_story_dir), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert (str(GOODBYE) in out) is shown
    assert (as_text().splitlines()[-1] in out) is shown
    assert "\x1b" not in out


def test_nothing_in_the_player_can_reach_the_network():
    """The player never contacts anyone: neither way of playing, nor care, imports a way to.

    (`experience serve`, for workshops, is a separate command and is not checked here.)
    """
    root = Path(experience.__file__).parent
    banned = {"socket", "urllib", "http", "requests", "smtplib", "ftplib", "ssl", "webbrowser", "asyncio.streams"}
    for folder in ("care", "plain", "tui"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom) and not node.level
                    else []
                )
                assert not {n.split(".")[0] for n in names} & banned, f"{path.name} imports {names}"
