"""Fixtures for the care tests: a gentle story of their own, played by `make_app` and `open_session`
(tests/conftest.py), whose sitting's clock is the test's to give, so a break can be due at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..helpers import choice

GENTLE_STORY = Path(__file__).parent / "stories" / "gentle"


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    """A copy of the gentle story, the one these tests play."""
    return Path(shutil.copytree(GENTLE_STORY, tmp_path / "gentle"))


@pytest.fixture
def choose():
    """Take the choice with these words, through the session (no keys pressed)."""

    def take(session, label: str) -> None:
        session.start()
        session.choose(choice(session, label))

    return take
