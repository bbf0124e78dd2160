"""Words heard as they are written, in the full screen: harm from another person met with its own
calm words and services, a support screen that never takes the keys of a sentence being written,
and no way past the listening (leaving with ctrl+q, or Skip) that loses words or support."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import TextArea

from experience.care.words import CRISIS_TITLE, HARM_TITLE, HARM_WORDS, PASSED_DRAFT_KEPT
from experience.tui.app import STEPPED_OUT
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.support import SETTLING, SupportScreen
from experience.tui.widgets.reflect import DRAFT_DELAY

from ..helpers import STOPPING_STORY
from ..helpers import at_the_hall as at_the_question


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


async def test_harm_from_another_person_is_met_with_its_own_words_and_the_abuse_services_first(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("he hits me when he drinks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        text = read_screen(app)
        assert str(HARM_TITLE) in text and str(HARM_WORDS) in text and str(CRISIS_TITLE) not in text
        assert "hits me" not in text  # never quoted back
        assert text.index("National Domestic Violence Hotline") < text.index("988 Suicide & Crisis Lifeline")
        await pilot.pause(SETTLING + 0.2)
        await pilot.press("escape")
        await pilot.press("2")  # the garden, which quotes what you need
        await pilot.pause()
        assert "hits me" not in read_screen(app)
        assert app.session.careful


async def test_the_support_that_comes_by_itself_acts_on_no_key_at_first_and_keeps_what_is_typed(make_app, monkeypatch):
    # The first moment lasts as long as the keys take to arrive, however busy the machine, and
    # ends here as its timer would end it (the timer itself: the test after this one).
    monkeypatch.setattr("experience.tui.screens.support.SETTLING", 600.0)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("no reason to live")
        await pilot.pause(DRAFT_DELAY + 0.3)  # the draft is kept, and heard
        for _ in range(50):  # bounded: a busy machine may take a moment longer
            if isinstance(app.screen, SupportScreen):
                break
            await pilot.pause(0.2)
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("3", "space", "y", "e", "a", "r", "s", "escape", "enter")  # still writing
        assert isinstance(app.screen, SupportScreen)  # 3 did not leave; Esc and Enter did nothing
        app.screen._settled()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        assert app.screen.query_one(TextArea).text == "no reason to live3 years\n"  # nothing typed is lost


async def test_after_its_first_moment_the_support_screen_answers_the_arrows_and_enter(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("I want to die")
        await pilot.press("ctrl+s")
        await pilot.pause(SETTLING + 0.2)
        await pilot.press("3")  # numbers choose nothing here
        assert isinstance(app.screen, SupportScreen)
        await pilot.press("down", "down", "enter")  # Leave for now
        await pilot.pause()
    assert app.return_value == STEPPED_OUT


async def test_leaving_with_ctrl_q_hears_the_words_in_the_box_and_shows_support_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("i feel like dying")
        await pilot.press("ctrl+q")  # at once: no draft has been kept or heard yet
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen) and app.is_running
        await pilot.press("ctrl+q")  # again: leave, as a stepping out
        await pilot.pause()
    assert app.return_value == STEPPED_OUT
    assert app.session.journal.draft("one/hall") == "i feel like dying"  # kept, as the journal keeps drafts


async def test_leaving_with_ctrl_q_with_ordinary_words_leaves_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("some quiet")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is None
    assert app.session.journal.draft("one/hall") == "some quiet"


async def test_skip_keeps_what_was_written_as_a_draft_and_says_so(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("not sure yet, maybe rest")
        app.screen.query_one("#skip").press()
        await pilot.pause()
        assert str(PASSED_DRAFT_KEPT) in [str(n.message) for n in app._notifications]
        assert app.session.journal.draft("one/hall") == "not sure yet, maybe rest"
        assert app.session.journal.entries() == []  # passed by: not an answer


async def test_skip_hears_the_words_it_keeps(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("my partner hurts me")
        app.screen.query_one("#skip").press()
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen) and app.screen.concern is not None


async def test_leaving_after_words_were_heard_leaves_the_support_lines_in_the_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("he hits me")
        await pilot.press("ctrl+s")
        await pilot.pause(SETTLING + 0.2)
        await pilot.press("escape")  # back to the scene, having seen support once
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == STEPPED_OUT  # the player prints the goodbye and the lines after it
