"""A real browser for the tests: headless Chromium, driven over its DevTools protocol (a
websocket on 127.0.0.1) with aiohttp, so no extra driver package is needed.

Started with every background service off, so that it talks to nothing but the test's own
server. Each call is bounded in time; the browser is killed when the test ends.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import aiohttp

from .webclient import ESCAPES  # the same reading of terminal output as the websocket tests

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--no-default-browser-check",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Browser:
    def __init__(self, process: subprocess.Popen, endpoint: str, profile: str):
        self.process = process
        self.endpoint = endpoint  # http://127.0.0.1:PORT
        self.profile = profile

    @classmethod
    async def launch(cls, *, width: int = 1100, height: int = 720, timeout: float = 30.0) -> Browser:
        executable = find_chromium()
        assert executable, "no chromium"
        profile = tempfile.mkdtemp(prefix="experience-chromium-")
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        return cls(process, f"http://127.0.0.1:{port}", profile)

    async def new_tab(self, url: str) -> Page:
        """A blank tab, listened to from the start, then sent to `url`."""
        async with aiohttp.ClientSession() as session:
            async with session.put(f"{self.endpoint}/json/new?about:blank") as response:
                target = json.loads(await response.text())
        page = Page(target["webSocketDebuggerUrl"])
        await page.connect()
        await page.navigate(url)
        return page

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab. Replies and events are read by one task; the terminal's output is collected from
    the websocket frames the page receives (Network events), so its words can be read whatever
    renderer xterm chose (DOM, canvas or WebGL)."""

    def __init__(self, debugger_url: str):
        self.url = debugger_url
        self._ids = itertools.count(1)
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._replies: dict[int, asyncio.Future] = {}
        self._reader: asyncio.Task | None = None
        self.received = ""
        self._mark = 0

    async def connect(self) -> None:
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(self.url, max_msg_size=64 * 1024 * 1024)
        self._reader = asyncio.create_task(self._read())
        await self.call("Network.enable")
        await self.call("Page.enable")

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if "id" in data:
                future = self._replies.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                if frame.get("opcode") == 2:
                    self.received += base64.b64decode(frame["payloadData"]).decode("utf-8", errors="replace")
        for future in self._replies.values():
            if not future.done():
                future.set_exception(RuntimeError("the browser went away"))

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
        if self._session is not None:
            await self._session.close()

    async def call(self, method: str, timeout: float = 20.0, **params) -> dict:
        assert self._ws is not None
        ident = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._replies[ident] = future
        await self._ws.send_str(json.dumps({"id": ident, "method": method, "params": params}))
        reply = await asyncio.wait_for(future, timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def navigate(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    def mark(self) -> None:
        self._mark = len(self.received)

    async def wait_for(self, *phrases: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = re.sub(r"\s+", " ", ESCAPES.sub(" ", self.received[self._mark :]))
            if all(p in text for p in phrases):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {phrases!r}; the tab showed: {text[-1500:]!r}")
            await asyncio.sleep(0.2)

    async def click_middle(self) -> None:
        await self.call("Page.bringToFront")
        for kind in ("mousePressed", "mouseReleased"):
            await self.call("Input.dispatchMouseEvent", type=kind, x=300, y=300, button="left", clickCount=1)

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def key(self, name: str) -> None:
        codes = {"Enter": (13, "\r"), "Escape": (27, "")}
        code, text = codes[name]
        await self.call(
            "Input.dispatchKeyEvent", type="keyDown", key=name, code=name, windowsVirtualKeyCode=code, text=text
        )
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=name, code=name, windowsVirtualKeyCode=code)

    async def screenshot(self, path: Path) -> Path:
        await self.call("Page.bringToFront")  # a tab in the background is not painted
        await asyncio.sleep(0.3)
        data = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))
        return path
