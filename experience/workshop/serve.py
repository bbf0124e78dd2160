"""Serving the journey to web browsers: one private session per tab, each its own process.

Built on textual-serve's `Server`, with what a workshop room needs on top:
- a limit on sessions at once, counted here in the server's one event loop (so two tabs opening
  together cannot both take the last place); a tab beyond it sees "This room is full" and no
  process is started for it;
- pages built from the address the browser used, so a room served on 0.0.0.0 works from any
  laptop in the room; and our own page, which fetches nothing from anywhere but this server;
- the join code, handed to each session through the environment when the room is not loopback;
- quiet logs: no line per request, so the host's console keeps no record of who came when;
- each session's folder swept away at start and at stop if its process died without cleaning up.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import time
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from rich.align import Align
from rich.console import Console
from rich.text import Text
from textual_serve.server import Server

from .ephemeral import PREFIX, default_root, sweep
from .joincode import JOIN_CODE_ENV
from .serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT, ServedRoom, banner, join_url

PAGES = Path(__file__).with_name("web")
FULL_HOLD_SECONDS = 30 * 60  # a "room is full" tab is let go after this, if it is still open
FULL = ("This room is full.", "Please ask the facilitator.")


class WorkshopServer(Server):
    def __init__(
        self,
        room: ServedRoom,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        title: str,
        max_participants: int = DEFAULT_MAX_PARTICIPANTS,
        join_code: str | None = None,
        banner: list[str] | None = None,
    ) -> None:
        super().__init__(room.command(), host=host, port=port, title=title, templates_path=PAGES)
        self.room = room
        self.max_participants = max_participants
        self.join_code = join_code
        self.banner = banner or []
        self.live = 0
        self._tabs: set[web.WebSocketResponse] = set()  # every tab connected now, to close on shutdown

    # -- the process ------------------------------------------------------------------------------------
    def prepare_environment(self) -> None:
        """What every session inherits: the join code (or none), and where to find this package."""
        if self.join_code:
            os.environ[JOIN_CODE_ENV] = self.join_code
        else:
            os.environ.pop(JOIN_CODE_ENV, None)
        package_parent = str(Path(__file__).resolve().parents[2])
        paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        if package_parent not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join([package_parent, *paths])

    def serve(self, debug: bool = False) -> None:
        self.prepare_environment()
        sweep(self.room.sessions_dir)
        previous = signal.signal(signal.SIGHUP, _interrupt) if hasattr(signal, "SIGHUP") else None
        try:
            super().serve(debug=debug)
        finally:
            if previous is not None:
                signal.signal(signal.SIGHUP, previous)
            sweep_until_empty(self.room.sessions_dir)

    def initialize_logging(self) -> None:
        logging.basicConfig(level="WARNING", format="%(message)s")
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        for line in self.banner:
            self.console.print(line, highlight=False, markup=False)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab now. Each session then ends as if its tab had closed, its folder
        goes, and the server stops in a moment (the tabs would otherwise hold it until their
        heartbeats ran out, for half a minute)."""
        await asyncio.gather(
            *(tab.close(code=WSCloseCode.GOING_AWAY, message=b"The workshop has ended.") for tab in list(self._tabs)),
            return_exceptions=True,
        )

    # -- pages ------------------------------------------------------------------------------------------
    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with every address in it the one the browser used to reach us."""
        base = f"{request.scheme}://{request.host}"
        websocket = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}/ws"
        try:
            font_size = max(8, min(40, int(request.query.get("fontsize", "16"))))
        except ValueError:
            font_size = 16
        return {
            "font_size": font_size,
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }

    # -- sessions ---------------------------------------------------------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.live >= self.max_participants:  # no await between the check and the count: no race
            return await self._room_is_full(request)
        self.live += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.live -= 1

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: Any) -> None:
        self._tabs.add(websocket)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self._tabs.discard(websocket)

    async def _room_is_full(self, request: web.Request) -> web.WebSocketResponse:
        """Say so on the tab's own screen, start nothing, and keep the tab calm until it closes."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        self._tabs.add(websocket)
        width, height = _size(request.query.get("width"), 80), _size(request.query.get("height"), 24)
        await websocket.send_bytes(full_screen(width, height))
        try:
            async with asyncio.timeout(FULL_HOLD_SECONDS):
                async for message in websocket:
                    if message.type != WSMsgType.TEXT:
                        continue
                    envelope = json.loads(message.data)
                    if envelope[0] == "ping":
                        await websocket.send_json(["pong", envelope[1]])
                    elif envelope[0] == "resize":
                        size = envelope[1]
                        await websocket.send_bytes(
                            full_screen(_size(size.get("width"), 80), _size(size.get("height"), 24))
                        )
        except (TimeoutError, ValueError, IndexError, AttributeError):
            pass
        finally:
            self._tabs.discard(websocket)
        await websocket.close()
        return websocket


def full_screen(width: int, height: int) -> bytes:
    """The "room is full" screen, drawn as a terminal would receive it."""
    drawn = io.StringIO()
    console = Console(
        file=drawn,
        width=width,
        height=height,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    words = Text.assemble((FULL[0], "bold #D9A47A"), "\n\n", (FULL[1], "#E9DFD3"), justify="center")
    console.print(Align.center(words, vertical="middle", height=height - 1), end="")
    return ("\x1b[?25l\x1b[48;2;30;26;23m\x1b[2J\x1b[H" + drawn.getvalue()).encode("utf-8")


def _size(value: object, default: int) -> int:
    """A width or height the browser sent (a query string, or a number in JSON), kept sensible."""
    if not isinstance(value, str | int | float):
        return default
    try:
        return max(10, min(500, int(value)))
    except (ValueError, OverflowError):
        return default


# -- starting a room ----------------------------------------------------------------------------------
def start(
    story_dir: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    room: str | None = None,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    data_dir: Path,
    sessions_dir: Path | None = None,
) -> None:
    """Check the story and the room, say how to join, and serve until Ctrl+C."""
    from ..progress.session import story_key
    from ..story import load_story
    from .gate import Movements
    from .joincode import is_loopback, make_code
    from .room import ROOMS_DB, Rooms

    story_dir = story_dir.resolve()
    story = load_story(story_dir)  # a broken story is reported now, not in every tab
    code = None if is_loopback(host) else make_code()
    url = join_url(host, port)
    rooms_db = None
    if room:
        rooms_db = data_dir / ROOMS_DB
        rooms = Rooms.open(rooms_db)
        try:  # the console and the projector show how to join, and the code can be made anew there
            rooms.ensure(room, story_key(story), first_minutes=Movements.of_story(story).minutes[0])
            rooms.serve(room, url, code)
        finally:
            rooms.close()
    server = WorkshopServer(
        ServedRoom(story_dir, sessions_dir or default_root(), room, rooms_db, os.getpid()),
        host=host,
        port=port,
        title=story.title,
        max_participants=max_participants,
        join_code=code,
        banner=banner(story.title, url, room, code, max_participants),
    )
    try:
        server.serve()
    finally:
        if rooms_db is not None and room:
            _no_longer_served(rooms_db, room)


def _no_longer_served(rooms_db: Path, room: str) -> None:
    """The server has stopped: the projector stops showing an address that no longer answers."""
    from .room import RoomError, Rooms

    try:
        rooms = Rooms.open(rooms_db)
    except RoomError:
        return
    try:
        rooms.serve(room, None, None)
    except RoomError:
        pass
    finally:
        rooms.close()


def _interrupt(signum: int, frame: object) -> None:
    """The server's terminal closed: stop as if Ctrl+C was pressed, so the sessions are cleared."""
    raise KeyboardInterrupt


def sweep_until_empty(root: Path, wait_seconds: float = 5.0) -> None:
    """After the server stops, its sessions end a moment later; wait for them, then clear their
    folders, so that nothing participants wrote outlives the workshop."""
    deadline = time.monotonic() + wait_seconds
    while True:
        sweep(root)
        if (
            not root.is_dir()
            or not any(p.name.startswith(PREFIX) for p in root.iterdir())
            or time.monotonic() > deadline
        ):
            return
        time.sleep(0.2)
