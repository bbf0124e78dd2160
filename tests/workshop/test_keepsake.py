"""The journal a participant downloads: their prompts and answers, by chapter, as Markdown."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from experience.progress.session import Session
from experience.progress.store import Store
from experience.workshop.keepsake import journal_markdown

DAY = datetime(2026, 3, 14, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def session(room_story, tmp_path):
    store = Store.open(tmp_path / "data")
    yield Session.resume(room_story, store, "participant", seed=0)
    store.close()


def test_an_empty_journal_says_so_kindly(session):
    text = journal_markdown(session, today=DAY)
    assert text.startswith("# My journal: A small room\n")
    assert "Written on 14 March 2026." in text
    assert "Nothing was written this time" in text


def test_each_answer_follows_its_prompt_under_its_chapter(session):
    session.start()
    session.choose(session.view().choices[0][0])
    session.advance()
    session.answer("A small room\nwith a lamp.")
    text = journal_markdown(session, today=DAY)
    assert "## Turning inward\n\n> What is behind the door?\n\nA small room\nwith a lamp.\n" in text
