"""Fixtures for workshops: a small story in three movements, a rooms.db with a clock the test
holds, and the participant and facilitator apps built as their commands build them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"

STORIES = Path(__file__).parent / "stories"


class Clock:
    """Wall-clock seconds that move only when the test says so."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def room_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STORIES / "room", tmp_path / "room-story"))


@pytest.fixture
def room_story(room_story_dir: Path):
    from experience.story import load_story

    return load_story(room_story_dir)


@pytest.fixture
def movements(room_story):
    from experience.workshop.gate import Movements

    return Movements.of_story(room_story)


@pytest.fixture
def rooms_path(tmp_path: Path) -> Path:
    return tmp_path / "host" / "rooms.db"


@pytest.fixture
def rooms(rooms_path: Path, clock: Clock):
    from experience.workshop.room import Rooms

    opened = Rooms.open(rooms_path, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder
