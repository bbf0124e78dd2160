"""The look of changing the journal, pinned. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import TextArea

from ..helpers import LETTER_STORY


@pytest.fixture
def played_story_dir(tmp_path):
    return shutil.copytree(LETTER_STORY, tmp_path / "letter")


def at_the_letter(app):
    session = app.session
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer("Rest, and a cup of tea\nwith nobody needing anything from me.")
    session.advance()
    return app


async def still(pilot) -> None:
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_the_journal_with_its_letter(make_app, snap_compare):
    assert snap_compare(at_the_letter(make_app()), press=["enter", "j"], terminal_size=(80, 30))


def test_an_answer_marked_in_the_journal(make_app, snap_compare):
    assert snap_compare(at_the_letter(make_app()), press=["enter", "j", "up"], terminal_size=(80, 30))


def test_changing_an_answer(make_app, snap_compare):
    async def change(pilot):
        await pilot.press("enter", "j", "up", "e")
        await still(pilot)

    assert snap_compare(at_the_letter(make_app()), run_before=change, terminal_size=(80, 30))


def test_deleting_an_answer_asks_first(make_app, snap_compare):
    assert snap_compare(at_the_letter(make_app()), press=["enter", "j", "up", "up", "d"], terminal_size=(80, 30))


def test_a_question_gone_back_to_shows_its_answer(make_app, snap_compare):
    async def back(pilot):
        await pilot.press("enter")
        await pilot.pause()
        pilot.app.screen.action_back()
        await still(pilot)

    assert snap_compare(at_the_letter(make_app()), run_before=back, terminal_size=(80, 30))
