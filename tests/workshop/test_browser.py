"""In a real browser: headless Chromium opens the room, is held at the gate, and goes on when the
facilitator opens it. Skipped where Chromium is not installed (CI may not have it); the same
journey over the websocket protocol is in test_serve.py and always runs."""

from __future__ import annotations

import pytest

pytest.importorskip("textual_serve", reason="serving needs textual-serve")
pytest.importorskip("aiohttp")

from experience.workshop.room import Rooms

from .browser import Browser, find_chromium
from .webclient import (
    SERVED_ROOM,
    page_of,
)

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")


async def test_a_browser_tab_waits_at_the_gate_and_goes_on_when_it_opens(served, tmp_path):
    base, data_dir, _, _ = served
    await page_of(base)
    browser = await Browser.launch(width=1000, height=640)
    try:
        tab = await browser.new_tab(base)
        try:
            await tab.wait_for("You are in a workshop room", "Begin")
            await tab.click_middle()
            tab.mark()
            await tab.key("Enter")
            await tab.wait_for("At the threshold", "Settle in.")
            tab.mark()
            await tab.type("1")
            await tab.wait_for("The chair holds you.")
            tab.mark()
            await tab.key("Enter")
            await tab.wait_for("The group will continue together soon.")
            picture = await tab.screenshot(tmp_path / "waiting.png")
            assert picture.read_bytes().startswith(b"\x89PNG") and picture.stat().st_size > 5000

            tab.mark()
            rooms = Rooms.open(data_dir / "rooms.db")
            try:
                rooms.open_movement(SERVED_ROOM, 1)
            finally:
                rooms.close()
            await tab.wait_for("There is a door inside you.")
        finally:
            await tab.close()
    finally:
        browser.close()
