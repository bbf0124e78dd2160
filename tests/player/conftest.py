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
