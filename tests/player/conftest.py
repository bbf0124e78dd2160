"""Fixtures for the player and its saved progress, on the small story (tests/conftest.py has the
story, the data folder and `make_app`).

These tests never use the bundled journey (it is being rewritten), except for one smoke test.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def store(open_store):
    return open_store()


@pytest.fixture
def session(small_story, store):
    from experience.progress.session import Session

    return Session.resume(small_story, store, "default", seed=0)


@pytest.fixture
def letter_story():
    from experience.story import load_story

    from ..helpers import LETTER_STORY

    return load_story(LETTER_STORY)


@pytest.fixture
def written_to_the_letter(letter_story, store):
    """A session of the letter story, both questions answered ("Sam", then "rest"), at the letter."""
    from experience.progress.session import Session

    session = Session.resume(letter_story, store, "default", seed=0)
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer("rest")
    session.advance()
    return session
