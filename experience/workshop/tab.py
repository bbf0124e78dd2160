"""One browser tab, from its websocket opening to its closing.

Everything a tab sends is read here, by one loop, and checked before anything reaches its
session: malformed messages are let go without a word (no traceback, the session carries on),
input beyond the tab's allowance is left out (limits.py), sizes are clamped, resizes are passed on
at a calm pace. Alongside that loop, the tab's life: a place in the room (or a notice saying why
not yet), a session forked for it, the join code checked here, on the server, and the session's
end, however it comes: its folder removed and checked gone, then the tab closed, or told plainly
what happened.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from ..i18n import _
from . import channel, notices
from .ephemeral import new_folder, remove
from .joincode import matches
from .limits import AFTER_JOINING, BEFORE_JOINING, PASTE_START, Allowance, Place, clamp_size
from .room import RoomError
from .spawning import Ending, ForkedSession, SpawnFailed

if TYPE_CHECKING:
    from .serve import WorkshopServer

NOTICE_HOLD = 30 * 60.0  # seconds a tab showing a notice is kept open, if it is still there
RESIZE_EVERY = 0.25  # seconds between sizes passed on: a window dragged wider is a stream of them
TOLD_EVERY = 5.0  # seconds between "that was too much at once" messages


class Tab:
    def __init__(self, server: WorkshopServer, websocket: web.WebSocketResponse, client: str, size: tuple[int, int]):
        self.server = server
        self.ws = websocket
        self.client = client
        self.size = size
        self.place: Place | None = None
        self.session: ForkedSession | None = None
        self.notice: notices.Notice | None = None
        self.allowance = Allowance(BEFORE_JOINING if server.join_code else AFTER_JOINING)
        self.gone = asyncio.Event()
        self._resizing: asyncio.Task[None] | None = None
        self._told_at = -TOLD_EVERY
        self._at_the_door_too_long = False

    async def live(self) -> None:
        life = asyncio.create_task(self._life())
        try:
            await self._listen()
        finally:
            self.gone.set()
            await life

    # -- what the tab sends ---------------------------------------------------------------------------
    async def _listen(self) -> None:
        async for message in self.ws:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = _envelope(message.data)
            if envelope is not None:
                with contextlib.suppress(ConnectionResetError, RuntimeError):
                    await self._take(*envelope)

    async def _take(self, kind: str, data: Any) -> None:
        session = self.session
        if kind == "stdin" and isinstance(data, str):
            if session is None:
                return
            if self.allowance.admit(data):
                await session.send_bytes(data.encode("utf-8", "replace"))
            elif data.startswith(PASTE_START) and self.allowance.limits is AFTER_JOINING:
                await self._say_too_much(session)
        elif kind == "resize" and isinstance(data, dict):
            self.size = clamp_size(data.get("width"), data.get("height"), self.size)
            if self.notice is not None:
                await self.ws.send_bytes(self.notice.draw(*self.size))
            elif session is not None and self._resizing is None:
                self._resizing = asyncio.create_task(self._pass_size_on(session))
        elif kind == "ping" and isinstance(data, str) and len(data) <= 64:
            await self.ws.send_json(["pong", data])
        elif kind == "focus" and session is not None:
            await session.focus()
        elif kind == "blur" and session is not None:
            await session.blur()

    async def _pass_size_on(self, session: ForkedSession) -> None:
        try:
            while True:
                size = self.size
                await session.set_terminal_size(*size)
                await asyncio.sleep(RESIZE_EVERY)
                if self.size == size:
                    return
        finally:
            self._resizing = None

    async def _say_too_much(self, session: ForkedSession) -> None:
        now = asyncio.get_running_loop().time()
        if now - self._told_at >= TOLD_EVERY:
            self._told_at = now
            await session.tell(channel.DROPPED)

    # -- the tab's life -------------------------------------------------------------------------------
    async def _life(self) -> None:
        self.place = await self._a_place()
        if self.place is None:
            return
        try:
            folder = new_folder(self.server.room.sessions_dir)
        except OSError as error:
            self.place.leave()
            self.server.a_place_is_free()
            self.server.console.print(
                _("A session's folder could not be made: {error}").format(error=error), markup=False
            )
            await self._show(notices.NOT_STARTED)
            return
        session = ForkedSession(
            self.server.zygote,
            folder=folder,
            ask_code=not self.place.joined,
            on_message=self._from_session,
            write_bytes=self._write,
            write_str=self._write_str,
            close=self.ws.close,
            download_manager=self.server.download_manager,
        )
        ending = Ending.NEVER_BEGAN
        started_at = self.size
        try:
            try:
                await session.start(*started_at)
            except (SpawnFailed, TimeoutError, OSError):
                pass
            else:
                self.session = session
                if self.size != started_at:  # the tab said its size while its session was starting
                    self._resizing = asyncio.create_task(self._pass_size_on(session))
                await self._until_the_end(session)
                ending = session.ending or Ending.STOPPED
        finally:
            self.session = None
            self.place.leave()
            self.server.a_place_is_free()
            removed = remove(folder)
        if self.gone.is_set():
            return
        if self._at_the_door_too_long:
            await self._show(notices.TOO_LONG_AT_THE_DOOR)
        elif not removed:
            self.server.console.print(
                _("A session's folder could not be removed: {folder}").format(folder=folder), markup=False
            )
            await self._show(notices.NOT_REMOVED)
        elif ending is Ending.GOODBYE:
            await self.ws.close()  # the page says the session has ended: now it is true
        else:
            await self._show(notices.NOT_STARTED if ending is Ending.NEVER_BEGAN else notices.STOPPED)

    async def _a_place(self) -> Place | None:
        """A place in the room, waiting (with a notice) while there is none; None if the tab goes."""
        places = self.server.places
        while not self.gone.is_set():
            place = places.arrive(self.client, joined=not self.server.join_code)
            if place is not None:
                if self.notice is not None:
                    self.notice = None
                    await self._write(b"\x1b[2J\x1b[H")
                return place
            await self._show(notices.FULL if places.is_full() else notices.BUSY, hold=False)
            vacancy = asyncio.ensure_future(self.server.vacancy.wait())
            gone = asyncio.ensure_future(self.gone.wait())
            await asyncio.wait([vacancy, gone], timeout=NOTICE_HOLD, return_when=asyncio.FIRST_COMPLETED)
            for waiter in (vacancy, gone):
                waiter.cancel()
            if not vacancy.done() and not gone.done():
                await self.ws.close()
                return None
        return None

    async def _until_the_end(self, session: ForkedSession) -> None:
        assert self.place is not None
        door = None if self.place.joined else asyncio.create_task(self._at_the_door(session))
        gone = asyncio.ensure_future(self.gone.wait())
        await asyncio.wait([session.ended, gone], return_when=asyncio.FIRST_COMPLETED)
        gone.cancel()
        await session.stop()
        if door is not None:
            door.cancel()

    async def _at_the_door(self, session: ForkedSession) -> None:
        await asyncio.sleep(self.server.join_within)
        if self.place is not None and not self.place.joined:
            self._at_the_door_too_long = True
            await session.stop()

    async def _show(self, notice: notices.Notice, *, hold: bool = True) -> None:
        self.notice = notice
        with contextlib.suppress(ConnectionResetError, RuntimeError):
            await self.ws.send_bytes(notice.draw(*self.size))
        if hold:
            asyncio.get_running_loop().call_later(NOTICE_HOLD, lambda: asyncio.ensure_future(self.ws.close()))

    # -- what the session says -------------------------------------------------------------------------
    async def _from_session(self, kind: str, fields: dict[str, Any]) -> None:
        if kind == channel.JOIN and self.place is not None and not self.place.joined and self.session is not None:
            code = fields.get("code")
            await self.session.tell(channel.ANSWER, **self._knock(code if isinstance(code, str) else ""))

    def _knock(self, code: str) -> dict[str, Any]:
        """The answer to a join code typed in this tab."""
        assert self.place is not None
        guesses = self.server.guesses
        wait = guesses.wait(self.client)
        if wait > 0:
            return {"ok": False, "wait": wait, "why": channel.WHY_WAIT}
        try:
            now = self.server.current_code()
        except RoomError:  # neither let in on a code that may be stale, nor turned away
            return {"ok": False, "wait": 1.0, "why": channel.WHY_UNCHECKED}
        if not matches(code[:64], now):
            guesses.wrong(self.client)
            return {"ok": False, "wait": guesses.wait(self.client), "why": channel.WHY_WRONG}
        guesses.right(self.client)
        if not self.place.join():
            return {"ok": False, "wait": 5.0, "why": channel.WHY_FULL}
        self.allowance = Allowance(AFTER_JOINING)
        return {"ok": True, "wait": 0.0, "why": ""}

    async def _write(self, data: bytes) -> None:
        if self.notice is None:
            await self.ws.send_bytes(data)

    async def _write_str(self, data: str) -> None:
        await self.ws.send_str(data)


def _envelope(data: str) -> tuple[str, Any] | None:
    """A browser's message as (kind, data), or None if it is not one."""
    try:
        envelope = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    return envelope[0], envelope[1] if len(envelope) > 1 else None
