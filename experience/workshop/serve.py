"""Serving the journey to web browsers: one private session per tab, each its own process.

Built on textual-serve's `Server` (its page, its protocol, its downloads), with what a workshop
room needs in place of the rest:
- sessions forked from one warm process (spawning.py, zygote.py), so a whole room can open the
  link together, and each costs little;
- every tab read by the server first (tab.py): its input capped, its size clamped, nonsense let
  go quietly; places counted here, in the server's one event loop, joined participants apart from
  tabs still at the door (limits.py); the join code checked here, never in a session;
- pages built from the address the browser used, so a room served on 0.0.0.0 works from any
  laptop in the room; and our own page, which fetches nothing from anywhere but this server; no
  folder of this server is ever listed;
- quiet logs: no line per request, so the host's console keeps no record of who came when;
- each session's folder removed the moment its session ends, and swept at start and at stop in
  case the server itself was killed.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server

from ..i18n import _, current_language, lazy
from .ephemeral import PREFIX, default_root, sweep
from .limits import JOIN_WITHIN, LONGEST_FRAME, Guesses, Places, clamp_size
from .room import RoomError, Rooms
from .serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT, ServedRoom, banner, join_url, story_language
from .spawning import Zygote
from .tab import Tab

PAGES = Path(__file__).with_name("web")
NOT_A_PAGE = lazy("This address is where a participant's page connects; open the room's address instead.")
log = logging.getLogger("experience.workshop")


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
        join_within: float = JOIN_WITHIN,
        guesses: Guesses | None = None,
    ) -> None:
        super().__init__("", host=host, port=port, title=title, templates_path=PAGES)
        self.room = room
        self.join_code = join_code
        self.join_within = join_within
        self.banner = banner or []
        self.places = Places(max_participants)
        self.guesses = guesses or Guesses()
        self.zygote = Zygote(room.zygote_arguments())
        self.vacancy = asyncio.Event()  # set (and replaced) whenever a place comes free
        self._tabs: set[web.WebSocketResponse] = set()  # every tab connected now, to close on shutdown
        self._rooms: Rooms | None = None  # opened when a code is first checked against the room

    def serve(self, debug: bool = False) -> None:
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

    async def _make_app(self) -> web.Application:
        """textual-serve's routes, except that no folder is listed under /static/."""
        app = web.Application()
        aiohttp_jinja2.setup(  # escaped: the title is the author's, the words a translator's
            app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True
        )
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        app.on_cleanup.append(self.on_cleanup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        await self.zygote.start()  # it warms up while the first tabs connect
        for line in self.banner:
            self.console.print(line, highlight=False, markup=False, soft_wrap=True)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab now. Each session then ends as if its tab had closed, its folder
        goes, and the server stops in a moment (the tabs would otherwise hold it until their
        heartbeats ran out, for half a minute)."""
        await asyncio.gather(
            *(tab.close(code=WSCloseCode.GOING_AWAY, message=b"The workshop has ended.") for tab in list(self._tabs)),
            return_exceptions=True,
        )

    async def on_cleanup(self, app: web.Application) -> None:
        await self.zygote.stop()
        if self._rooms is not None:
            self._rooms.close()

    def current_code(self) -> str:
        """The code a tab must type now: the room's (the facilitator can make a new one from the
        console), else the one this server made. RoomError if the room cannot be read just now."""
        if self.room.room and self.room.rooms_db:
            if self._rooms is None:
                self._rooms = Rooms.open(self.room.rooms_db)
            served = self._rooms.get(self.room.room)
            if served is not None and served.join_code:
                return served.join_code
        return self.join_code or ""

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
            "page": page_words(),
        }

    # -- tabs -------------------------------------------------------------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=LONGEST_FRAME)
        if not websocket.can_prepare(request).ok:  # a plain GET: someone typed the address
            raise web.HTTPBadRequest(text=str(NOT_A_PAGE))
        size = clamp_size(request.query.get("width"), request.query.get("height"))
        await websocket.prepare(request)
        self._tabs.add(websocket)
        try:
            await Tab(self, websocket, request.remote or "", size).live()
        except Exception as error:  # never a traceback in the facilitator's console
            if os.environ.get("EXPERIENCE_DEBUG"):
                raise
            log.warning(_("A tab ended with an error ({kind}).").format(kind=type(error).__name__))
        finally:
            self._tabs.discard(websocket)
        return websocket

    def a_place_is_free(self) -> None:
        self.vacancy.set()
        self.vacancy = asyncio.Event()


def page_words() -> dict[str, str]:
    """The page's own words, before a session shows its first screen and after it has ended, in
    the server's language (a participant's choice on the join screen is their session's alone)."""
    return {
        "lang": current_language(),
        "opening": _("Opening your own quiet space…"),
        "ended": _("Your session has ended."),
        "kept": _("Nothing you wrote is kept here. Thank you for being part of the room."),
        "again": _("Start a new session"),
    }


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
    lang: str | None = None,
) -> None:
    """Check the story and the room, say how to join, and serve until Ctrl+C. Each session begins
    in `lang` (the program's words, and the story's where it has a translation), and each
    participant may choose another on the join screen."""
    from ..progress.session import story_key
    from ..story import load_story
    from .gate import Movements
    from .joincode import is_loopback, make_code
    from .room import ROOMS_DB

    story_dir = story_dir.resolve()
    story = load_story(story_dir, story_language(story_dir, lang))  # a broken story is reported now, not in every tab
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
        ServedRoom(story_dir, sessions_dir or default_root(), room, rooms_db, lang),
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
