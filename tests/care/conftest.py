"""Fixtures for the care tests: a gentle story of their own, a private data folder, the player.

The player runs with animations off (as in every UI test here) unless a test turns them on to
see the breath move. The sitting's clock is the test's to give, so a break can be due at once.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["TZ"] = "UTC"
time.tzset()

STORY = Path(__file__).parent / "stories" / "gentle"
FIXED_TIME = "2026-03-14T09:30:00Z"


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STORY, tmp_path / "gentle"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def open_session(story_dir: Path, data_dir: Path):
    """A session as `experience play` opens it; every call is like starting the program again."""
    from experience.progress.session import Session
    from experience.progress.store import Store
    from experience.story import load_story

    opened: list = []

    def make(profile: str = "default"):
        store = Store.open(data_dir, clock=lambda: FIXED_TIME)
        opened.append(store)
        return Session.resume(load_story(story_dir), store, profile, seed=0)

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_app(open_session):
    from experience.tui.app import ExperienceApp

    def make(profile: str = "default", *, sitting=None):
        app = ExperienceApp(open_session(profile), sitting=sitting)
        app.animation_level = "none"  # the environment variable may be read before this file is
        return app

    return make


@pytest.fixture
def choose():
    """Take the choice with these words, through the session (no keys pressed)."""

    def take(session, label: str) -> None:
        session.start()
        session.choose(next(choice for choice, text in session.view().choices if text == label))

    return take
