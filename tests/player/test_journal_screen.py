"""The full-screen journal: every answer, then the story's letter; an answer changed (e) or deleted
(d, once confirmed) from there; and a question gone back to shows its answer to edit."""

from __future__ import annotations

import shutil
from contextlib import asynccontextmanager

import pytest
from textual.widgets import Button, TextArea

from experience.tui.screens.journal import JournalScreen
from experience.tui.screens.journal_change import ConfirmDeleteScreen, EditAnswerScreen
from experience.tui.widgets.entry import EntryCard, LetterCard
from experience.tui.widgets.reflect import ReflectBox

from ..helpers import LETTER_STORY


@pytest.fixture
def played_story_dir(tmp_path):
    return shutil.copytree(LETTER_STORY, tmp_path / "letter")


def answered_to_the_letter(app) -> None:
    session = app.session
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer("rest")
    session.advance()


async def open_journal(pilot) -> None:
    await pilot.press("enter")  # welcome back: continue
    await pilot.pause()
    await pilot.press("j")
    await pilot.pause()
    assert isinstance(pilot.app.screen, JournalScreen)


async def mark_answer(pilot, answer: str) -> EntryCard:
    while not (isinstance(pilot.app.focused, EntryCard) and pilot.app.focused.entry.answer == answer):
        await pilot.press("up")
    return pilot.app.focused


@asynccontextmanager
async def in_the_journal(make_app, marking: str | None = None):
    """The app at the letter story's journal, both answers written, `marking` marked."""
    app = make_app()
    answered_to_the_letter(app)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_journal(pilot)
        if marking is not None:
            await mark_answer(pilot, marking)
        yield app, pilot


async def test_the_journal_shows_the_letter_after_the_answers(make_app, read_screen):
    async with in_the_journal(make_app) as (app, pilot):
        cards = app.screen.query("EntryCard, LetterCard")
        assert [type(card) for card in cards] == [EntryCard, EntryCard, LetterCard]
        assert isinstance(app.focused, LetterCard)  # the newest last: the journal opens at the letter
        text = read_screen(app)
        assert "A letter to yourself" in text and "Dear Sam," in text and "“rest”" in text


async def test_change_and_delete_are_offered_on_an_answer_only(make_app):
    async with in_the_journal(make_app) as (app, pilot):
        assert app.screen.check_action("edit", ()) is False
        await pilot.press("e")
        assert isinstance(app.screen, JournalScreen)
        await mark_answer(pilot, "rest")
        assert app.screen.check_action("edit", ()) and app.screen.check_action("delete", ())


async def test_an_answer_is_changed_from_the_journal_and_the_letter_with_it(make_app, read_screen):
    async with in_the_journal(make_app, "rest") as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditAnswerScreen)
        app.screen.query_one(TextArea).insert(", and tea")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert [e.answer for e in app.session.journal.entries()] == ["Sam", "rest, and tea"]
        assert "“rest, and tea”" in read_screen(app)
        assert isinstance(app.focused, EntryCard) and app.focused.entry.answer == "rest, and tea"


async def test_leaving_the_change_screen_keeps_the_answer_as_it_was(make_app):
    async with in_the_journal(make_app, "rest") as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(" not this")
        await pilot.press("escape")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["Sam", "rest"]


async def test_deleting_asks_first_and_keeping_it_is_what_enter_does(make_app):
    async with in_the_journal(make_app, "Sam") as (app, pilot):
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDeleteScreen)
        assert app.focused is app.screen.query_one("#keep", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["Sam", "rest"]


async def test_a_confirmed_deletion_removes_the_answer_and_says_what_the_check_found(make_app, read_screen):
    async with in_the_journal(make_app, "Sam") as (app, pilot):
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["rest"]
        assert "Dear friend," in read_screen(app)
        assert any("can no longer be found" in n.message for n in app._notifications)
        assert isinstance(app.focused, EntryCard) and app.focused.entry.answer == "rest"


# -- going back to a question -------------------------------------------------------------------------
async def test_going_back_to_a_question_shows_its_answer_to_edit_and_saving_replaces_it(make_app):
    app = make_app()
    app.session.start()
    app.session.answer("Sam")
    app.session.advance()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")  # welcome back: continue, at the second question
        await pilot.pause()
        await pilot.press("escape")  # the box has the focus: Esc pauses
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.screen.action_back()
        await pilot.pause()
        box = app.screen.query_one(ReflectBox)
        assert box.display and box.text == "Sam"
        assert str(box.query_one("#save", Button).label) == "Save changes"
        assert str(box.query_one("#skip", Button).label) == "Keep as it was"
        box.query_one(TextArea).insert("my")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["Sammy"]


async def test_keeping_the_answer_as_it_was_lets_the_story_go_on_with_it(make_app):
    app = make_app()
    app.session.start()
    app.session.answer("Sam")
    app.session.advance()
    app.session.back()
    app.session.advance()  # on again, past a question gone back over: its answer is offered
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.screen.action_back()
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["Sam"]
        assert app.session.state.variables["name"] == "Sam"
        assert app.screen.query_one("#kept").display


async def test_resuming_at_an_answered_question_shows_it_is_kept(make_app):
    app = make_app()
    app.session.start()
    app.session.answer("Sam")
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one(ReflectBox).display
        assert app.screen.query_one("#kept").display


async def test_a_letter_taller_than_the_window_is_read_with_the_arrows_before_they_move_on(make_app):
    app = make_app()
    session = app.session
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer(" ".join(["rest, and a long quiet evening with nothing asked of me"] * 4))
    session.advance()
    async with app.run_test(size=(60, 14)) as pilot:
        await open_journal(pilot)
        entries = app.screen.query_one("#entries")
        letter = app.focused
        assert isinstance(letter, LetterCard)
        assert letter.virtual_region.height > entries.scrollable_content_region.height  # taller than the window
        start = entries.scroll_y
        await pilot.press("down")  # the rest of it is below the window: the arrow reads on
        await pilot.pause()
        assert app.focused is letter and entries.scroll_y > start
        for _ in range(10):  # back up through it, then on to the answer before it
            await pilot.press("up")
            await pilot.pause()
            if app.focused is not letter:
                break
        assert isinstance(app.focused, EntryCard) and app.focused.entry.answer.startswith("rest, and a long")


async def test_an_answer_changed_into_words_of_crisis_brings_support_at_once(make_app):
    from experience.tui.screens.support import SupportScreen

    async with in_the_journal(make_app, "rest") as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.load_text("I want to die.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        assert app.session.state.variables["need"] == ""
