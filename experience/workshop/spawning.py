"""Starting participants' sessions: forked from one warm process, not each from a shell.

textual-serve starts each tab's app with `/bin/sh -c COMMAND`: a second or more of CPU for every
tab (Python, Textual, the story, all over again), and a shell in between that, killed, leaves
the session running under PID 1. Here the server starts one warm process (zygote.py) and asks it
for a child per tab; the child's stdin and stdout are pipes the server made, so textual-serve's
protocol (its packets, downloads, "exit") is spoken exactly as before, by `ForkedSession`, which
is textual-serve's `AppService` with its process part replaced.

The zygote tells the server when each child ends, and how (its exit status), so the server knows
at once when a session is gone, even one killed outright, and can signal a child that will not
stop without ever signalling a stranger that later got the same process number.
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from textual_serve.app_service import AppService

from ..i18n import _, lazy
from . import channel

log = logging.getLogger("experience.workshop")

SESSION_DRIVER = "experience.workshop.driver:SessionDriver"
SESSION_FPS = 20  # screen updates a second at most: calm in a browser, and a third of the default
SPAWN_WITHIN = 30.0  # seconds for the zygote to fork a child (it may still be warming up)
BEGIN_WITHIN = 30.0  # seconds for a child to show its first screen
STOP_GRACE = 3.0  # seconds a session has to end by itself, then to end when asked, before it is made to
READER_LIMIT = 1024 * 1024
GANGLION = b"__GANGLION__\n"  # what a Textual app in a web driver says first


class SpawnFailed(Exception):
    """No session could be started for a tab."""


class Ending(enum.Enum):
    """How a session ended, and what the server's console says of it (its exit status in it)."""

    GOODBYE = lazy("A participant's session ended by itself (exit status {status}).")
    NEVER_BEGAN = lazy("A participant's session ended before its first screen (exit status {status}).")
    STOPPED = lazy("A participant's session stopped unexpectedly (exit status {status}).")


@dataclass
class Child:
    pid: int
    stdin: asyncio.StreamWriter
    stdout: asyncio.StreamReader
    ended: asyncio.Future[int] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    orphaned: bool = False  # its zygote is gone, so its end will not be reported

    @property
    def is_over(self) -> bool:
        if self.orphaned and not self.ended.done():
            try:
                os.kill(self.pid, 0)  # an orphan is reaped by the system as soon as it ends
            except ProcessLookupError:
                self.ended.set_result(0)
            except OSError:
                pass
        return self.ended.done()

    async def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` for the child to end; whether it has."""
        if not self.orphaned:
            try:
                await asyncio.wait_for(asyncio.shield(self.ended), seconds)
            except TimeoutError:
                pass
            return self.ended.done()
        deadline = asyncio.get_running_loop().time() + seconds
        while not self.is_over and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        return self.is_over


def session_environment() -> dict[str, str]:
    """What every session's process runs with: textual-serve's own settings for a web session,
    with the workshop's driver and a calmer frame rate."""
    environment = AppService._build_environment(SimpleNamespace(debug=False))  # type: ignore[arg-type]
    for per_tab in ("COLUMNS", "ROWS"):  # each child is given its own size
        environment.pop(per_tab, None)
    environment["TEXTUAL_DRIVER"] = SESSION_DRIVER
    environment["TEXTUAL_FPS"] = str(SESSION_FPS)
    package_parent = str(Path(__file__).resolve().parents[2])
    paths = [p for p in environment.get("PYTHONPATH", "").split(os.pathsep) if p]
    if package_parent not in paths:
        environment["PYTHONPATH"] = os.pathsep.join([package_parent, *paths])
    return environment


class Zygote:
    """The server's end of the warm process: start it, ask it for children, hear them end."""

    def __init__(self, arguments: list[str]) -> None:
        self.arguments = arguments  # after `python -m experience.workshop.zygote --control-fd N`
        self._process: asyncio.subprocess.Process | None = None
        self._control: socket.socket | None = None
        self._next = 0
        self._waiting: dict[int, asyncio.Future[int]] = {}
        self._children: dict[int, Child] = {}
        self._early: dict[int, int] = {}  # children that ended before the server heard they began
        self._starting = asyncio.Lock()

    async def start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "experience.workshop.zygote",
                "--control-fd",
                str(theirs.fileno()),
                *self.arguments,
                pass_fds=(theirs.fileno(),),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                env=session_environment(),
                start_new_session=True,  # the facilitator's Ctrl+C reaches the server alone
            )
        finally:
            theirs.close()
        ours.setblocking(False)
        self._control = ours
        asyncio.get_running_loop().add_reader(ours, self._hear)

    async def stop(self) -> None:
        self._lost()
        if self._process is not None and self._process.returncode is None:
            try:
                await asyncio.wait_for(self._process.wait(), STOP_GRACE)
            except TimeoutError:
                self._process.kill()
                await self._process.wait()

    @property
    def running(self) -> bool:
        return self._control is not None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def children(self) -> list[int]:
        """The process numbers of the sessions it has forked that are still running."""
        return sorted(self._children)

    # -- children -----------------------------------------------------------------------------------
    async def spawn(self, columns: int, rows: int, *, folder: Path, ask_code: bool) -> Child:
        async with self._starting:  # two tabs at once after the zygote died: one new zygote
            if not self.running:
                await self.start()
        loop = asyncio.get_running_loop()
        child_in, to_child = os.pipe()
        from_child, child_out = os.pipe()
        ask = self._next = self._next + 1
        started: asyncio.Future[int] = loop.create_future()
        self._waiting[ask] = started
        request = {"spawn": ask, "columns": columns, "rows": rows, "folder": str(folder), "ask_code": ask_code}
        try:
            try:
                self._send(request, [child_in, child_out])
            finally:
                os.close(child_in)
                os.close(child_out)
            pid = await asyncio.wait_for(started, SPAWN_WITHIN)
        except BaseException as error:  # our ends closed: a child forked anyway finds its stdin closed, and ends
            self._waiting.pop(ask, None)
            for fd in (to_child, from_child):
                os.close(fd)
            if isinstance(error, OSError):
                raise SpawnFailed(str(error)) from error
            raise
        reader = asyncio.StreamReader(limit=READER_LIMIT)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), open(from_child, "rb", 0))  # noqa: SIM115
        transport, protocol = await loop.connect_write_pipe(
            lambda: asyncio.streams.FlowControlMixin(),
            open(to_child, "wb", 0),  # noqa: SIM115
        )
        child = Child(pid, asyncio.StreamWriter(transport, protocol, None, loop), reader)
        if pid in self._early:
            child.ended.set_result(self._early.pop(pid))
        else:
            self._children[pid] = child
        return child

    def signal(self, child: Child, number: int) -> None:
        if child.is_over:
            return
        if not child.orphaned:
            try:
                self._send({"signal": child.pid, "number": number}, [])
            except (OSError, SpawnFailed):
                pass
        else:  # no zygote to ask; the system reaps an orphan at once, so the number is still its own
            try:
                os.kill(child.pid, number)
            except OSError:
                pass

    # -- the socket ---------------------------------------------------------------------------------
    def _send(self, message: dict[str, Any], fds: list[int]) -> None:
        if self._control is None:
            raise SpawnFailed(_("the session starter is not running"))
        socket.send_fds(self._control, [json.dumps(message).encode()], fds)

    def _hear(self) -> None:
        assert self._control is not None
        while True:
            try:
                data = self._control.recv(4096)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                self._lost()
                return
            try:
                message = json.loads(data)
            except ValueError:
                continue
            if "started" in message:
                waiting = self._waiting.pop(message["started"], None)
                if waiting is not None and not waiting.done():
                    waiting.set_result(message["pid"])
            elif "failed" in message:
                waiting = self._waiting.pop(message["failed"], None)
                if waiting is not None and not waiting.done():
                    waiting.set_exception(SpawnFailed(str(message.get("why"))))
            elif "ended" in message:
                child = self._children.pop(message["ended"], None)
                if child is None:
                    self._early[message["ended"]] = message.get("status")
                elif not child.ended.done():
                    child.ended.set_result(message.get("status"))

    def _lost(self) -> None:
        """The zygote is gone (or being stopped): nothing more will be heard from it."""
        if self._control is not None:
            asyncio.get_running_loop().remove_reader(self._control)
            self._control.close()
            self._control = None
        for waiting in self._waiting.values():
            if not waiting.done():
                waiting.set_exception(SpawnFailed(_("the session starter stopped")))
        self._waiting.clear()
        for child in self._children.values():
            child.orphaned = True
        self._children.clear()
        self._early.clear()


class ForkedSession(AppService):
    """textual-serve's AppService for one tab, with a forked child in place of `sh -c COMMAND`.

    What it adds: it knows how its session ended (`ending`), it hears the workshop's messages
    (`on_message`), and stopping it always stops the child, however busy or stuck it is.
    """

    def __init__(self, zygote: Zygote, *, folder: Path, ask_code: bool, on_message: Any, **options: Any) -> None:
        super().__init__("", **options)
        self.zygote = zygote
        self.folder = folder
        self.ask_code = ask_code
        self.on_message = on_message  # async (kind, fields) -> None
        self.child: Child | None = None
        self.began = False
        self._said_goodbye = False
        self.ending: Ending | None = None

    async def start(self, width: int, height: int) -> None:
        self.child = await self.zygote.spawn(width, height, folder=self.folder, ask_code=self.ask_code)
        self._stdin = self.child.stdin
        self._task = asyncio.create_task(self.run())

    async def run(self) -> None:
        assert self.child is not None
        stdout = self.child.stdout
        try:
            async with asyncio.timeout(BEGIN_WITHIN):
                while not self.began:
                    line = await stdout.readline()
                    if not line:
                        break
                    self.began = line == GANGLION
            while self.began:
                kind = await stdout.readexactly(1)
                payload = await stdout.readexactly(int.from_bytes(await stdout.readexactly(4), "big"))
                if kind == b"D":
                    await self.on_data(payload)
                elif kind == b"M":
                    await self.on_meta(payload)
                elif kind == b"P":
                    await self.on_packed(payload)
        except (asyncio.IncompleteReadError, ConnectionResetError, TimeoutError, ValueError, asyncio.LimitOverrunError):
            pass
        if not await self.child.wait(STOP_GRACE):  # its output has ended; so, in a moment, will it
            await self._make_it_end()
        if self._said_goodbye:
            self.ending = Ending.GOODBYE
        else:
            self.ending = Ending.STOPPED if self.began else Ending.NEVER_BEGAN
            status = self.child.ended.result() if self.child.ended.done() else "unknown"
            log.warning(self.ending.value.format(status=status))

    async def on_data(self, payload: bytes) -> None:
        try:
            await self.remote_write_bytes(payload)
        except (ConnectionResetError, RuntimeError):
            pass  # the tab has gone: the session is being stopped, its output is let drain

    async def on_meta(self, data: bytes) -> None:
        message = channel.decode(data)
        if message is None:
            return
        kind = message["type"]
        if kind == "exit":  # the tab is closed once the session's process has ended (serve.py)
            self._said_goodbye = True
        elif kind.startswith(channel.PREFIX):
            await self.on_message(kind, message)
        elif kind in ("open_url", "deliver_file_start"):
            try:
                await super().on_meta(data)
            except (ConnectionResetError, RuntimeError):
                pass

    @property
    def ended(self) -> asyncio.Task[None]:
        """Done when the session's process has ended and its output has all been passed on."""
        assert self._task is not None, "the session was never started"
        return self._task

    @property
    def is_over(self) -> bool:
        return self._task is None or self._task.done()

    async def send_bytes(self, data: bytes) -> bool:
        if self.is_over:  # never write to a pipe whose reader has gone
            return False
        return await super().send_bytes(data)

    async def send_meta(self, data: dict[str, str | None | int | bool]) -> bool:
        if self.is_over:
            return False
        return await super().send_meta(data)

    async def tell(self, kind: str, **fields: Any) -> None:
        await self.send_meta(channel.message(kind, **fields))

    async def stop(self) -> None:
        """End the session (the tab has gone): ask it to quit, then make it, then wait for it."""
        task = self._task
        if task is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if not task.done():
            await self.send_meta({"type": "quit"})
            done, _pending = await asyncio.wait([task], timeout=STOP_GRACE)
            if not done:
                await self._make_it_end()
        await asyncio.wait([task], timeout=3 * STOP_GRACE)

    async def _make_it_end(self) -> None:
        assert self.child is not None
        for number in (signal.SIGTERM, signal.SIGKILL):
            self.zygote.signal(self.child, number)
            if await self.child.wait(STOP_GRACE):
                return
