"""The journal a participant downloads: their prompts and answers, by chapter, as Markdown."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from experience.progress.session import Session
from experience.progress.store import Store
from experience.workshop.keepsake import journal_markdown

DAY = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def session(room_story, tmp_path):
    store = Store.open(tmp_path / "data")
    yield Session.resume(room_story, store, "participant", seed=0)
    store.close()


def test_it_is_the_same_letter_as_an_export_at_home(session):
    text = journal_markdown(session, today=DAY)
    assert text.startswith("# A small room\n")
    assert "Dear me," in text and "14 March 2026" in text


def test_each_answer_follows_its_prompt_under_its_chapter(session):
    session.start()
    session.choose(session.view().choices[0][0])
    session.advance()
    session.answer("A small room\n*with* a lamp.")
    text = journal_markdown(session, today=DAY)
    assert "## Turning inward\n\n**What is behind the door?**\n\n> A small room  \n> \\*with\\* a lamp.\n" in text
