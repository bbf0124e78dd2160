"""Words that may mean the reader is in crisis: support comes at once, gently, in the full screen,
and the words stay in the journal and are never quoted back (on the story of stops, which quotes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import TextArea

from experience.care.words import CRISIS_TITLE, CRISIS_WORDS
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.support import SETTLING, SupportScreen
from experience.tui.widgets.reflect import DRAFT_DELAY

from ..helpers import STOPPING_STORY
from ..helpers import at_the_hall as at_the_question


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


async def answer(app, pilot, words: str) -> type:
    """Write `words` as the hall's answer and save it; what comes on the screen then."""
    area = await at_the_question(app, pilot)
    area.insert(words)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return type(app.screen)


async def test_a_crisis_answer_brings_support_at_once_and_is_never_quoted_back(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert await answer(app, pilot, "I want to die. I do not want to be here anymore.") is SupportScreen
        text = read_screen(app)
        assert str(CRISIS_TITLE) in text and str(CRISIS_WORDS) in text
        assert "I want to die" not in text  # the words are never quoted back, here either
        await pilot.pause(SETTLING + 0.2)  # it acts on no key for a moment: see test_heard_words.py
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        assert [e.answer for e in app.session.journal.entries()] == ["I want to die. I do not want to be here anymore."]
        await pilot.press("2")  # the garden, which quotes what you need
        await pilot.pause()
        garden = read_screen(app)
        assert "want to die" not in garden and "What you wrote is kept for you." in garden


async def test_a_crisis_draft_brings_support_once_while_writing(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        area = await at_the_question(app, pilot)
        area.insert("no reason to live")
        await pilot.pause(DRAFT_DELAY + 0.3)  # the draft is kept after a moment of quiet
        assert isinstance(app.screen, SupportScreen)
        await pilot.pause(SETTLING + 0.2)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "no reason to live"  # nothing lost
        area.insert(", none at all")
        await pilot.pause(DRAFT_DELAY + 0.3)
        assert isinstance(app.screen, SceneScreen)  # once a step: not again and again
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_ordinary_words_bring_nothing_but_the_choices(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert await answer(app, pilot, "I could die of embarrassment, honestly") is SceneScreen
