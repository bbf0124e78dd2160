"""A browser tab without the browser: textual-serve's websocket protocol, spoken with aiohttp.

What a real tab sends (keys as ["stdin", text], its size, pings) and what it receives (the
terminal's bytes, and JSON messages such as a file delivery), so a test can drive a real session
process end to end and read its screen as plain text.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from pathlib import Path

import aiohttp

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]")
SERVED_ROOM = "tuesday"  # the room the tests' real server paces (conftest starts it)
KEYS = {"enter": "\r", "escape": "\x1b", "ctrl+q": "\x11", "ctrl+s": "\x13", "tab": "\t"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def readable(data: str) -> str:
    """Terminal output as the words on it (escape sequences removed, spacing squeezed)."""
    return re.sub(r"\s+", " ", ESCAPES.sub(" ", data))


class Tab:
    def __init__(self, session: aiohttp.ClientSession, websocket: aiohttp.ClientWebSocketResponse):
        self._session = session
        self.ws = websocket
        self.received = ""  # every byte of terminal output, decoded
        self.deliveries: list[str] = []
        self.closed = False
        self._mark = 0

    @classmethod
    async def open(cls, base: str, *, width: int = 100, height: int = 30, source: str | None = None) -> Tab:
        """A tab, from `source` (another loopback address, as if from another computer) if given."""
        connector = aiohttp.TCPConnector(local_addr=(source, 0)) if source else None
        session = aiohttp.ClientSession(connector=connector)
        ws = await session.ws_connect(
            f"{base.replace('http', 'ws', 1)}/ws?width={width}&height={height}",
            timeout=aiohttp.ClientWSTimeout(ws_close=5),
        )
        await ws.send_str(json.dumps(["resize", {"width": width, "height": height}]))
        return cls(session, ws)

    @classmethod
    async def arrived(cls, base: str) -> Tab:
        """A tab at the arrival screen of a room served without a join code (closed if it never gets there)."""
        tab = await cls.open(base)
        try:
            await tab.wait_for("You are in a workshop room", "Begin")
        except BaseException:
            await tab.close()
            raise
        return tab

    async def close(self) -> None:
        await self.ws.close()
        await self._session.close()

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.ws.send_str(json.dumps(["stdin", KEYS.get(key, key)]))
            await asyncio.sleep(0.05)

    async def type(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))

    async def send(self, raw: str) -> None:
        """Anything at all, as a text message: what an attacker's script might send."""
        await self.ws.send_str(raw)

    def screen_since_mark(self) -> str:
        return readable(self.received[self._mark :])

    def mark(self) -> None:
        """Look for words only in what arrives after this."""
        self._mark = len(self.received)

    async def wait_for(self, *phrases: str, timeout: float = 20.0) -> str:
        """Read until every phrase has appeared since the mark; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen_since_mark()
            if all(str(p) in text for p in phrases):  # a lazy sentence reads as it is shown
                return text
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"never saw {phrases!r}; the screen showed: {text[-1500:]!r}")
            await self._receive(left)

    async def wait_closed(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.closed:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the session did not end")
            await self._receive(left)

    async def _receive(self, timeout: float) -> None:
        try:
            message = await self.ws.receive(timeout=min(timeout, 1.0))
        except TimeoutError:
            return
        if message.type == aiohttp.WSMsgType.BINARY:
            self.received += message.data.decode("utf-8", errors="replace")
        elif message.type == aiohttp.WSMsgType.TEXT:
            envelope = json.loads(message.data)
            if envelope[0] == "deliver_file_start":
                self.deliveries.append(envelope[1])
        elif message.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.ERROR,
        ):
            self.closed = True

    async def download(self, base: str, key: str) -> str:
        """Fetch a delivered file, as the browser's download would."""
        async with self._session.get(f"{base}/download/{key}") as response:
            assert response.status == 200, response.status
            return await response.text()


async def page_of(base: str, *, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            async with aiohttp.ClientSession() as session, session.get(base) as response:
                return await response.text()
        except aiohttp.ClientError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)


def session_folders(sessions_dir: Path) -> list[Path]:
    return [p for p in sessions_dir.iterdir() if p.name.startswith("session-")] if sessions_dir.exists() else []


async def eventually(check, *, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("never became true")
        await asyncio.sleep(0.1)
