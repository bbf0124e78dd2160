"""Before anyone types the join code: what anyone who can reach the server might send it, end to
end, with real session processes and websocket clients on loopback, each step bounded in time.
Whatever a tab sends, its session stays free to answer, the room's places stay for the people in
it, guessing the code stays hopeless, and nothing prints a traceback on the facilitator's console.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket

import pytest

pytest.importorskip("textual_serve", reason="serving needs textual-serve")
aiohttp = pytest.importorskip("aiohttp")

from experience.workshop import notices  # noqa: E402
from experience.workshop.limits import COLUMNS, LONGEST_FRAME, ROWS, Guesses  # noqa: E402
from experience.workshop.screens.join import BUSY, FULL, WRONG  # noqa: E402
from experience.workshop.serve import NOT_A_PAGE  # noqa: E402

from .webclient import Tab, eventually, page_of, readable, session_folders  # noqa: E402

CODE = "KX7-M4P"
ASKED = "Please type the join code your facilitator gave you"
IN = "You are in a workshop room"
POSITIONS = re.compile(r"\x1b\[(\d+);(\d+)H")


async def at_the_door(base: str, **options) -> Tab:
    tab = await Tab.open(base, **options)
    try:
        await tab.wait_for(ASKED)
    except BaseException:
        await tab.close()
        raise
    return tab


async def knock(tab: Tab, code: str = CODE) -> None:
    tab.mark()
    await tab.type(code)
    await tab.press("enter")


def can_listen_on(address: str) -> bool:
    with socket.socket() as s:
        try:
            s.bind((address, 0))
        except OSError:
            return False
    return True


# -- input ------------------------------------------------------------------------------------------------
async def test_a_flood_of_input_at_the_join_screen_leaves_the_session_free_to_answer(start_server):
    room = await start_server(join_code=CODE)
    tab = await at_the_door(room.base)
    try:
        await tab.type("A" * 262144)  # one message: a quarter of a million keys
        for _ in range(2000):  # and thousands more, as fast as a script can send them
            await tab.ws.send_str(json.dumps(["stdin", "AAAA"]))
        await asyncio.sleep(2.5)  # a moment later, the session answers as it always does
        tab.mark()
        await tab.press("enter")  # what got through is in the field: a wrong code
        await tab.wait_for(WRONG, timeout=15)
        await asyncio.sleep(1.2)
        await knock(tab)
        await tab.wait_for(IN, timeout=15)
    finally:
        await tab.close()


async def test_a_message_no_browser_would_send_closes_that_tab_and_its_session(start_server):
    room = await start_server(join_code=CODE)
    tab = await at_the_door(room.base)
    try:
        assert len(session_folders(room.sessions_dir)) == 1
        await tab.type("A" * (LONGEST_FRAME + 1))
        await tab.wait_closed(timeout=15)
        assert tab.ws.close_code == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    finally:
        await tab.close()
    await eventually(lambda: not session_folders(room.sessions_dir), timeout=15)


async def test_every_terminal_size_a_tab_asks_for_is_clamped(start_server):
    room = await start_server(join_code=CODE)
    tab = await at_the_door(room.base, width=2000, height=1000)  # both the address and the resize
    try:
        await tab.ws.send_str(json.dumps(["resize", {"width": 100000, "height": 50000}]))
        await asyncio.sleep(1.0)
        tab.mark()
        await knock(tab, "WRONG1")
        await tab.wait_for(WRONG)
        rows, columns = zip(*((int(r), int(c)) for r, c in POSITIONS.findall(tab.received)), strict=True)
        assert max(rows) <= ROWS[1] and max(columns) <= COLUMNS[1]
    finally:
        await tab.close()


# -- places ------------------------------------------------------------------------------------------------
async def test_tabs_left_at_the_join_screen_do_not_fill_the_room(start_server):
    room = await start_server(join_code=CODE, max_participants=1)
    idle = [await at_the_door(room.base) for _ in range(2)]  # two tabs opened and left
    tab = await at_the_door(room.base)
    try:
        await knock(tab)
        await tab.wait_for(IN)
        late = idle[0]
        await knock(late)  # the right code, but the one place is taken now
        await late.wait_for(FULL)
        assert (room.server.places.joined, room.server.places.arriving) == (1, 2)
    finally:
        for each in (*idle, tab):
            await each.close()


async def test_one_computer_can_hold_only_a_few_tabs_at_the_door(start_server):
    room = await start_server(join_code=CODE)
    per_client = room.server.places.per_client
    tabs = [await at_the_door(room.base) for _ in range(per_client)]
    try:
        one_more = await Tab.open(room.base)
        tabs.append(one_more)
        await one_more.wait_for(notices.BUSY.heading)
        assert len(session_folders(room.sessions_dir)) == per_client  # nothing started for it
        await tabs.pop(0).close()  # someone closes a tab: the one waiting is let in, by itself
        await one_more.wait_for(ASKED)
    finally:
        for each in tabs:
            await each.close()


async def test_a_tab_left_at_the_join_screen_is_let_go_after_a_while(start_server):
    room = await start_server(join_code=CODE, join_within=1.0)
    tab = await at_the_door(room.base)
    try:
        await tab.wait_for(notices.TOO_LONG_AT_THE_DOOR.heading, timeout=15)
        await eventually(lambda: not session_folders(room.sessions_dir))
        assert room.server.places.arriving == 0
    finally:
        await tab.close()


# -- guessing --------------------------------------------------------------------------------------------------
async def test_wrong_codes_are_limited_for_the_whole_room_not_only_for_each_computer(start_server):
    addresses = ("127.0.0.2", "127.0.0.3", "127.0.0.4")
    if not all(can_listen_on(address) for address in addresses):
        pytest.skip("this system has no loopback addresses beyond 127.0.0.1")
    room = await start_server(join_code=CODE, guesses=Guesses(room=(2, 60.0)))
    tabs = [await at_the_door(room.base, source=address) for address in addresses]
    try:
        for guesser, code in zip(tabs[:2], ("ABCDEF", "ABCDEG"), strict=True):
            await knock(guesser, code)
            await guesser.wait_for(WRONG)
        await knock(tabs[2])  # a third computer, with the right code: the room has had its tries
        await tabs[2].wait_for(BUSY)
        assert IN not in readable(tabs[2].received)
    finally:
        for tab in tabs:
            await tab.close()


# -- nonsense ---------------------------------------------------------------------------------------------
async def test_nonsense_from_a_tab_is_let_go_quietly_and_its_session_carries_on(served):
    base, _, sessions_dir, server = served
    try:
        await page_of(base)
    except aiohttp.ClientError:
        pytest.skip(f"the server could not listen on 127.0.0.1: {server.stdout.read().decode()[-500:]}")
    async with aiohttp.ClientSession() as client:
        async with client.get(f"{base}/ws") as response:  # someone types the address into a browser
            assert response.status == 400 and await response.text() == NOT_A_PAGE
        async with client.get(f"{base}/static/") as response:
            assert response.status in (403, 404) and "Index of" not in await response.text()
        async with client.get(f"{base}/static/js/") as response:
            assert response.status in (403, 404)
    tab = await Tab.open(base)
    try:
        await tab.wait_for("Begin")
        for raw in (
            "not json",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" * 2000,
            '["stdin", 5]',
            '["stdin", "\\ud800"]',
            '["resize", "large"]',
            '["resize", {"width": "x", "height": null}]',
            '["ping", {"a": 1}]',
            '{"stdin": "x"}',
            "[]",
            '["focus", 1, 2, 3]',
        ):
            await tab.send(raw)
        await tab.ws.send_bytes(b"\x00\x01binary")
        tab.mark()
        await tab.press("enter")
        await tab.wait_for("At the threshold")  # the same session, still answering
        assert len(session_folders(sessions_dir)) == 1
    finally:
        await tab.close()
    await eventually(lambda: not session_folders(sessions_dir))
    server.terminate()
    output = server.communicate(timeout=15)[0].decode()
    assert "Traceback" not in output and "Error handling request" not in output, output[-2000:]
