"""Fixtures for workshops: a small story in three movements, a rooms.db with a clock the test
holds, and the participant and facilitator apps built as their commands build them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import REPO
from .webclient import SERVED_ROOM, free_port  # in a module of their own: tests import them too

STORIES = Path(__file__).parent / "stories"
PARTICIPANTS_POLL = 0.05  # how often a participant's app looks at the room, in these tests


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
def make_participant(room_story, rooms, tmp_path):
    """A participant's app as the session process builds it, in `SERVED_ROOM` (begun, unless
    told otherwise), with its own store; `story` plays another story in the same room."""
    from experience.progress.session import Session, story_key
    from experience.progress.store import Store
    from experience.workshop.gate import Movements
    from experience.workshop.pacing import Pacing
    from experience.workshop.participant import ParticipantApp

    opened = []

    def make(*, join_code=None, paced=True, begun=True, story=None, **options) -> ParticipantApp:
        story = story or room_story
        store = Store.open(tmp_path / f"participant-{len(opened)}")
        opened.append(store)
        session = Session.resume(story, store, "participant", seed=0)
        pacing = None
        if paced:
            rooms.ensure(SERVED_ROOM, story_key(story))
            if begun:
                rooms.open_movement(SERVED_ROOM, 0)
            pacing = Pacing(rooms, SERVED_ROOM, Movements.of_story(story))
        poll = PARTICIPANTS_POLL
        app = ParticipantApp(session, pacing=pacing, join_code=join_code, heartbeat=60, poll=poll, look=poll, **options)
        app.animation_level = "none"
        return app

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


@pytest.fixture
def served(room_story_dir, room_story, tmp_path):
    """`experience serve` as a facilitator starts it, on a free loopback port, its room begun (the
    first movement open); stopped afterwards."""
    from experience.progress.session import story_key
    from experience.workshop.room import Rooms

    rooms = Rooms.open(tmp_path / "host" / "rooms.db")
    try:
        rooms.ensure(SERVED_ROOM, story_key(room_story))
        rooms.open_movement(SERVED_ROOM, 0)
    finally:
        rooms.close()
    yield from _serve(room_story_dir, tmp_path)


@pytest.fixture
def served_lobby(room_story_dir, tmp_path):
    """The same, with its room new: in its lobby until the facilitator begins."""
    yield from _serve(room_story_dir, tmp_path)


def _serve(room_story_dir: Path, tmp_path: Path):
    port = free_port()
    data_dir, sessions_dir = tmp_path / "host", tmp_path / "sessions"
    env = dict(os.environ, PYTHONPATH=str(REPO), TEXTUAL_ANIMATIONS="none")
    env.pop("EXPERIENCE_JOIN_CODE", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "experience",
            "serve",
            str(room_story_dir),
            "--port",
            str(port),
            "--room",
            SERVED_ROOM,
            "--data-dir",
            str(data_dir),
            "--sessions-dir",
            str(sessions_dir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        yield base, data_dir, sessions_dir, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
