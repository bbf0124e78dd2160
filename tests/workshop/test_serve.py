"""The server, end to end: real session processes driven over textual-serve's own websocket
protocol, on 127.0.0.1 only, each step bounded in time. (test_browser.py does the same in a real
Chromium where one is installed.)"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="serving needs textual-serve")
aiohttp = pytest.importorskip("aiohttp")

from experience.workshop.notices import FULL  # noqa: E402
from experience.workshop.room import Rooms  # noqa: E402
from experience.workshop.screens.join import BUSY, WRONG  # noqa: E402
from experience.workshop.serving import ServedRoom  # noqa: E402

from .webclient import Tab, eventually, page_of, readable, session_folders  # noqa: E402

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
    return await Tab.arrived(base)


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
async def test_with_a_join_code_nothing_is_shown_until_the_code_is_right(start_server):
    base = (await start_server(join_code="KX7-M4P")).base
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


async def test_a_new_code_made_at_the_console_is_the_one_a_tab_needs(
    start_server, room_story, room_story_dir, tmp_path
):
    from experience.progress.session import story_key

    rooms_db = tmp_path / "host" / "rooms.db"
    rooms = Rooms.open(rooms_db)
    try:
        rooms.ensure(ROOM, story_key(room_story))
        rooms.serve(ROOM, "http://127.0.0.1", "KX7-M4P")
        rooms.set_code(ROOM, "ABC-DEF")  # the facilitator's j, after the server started with the first
        paced = ServedRoom(room_story_dir, tmp_path / "sessions", ROOM, rooms_db)
        base = (await start_server(join_code="KX7-M4P", room=paced)).base
        tab = await Tab.open(base)
        try:
            await refused_then_let_in(tab, "KX7M4P", "abc-def")  # the old code no longer works
        finally:
            await tab.close()
    finally:
        rooms.close()


async def test_a_fresh_tab_does_not_start_a_fresh_count_of_wrong_codes(start_server):
    base = (await start_server(join_code="KX7-M4P")).base
    first, second = await Tab.open(base), await Tab.open(base)
    try:
        for tab in (first, second):
            await tab.wait_for("Please type the join code")
        for code in ("ABCDEF", "ABCDEG"):  # two wrong tries: this computer now waits two seconds
            first.mark()
            await first.type(code)
            await first.press("enter")
            await first.wait_for(WRONG)
            await asyncio.sleep(1.1)
        await second.type("KX7-M4P")  # even the right code, from the same computer, waits its turn
        await second.press("enter")
        await second.wait_for(BUSY)
        assert "You are in a workshop room" not in readable(second.received)
    finally:
        await first.close()
        await second.close()


async def test_a_tab_beyond_the_limit_is_told_the_room_is_full_and_starts_nothing(start_server):
    room = await start_server(max_participants=1)
    base, sessions_dir = room.base, room.sessions_dir
    first = await Tab.open(base)
    try:
        await first.wait_for("Begin")
        second = await Tab.open(base)
        try:
            await second.wait_for(FULL.heading, FULL.words, timeout=10)
            assert len(session_folders(sessions_dir)) == 1
        finally:
            await second.close()
    finally:
        await first.close()


def test_the_warm_process_is_told_the_story_and_the_room_and_never_the_join_code(tmp_path):
    room = ServedRoom(tmp_path / "my story", tmp_path / "sessions", ROOM, tmp_path / "rooms.db")
    arguments = room.zygote_arguments()
    assert arguments[0] == str(tmp_path / "my story") and "--room" in arguments and ROOM in arguments
    assert not any("KX7" in word for word in arguments)


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
