"""Fixtures for the player and its saved progress: small stories of their own, private data folders.

These tests never use the bundled journey (it is being rewritten), except for one smoke test.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["TZ"] = "UTC"  # journal dates are shown in local time; pictures must not depend on it
time.tzset()

STORIES = Path(__file__).parent / "stories"
FIXED_TIME = "2026-03-14T09:30:00Z"


@pytest.fixture
def small_story_dir(tmp_path: Path) -> Path:
    """A copy of the small story, free to be edited by the test."""
    return Path(shutil.copytree(STORIES / "small", tmp_path / "small"))


@pytest.fixture
def small_story(small_story_dir: Path):
    from experience.story import load_story

    return load_story(small_story_dir)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):
    from experience.progress.store import Store

    opened = Store.open(data_dir, clock=lambda: FIXED_TIME)
    yield opened
    opened.close()


@pytest.fixture
def session(small_story, store):
    from experience.progress.session import Session

    return Session.resume(small_story, store, "default", seed=0)


@pytest.fixture
def make_app(small_story_dir: Path, data_dir: Path):
    """Build the player as `experience play` does, on a story folder and a data folder.

    Every call opens the store afresh, like starting the program again.
    """
    from experience.progress.session import Session
    from experience.progress.store import Store
    from experience.story import load_story
    from experience.tui.app import ExperienceApp

    opened: list = []

    def make(story_dir: Path = small_story_dir, profile: str = "default"):
        store = Store.open(data_dir, clock=lambda: FIXED_TIME)
        opened.append(store)
        session = Session.resume(load_story(story_dir), store, profile, seed=0)
        notices = (store.set_aside.message(),) if store.set_aside else ()
        app = ExperienceApp(session, notices=notices)
        app.animation_level = "none"  # the environment variable may be read before this file is
        return app

    yield make
    for store in opened:
        store.close()
