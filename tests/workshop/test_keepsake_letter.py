"""A participant's download keeps the story's letter too, as the export at home does."""

from __future__ import annotations

from datetime import UTC, datetime

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.workshop.keepsake import journal_markdown

from ..helpers import LETTER_STORY


def test_the_download_ends_with_the_letter_the_participant_reached(tmp_path):
    store = Store.open(tmp_path / "data")
    try:
        session = Session.resume(load_story(LETTER_STORY), store, "participant", seed=0)
        session.start()
        session.answer("Sam")
        session.advance()
        session.answer("a long walk")
        session.advance()
        text = journal_markdown(session, today=datetime(2026, 3, 14, tzinfo=UTC))
    finally:
        store.close()
    assert text.index("> a long walk") < text.index("## A letter to yourself") < text.index("Dear Sam,")
