"""Fixtures for workshops: a small story in three movements, a rooms.db with a clock the test
holds, and the participant and facilitator apps built as their commands build them."""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ..helpers import REPO
from .webclient import SERVED_ROOM, eventually, free_port, session_folders  # tests import them too

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

    def make(*, ask_code=False, paced=True, begun=True, story=None, **options) -> ParticipantApp:
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
        app = ParticipantApp(session, pacing=pacing, ask_code=ask_code, heartbeat=60, poll=poll, look=poll, **options)
        app.animation_level = "none"
        app.told = []  # type: ignore[attr-defined] - what it would have told the server, in order
        app.tell_server = lambda kind, **fields: app.told.append((kind, fields))  # type: ignore[attr-defined, method-assign]
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


@dataclass
class InProcess:
    base: str
    sessions_dir: Path
    server: Any  # the WorkshopServer, to look at its places and its sessions


@pytest.fixture
async def start_server(room_story_dir, tmp_path, monkeypatch):
    """A WorkshopServer on a free loopback port, inside the test's own event loop; when the test
    is over, it waits for every session process to end (their folders gone), then stops."""
    pytest.importorskip("textual_serve", reason="serving needs textual-serve")
    from aiohttp import web

    from experience.workshop.serve import WorkshopServer
    from experience.workshop.serving import ServedRoom

    monkeypatch.setenv("PYTHONPATH", os.environ.get("PYTHONPATH", ""))  # restored afterwards
    runners = []
    sessions_dir = tmp_path / "sessions"

    async def start(*, room: ServedRoom | None = None, **options) -> InProcess:
        served = room or ServedRoom(room_story_dir, sessions_dir)
        server = WorkshopServer(served, title="A small room", **options)
        runner = web.AppRunner(await server._make_app())
        await runner.setup()
        runners.append(runner)
        port = free_port()
        try:
            await web.TCPSite(runner, "127.0.0.1", port).start()
        except OSError as error:
            pytest.skip(f"cannot listen on 127.0.0.1: {error}")
        return InProcess(f"http://127.0.0.1:{port}", served.sessions_dir, server)

    yield start
    await eventually(lambda: not session_folders(sessions_dir), timeout=15)
    for runner in runners:
        await runner.cleanup()
    await asyncio.sleep(0.5)  # let the session processes' pipes close inside this loop
    gc.collect()
