"""The server, end to end: real session processes driven over textual-serve's own websocket
protocol, on 127.0.0.1 only, each step bounded in time. (test_browser.py does the same in a real
Chromium where one is installed.)"""

from __future__ import annotations

import asyncio
import gc
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="serving needs textual-serve")
aiohttp = pytest.importorskip("aiohttp")

from experience.workshop.joincode import JOIN_CODE_ENV  # noqa: E402
from experience.workshop.room import Rooms  # noqa: E402
from experience.workshop.screens.join import WRONG  # noqa: E402
from experience.workshop.serve import FULL, WorkshopServer, full_screen  # noqa: E402
from experience.workshop.serving import ServedRoom  # noqa: E402

from .webclient import Tab, eventually, free_port, page_of, readable, session_folders  # noqa: E402

ROOM = "tuesday"


# -- the real command ---------------------------------------------------------------------------------
async def test_a_participant_is_held_at_the_gate_goes_on_and_takes_their_journal_home(served):
    base, data_dir, sessions_dir, server = served
    try:
        page = await page_of(base)
    except aiohttp.ClientError:
        pytest.skip(f"the server could not listen on 127.0.0.1: {server.stdout.read().decode()[-500:]}")
    assert "googleapis" not in page and not re.search(r"https?://(?!127\.0\.0\.1)", page)  # nothing fetched elsewhere

    tab = await Tab.open(base)
    try:
        await tab.wait_for("You are in a workshop room", "Begin")
        tab.mark()
        await tab.press("enter")
        await tab.wait_for("At the threshold", "Settle in.")
        tab.mark()
        await tab.press("1")
        await tab.wait_for("The chair holds you.")
        tab.mark()
        await tab.press("enter")
        await tab.wait_for(
            "The group will continue together soon.", "You can pause, or read your journal, while you wait."
        )

        rooms = Rooms.open(data_dir / "rooms.db")
        try:
            counts = rooms.counts(ROOM, 0)
            assert (counts.present, counts.waiting) == (1, 1)
            assert len(session_folders(sessions_dir)) == 1
            tab.mark()
            rooms.open_movement(ROOM, 1)
            await tab.wait_for("There is a door inside you.", "What is behind the door?")
        finally:
            rooms.close()

        tab.mark()
        await tab.type("a lamp in the window")
        await tab.press("ctrl+s")
        await tab.wait_for("Kept in your journal.")
        await tab.press("d")
        await tab.wait_for("on its way")
        assert tab.deliveries, "the journal was offered to the browser"
        journal = await tab.download(base, tab.deliveries[-1])
        assert "**What is behind the door?**" in journal and "> a lamp in the window" in journal

        tab.mark()
        await tab.press("ctrl+q")
        await tab.wait_for("Before you go", "Download my journal", "Leave now")
        await tab.press("2")
        await tab.wait_closed()
    finally:
        await tab.close()

    await eventually(lambda: not session_folders(sessions_dir))  # nothing they wrote is left here
    rooms = Rooms.open(data_dir / "rooms.db")
    try:
        assert rooms.counts(ROOM, 1).present == 0
    finally:
        rooms.close()
    server.terminate()
    output = server.communicate(timeout=15)[0].decode()
    assert "a lamp in the window" not in output
    assert "Join at    http://127.0.0.1:" in output and "Join code" not in output  # loopback: no code


async def arrived(served) -> Tab:
    """One tab at the arrival screen of the served room (skipped where nothing can listen)."""
    base, _, _, server = served
    try:
        await page_of(base)
    except aiohttp.ClientError:
        pytest.skip(f"the server could not listen on 127.0.0.1: {server.stdout.read().decode()[-500:]}")
    tab = await Tab.open(base)
    try:
        await tab.wait_for("You are in a workshop room", "Begin")
    except BaseException:
        await tab.close()
        raise
    return tab


# -- the facilitator's room, through real sessions ------------------------------------------------------------
def opened_rooms(data_dir: Path) -> Rooms:
    return Rooms.open(data_dir / "rooms.db")


async def test_a_tab_waits_in_the_lobby_counted_until_the_facilitator_begins(served_lobby):
    _, data_dir, _, _ = served_lobby
    tab = await arrived(served_lobby)
    try:
        tab.mark()
        await tab.press("enter")
        await tab.wait_for("The session will begin soon.")
        rooms = opened_rooms(data_dir)
        try:
            await eventually(lambda: rooms.counts(ROOM, -1).present == 1)
            assert rooms.get(ROOM).joined == 1 and not rooms.get(ROOM).begun
            tab.mark()
            rooms.open_movement(ROOM, 0)
            await tab.wait_for("At the threshold", "Settle in.")
        finally:
            rooms.close()
    finally:
        await tab.close()


async def test_a_message_reaches_the_tab_and_a_moment_asked_for_reaches_the_room_as_a_count(served):
    _, data_dir, _, _ = served
    tab = await arrived(served)
    rooms = opened_rooms(data_dir)
    try:
        await tab.press("enter")
        await tab.wait_for("At the threshold")
        await tab.press("m")
        await eventually(lambda: rooms.counts(ROOM, 0).moments == 1)
        tab.mark()
        rooms.send_message(ROOM, "Five more minutes.")
        await tab.wait_for("From your facilitator", "Five more minutes.")
    finally:
        rooms.close()
        await tab.close()


async def test_the_server_tells_the_room_how_to_join_and_takes_it_back_when_it_stops(served):
    base, data_dir, _, server = served
    await arrived(served)
    rooms = opened_rooms(data_dir)
    try:
        room = rooms.get(ROOM)
        assert room.join_url == base and room.join_code is None  # loopback: no code asked
        server.terminate()
        server.wait(timeout=15)
        assert rooms.get(ROOM).join_url is None
    finally:
        rooms.close()


async def test_stopping_the_server_closes_every_tab_at_once_and_leaves_nothing(served):
    _, _, sessions_dir, server = served
    tab = await arrived(served)
    try:
        server.terminate()  # the facilitator's Ctrl+C, or the service stopping
        await tab.wait_closed()
        assert tab.ws.close_code == aiohttp.WSCloseCode.GOING_AWAY  # told, not dropped when the process died
    finally:
        await tab.close()
    await eventually(lambda: not session_folders(sessions_dir))


async def test_a_session_whose_server_was_killed_ends_by_itself_and_leaves_nothing(served):
    _, _, sessions_dir, server = served
    tab = await arrived(served)
    try:
        assert len(session_folders(sessions_dir)) == 1
        server.kill()  # kill -9, a crash: the server can end nothing
        server.wait()
        await eventually(lambda: not session_folders(sessions_dir), timeout=20)
    finally:
        await tab.close()


# -- the server in this process: a join code, a limit ------------------------------------------------------
@pytest.fixture
async def start_server(room_story_dir, tmp_path, monkeypatch):
    """A WorkshopServer on a free loopback port, inside the test's own event loop; when the test
    is over, it waits for every session process to end (their folders gone), then stops."""
    from aiohttp import web

    monkeypatch.setenv("PYTHONPATH", os.environ.get("PYTHONPATH", ""))  # restored afterwards
    monkeypatch.delenv(JOIN_CODE_ENV, raising=False)
    runners = []
    sessions_dir = tmp_path / "sessions"

    async def start(*, room: str | None = None, rooms_db: Path | None = None, **options) -> tuple[str, Path]:
        served = ServedRoom(room_story_dir, sessions_dir, room, rooms_db)
        server = WorkshopServer(served, title="A small room", **options)
        server.prepare_environment()
        runner = web.AppRunner(await server._make_app())
        await runner.setup()
        port = free_port()
        try:
            await web.TCPSite(runner, "127.0.0.1", port).start()
        except OSError as error:
            await runner.cleanup()
            pytest.skip(f"cannot listen on 127.0.0.1: {error}")
        runners.append(runner)
        return f"http://127.0.0.1:{port}", sessions_dir

    yield start
    await eventually(lambda: not session_folders(sessions_dir), timeout=15)
    for runner in runners:
        await runner.cleanup()
    await asyncio.sleep(0.5)  # let the session processes' pipes close inside this loop
    gc.collect()


async def test_with_a_join_code_nothing_is_shown_until_the_code_is_right(start_server):
    base, _ = await start_server(join_code="KX7-M4P")
    tab = await Tab.open(base)
    try:
        await refused_then_let_in(tab, "ABCDEF", "kx7m4p")
    finally:
        await tab.close()


async def refused_then_let_in(tab: Tab, wrong: str, right: str) -> None:
    """Type a wrong code, see it refused with nothing of the story shown, then the right one."""
    await tab.wait_for("Please type the join code your facilitator gave you")
    await tab.type(wrong)
    await tab.press("enter")
    await tab.wait_for(WRONG)
    await asyncio.sleep(1.2)  # the pause after a wrong try
    assert "You have arrived" not in readable(tab.received)
    assert "workshop room" not in readable(tab.received)
    tab.mark()
    await tab.type(right)
    await tab.press("enter")
    await tab.wait_for("You are in a workshop room")


async def test_a_new_code_made_at_the_console_is_the_one_a_tab_needs(start_server, room_story, tmp_path):
    from experience.progress.session import story_key

    rooms_db = tmp_path / "host" / "rooms.db"
    rooms = Rooms.open(rooms_db)
    try:
        rooms.ensure(ROOM, story_key(room_story))
        rooms.serve(ROOM, "http://127.0.0.1", "KX7-M4P")
        rooms.set_code(ROOM, "ABC-DEF")  # the facilitator's j, after the server started with the first
        base, _ = await start_server(join_code="KX7-M4P", room=ROOM, rooms_db=rooms_db)
        tab = await Tab.open(base)
        try:
            await refused_then_let_in(tab, "KX7M4P", "abc-def")  # the old code no longer works
        finally:
            await tab.close()
    finally:
        rooms.close()


async def test_a_tab_beyond_the_limit_is_told_the_room_is_full_and_starts_nothing(start_server):
    base, sessions_dir = await start_server(max_participants=1)
    first = await Tab.open(base)
    try:
        await first.wait_for("Begin")
        second = await Tab.open(base)
        try:
            await second.wait_for(*FULL, timeout=10)
            assert len(session_folders(sessions_dir)) == 1
        finally:
            await second.close()
    finally:
        await first.close()


def test_the_full_screen_is_drawn_in_the_middle_of_the_tab():
    drawn = readable(full_screen(80, 24).decode())
    assert drawn.strip() == "This room is full. Please ask the facilitator."


def test_each_session_command_names_its_room_and_never_the_join_code(tmp_path):
    room = ServedRoom(tmp_path / "my story", tmp_path / "sessions", ROOM, tmp_path / "rooms.db")
    command = room.command()
    assert "-m experience.workshop.participant" in command
    assert f"'{tmp_path / 'my story'}'" in command and "--room tuesday" in command
    assert "KX7" not in command


# -- the address to join at -------------------------------------------------------------------------------
def test_the_join_address_is_the_one_served_on(monkeypatch):
    from experience.workshop import serving

    assert serving.join_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert serving.join_url("fe80::1", 8000) == "http://[fe80::1]:8000"


def test_served_everywhere_the_join_address_is_this_computers_on_the_network(monkeypatch):
    from experience.workshop import serving

    monkeypatch.setattr(serving, "this_computers_address", lambda: "192.168.1.23")
    assert serving.join_url("0.0.0.0", 8000) == "http://192.168.1.23:8000"
    monkeypatch.setattr(serving, "this_computers_address", lambda: None)
    assert serving.join_url("::", 8000) == f"http://{serving.SOMEWHERE_UNKNOWN}:8000"


def test_this_computers_address_is_never_a_loopback_one(monkeypatch):
    import socket

    from experience.workshop import serving

    class Probe:
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def connect(self, address):
            raise OSError("no route")  # no network: nothing to learn from a route

    monkeypatch.setattr(socket, "socket", Probe)
    monkeypatch.setattr(socket, "gethostbyname", lambda name: "127.0.1.1")
    assert serving.this_computers_address() is None
    monkeypatch.setattr(socket, "gethostbyname", lambda name: "10.0.0.7")
    assert serving.this_computers_address() == "10.0.0.7"
