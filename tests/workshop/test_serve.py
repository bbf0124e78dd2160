"""The server, end to end: real session processes driven over textual-serve's own websocket
protocol, on 127.0.0.1 only, each step bounded in time. (test_browser.py does the same in a real
Chromium where one is installed.)"""

from __future__ import annotations

import asyncio
import re

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
    tab = await Tab.open(base)
    try:
        await tab.wait_for("You are in a workshop room", "Begin")
    except BaseException:
        await tab.close()
        raise
    return tab


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
        await tab.wait_for("Please type the join code your facilitator gave you")
        await tab.type("ABCDEF")
        await tab.press("enter")
        await tab.wait_for(WRONG)
        await asyncio.sleep(1.2)  # the pause after a wrong try
        assert "You have arrived" not in readable(tab.received)
        assert "workshop room" not in readable(tab.received)
        tab.mark()
        await tab.type("kx7m4p")
        await tab.press("enter")
        await tab.wait_for("You are in a workshop room")
    finally:
        await tab.close()


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
