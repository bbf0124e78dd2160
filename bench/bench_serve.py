"""A whole room at once: how long a room of N waits for its first screen, what idle participants
cost, and how much memory each one takes.

    python bench/bench_serve.py [--sessions N] [--story DIR] [--idle SECONDS]

Starts `experience serve` on 127.0.0.1 (a free port, a room, a private temporary data folder) and
speaks textual-serve's websocket protocol as browser tabs do. What it measures, and against what:

- joining: one tab alone, three times (the same machine's single-session time: the baseline);
  then N tabs opened at the same moment, each timed from its connection to its first screen.
  The ratio is the slowest of the N against the single-session time;
- idle: the N tabs sitting on a scene, then on the breathing pause, for --idle seconds each: the
  CPU the sessions and the server use (as a share of one core, per participant), and how many
  screen updates and bytes each tab receives a second;
- memory: the proportional set size (PSS: shared pages divided among the processes sharing them,
  the honest cost of one more) of every process serving the room, per participant, against a
  minimal Textual app served by textual-serve in the same run.

Everything is bounded: at most 60 tabs, --timeout seconds for each phase, and every process
started here is stopped before the script ends.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from experience.workshop.notices import NOT_STARTED, STOPPED  # noqa: E402
from experience.workshop.room import ROOMS_DB  # noqa: E402

CHILDREN = Path(__file__).resolve().parent / "children"
GIB, MB = 1024**3, 1024**2
RESERVE = 1.0 * GIB  # left for the system and the facilitator's console
TICKS = os.sysconf("SC_CLK_TCK")
FIRST_SCREEN = b"Begin"  # the arrival screen, fully drawn
A_SCENE = b"Choose"  # the first scene's choices
PAUSED = b"Breathe"  # the pause, with its breath moving
ROOM = "bench"
STEP = 10.0  # seconds for any one message to be sent or a tab to close: nothing waits for ever
FAILED = (NOT_STARTED.heading.encode(), STOPPED.heading.encode(), b"Application failed to start")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- processes ----------------------------------------------------------------------------------------
def descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found.append(child)
            frontier.append(child)
    return found


def pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rfind(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


# -- tabs ---------------------------------------------------------------------------------------------
@dataclass
class Tab:
    ws: aiohttp.ClientWebSocketResponse
    seen: bytearray = field(default_factory=bytearray)
    frames: int = 0

    async def until(self, text: bytes, deadline: float) -> None:
        """Read until `text` is on screen, counting from the last call."""
        start = len(self.seen)
        while text not in self.seen[start:]:
            failed = next((words for words in FAILED if words in self.seen[start:]), None)
            if failed is not None:
                raise RuntimeError(f"a tab showed {failed.decode()!r} instead of {text!r}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"a tab never showed {text!r}")
            message = await self.ws.receive(timeout=left)
            if message.type == aiohttp.WSMsgType.BINARY:
                self.seen += message.data
                self.frames += 1
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"a tab closed before it showed {text!r}")

    async def drain(self, seconds: float) -> tuple[int, int]:
        """Read whatever arrives for `seconds`; (screen updates, bytes)."""
        frames = size = 0
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                frames, size = frames + 1, size + len(message.data)
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
        return frames, size

    async def press(self, key: str) -> None:
        await asyncio.wait_for(self.ws.send_str(json.dumps(["stdin", key])), STEP)

    async def close(self) -> None:
        """Close the tab, waiting a little for the server's reply (a frozen session may never send one)."""
        try:
            await asyncio.wait_for(self.ws.close(), STEP)
        except TimeoutError:
            pass


async def open_tab(client: aiohttp.ClientSession, base: str) -> Tab:
    ws = await asyncio.wait_for(
        client.ws_connect(f"{base.replace('http', 'ws', 1)}/ws?width=100&height=30", max_msg_size=0), STEP
    )
    await asyncio.wait_for(ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}])), STEP)
    return Tab(ws)


async def first_screen(client: aiohttp.ClientSession, base: str, until: bytes, deadline: float) -> tuple[Tab, float]:
    started = time.monotonic()
    tab = await open_tab(client, base)
    await tab.until(until, deadline)
    return tab, time.monotonic() - started


# -- a server -----------------------------------------------------------------------------------------
class Served:
    def __init__(self, command: list[str], env: dict[str, str]):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [word.replace("{port}", str(self.port)) for word in command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )

    async def ready(self, client: aiohttp.ClientSession, deadline: float) -> None:
        while True:
            try:
                async with client.get(self.base, timeout=aiohttp.ClientTimeout(total=STEP)) as response:
                    await response.read()
                return
            except aiohttp.ClientError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"the server did not start: {self.errors()}") from None
                await asyncio.sleep(0.1)

    def errors(self) -> str:
        if self.process.poll() is None:
            return ""
        assert self.process.stderr is not None
        return self.process.stderr.read().decode(errors="replace")[-800:]

    def pids(self) -> list[int]:
        return [self.process.pid, *descendants(self.process.pid)]

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass


async def all_reach(tabs: list[Tab], key: str, text: bytes, deadline: float) -> list[Tab]:
    """Press `key` in every tab; the tabs that then showed `text` (the others are closed)."""
    for tab in tabs:
        await tab.press(key)
    reached = await asyncio.gather(*(tab.until(text, deadline) for tab in tabs), return_exceptions=True)
    for tab, outcome in zip(tabs, reached, strict=True):
        if isinstance(outcome, BaseException):
            print(f"  a tab never showed {text!r}: {outcome!r}", flush=True)
            await tab.close()
    return [tab for tab, outcome in zip(tabs, reached, strict=True) if not isinstance(outcome, BaseException)]


async def idle(served: Served, tabs: list[Tab], seconds: float) -> dict[str, float]:
    """CPU (share of one core) of the sessions and of the server, and what each tab receives."""
    await asyncio.sleep(1.0)  # let the last screen settle
    pids = served.pids()
    before = {pid: cpu_seconds(pid) for pid in pids}
    started = time.monotonic()
    received = await asyncio.gather(*(tab.drain(seconds) for tab in tabs))
    wall = time.monotonic() - started
    used = {pid: cpu_seconds(pid) - before[pid] for pid in pids}
    server = used.pop(served.process.pid)
    n = len(tabs)
    return {
        "sessions": sum(used.values()) / wall / n,
        "server": server / wall,
        "frames": sum(f for f, _ in received) / wall / n,
        "bytes": sum(b for _, b in received) / wall / n,
    }


def begin(rooms_db: Path, room: str) -> None:
    """The facilitator begins the session (as `n` on the console does), so that the room goes on
    past the lobby to the first scene."""
    from experience.workshop.room import Rooms

    rooms = Rooms.open(rooms_db)
    try:
        rooms.open_movement(room, 0)
    finally:
        rooms.close()


async def measure_room(
    command: list[str], env: dict[str, str], n: int, idle_seconds: float, timeout: float, rooms_db: Path
) -> dict:
    served = Served(command, env)
    tabs: list[Tab] = []
    try:
        async with aiohttp.ClientSession() as client:
            await served.ready(client, time.monotonic() + timeout)
            begin(rooms_db, ROOM)
            alone = []
            for _ in range(3):
                tab, took = await first_screen(client, served.base, FIRST_SCREEN, time.monotonic() + timeout)
                alone.append(took)
                await tab.close()
                await asyncio.sleep(0.5)
            await asyncio.sleep(1.0)  # the last one gone before the room arrives
            before = {pid: cpu_seconds(pid) for pid in served.pids()}
            deadline = time.monotonic() + timeout
            opened = await asyncio.gather(
                *(first_screen(client, served.base, FIRST_SCREEN, deadline) for _ in range(n)), return_exceptions=True
            )
            used = {pid: cpu_seconds(pid) - before.get(pid, 0.0) for pid in served.pids()}
            joining_server = used.pop(served.process.pid)
            joining_cpu = joining_server + sum(used.values())
            tabs = [tab for tab, _ in (o for o in opened if not isinstance(o, BaseException))]
            together = [took for _, took in (o for o in opened if not isinstance(o, BaseException))]
            failed = [o for o in opened if isinstance(o, BaseException)]
            tabs = await all_reach(tabs, "\r", A_SCENE, time.monotonic() + timeout)
            if not tabs:
                raise RuntimeError(f"no tab reached the first scene ({A_SCENE.decode()!r})")
            on_a_scene = await idle(served, tabs, idle_seconds)
            memory = sum(pss(pid) for pid in served.pids()[1:]) / max(1, len(tabs))
            server_memory = pss(served.process.pid)
            tabs = await all_reach(tabs, "p", PAUSED, time.monotonic() + timeout)
            breathing = await idle(served, tabs, idle_seconds)
            for tab in tabs:
                await tab.close()
    finally:
        served.stop()
    return {
        "alone": statistics.median(alone),
        "together": together,
        "joining_cpu": joining_cpu / n,
        "joining_server": joining_server / n,
        "failed": failed,
        "scene": on_a_scene,
        "breathing": breathing,
        "pss": memory,
        "server_pss": server_memory,
    }


async def measure_floor(command: list[str], env: dict[str, str], n: int, timeout: float) -> float:
    """PSS of a minimal Textual app, served by textual-serve as it comes, one tab after another."""
    served = Served(command, env)
    tabs = []
    try:
        async with aiohttp.ClientSession() as client:
            await served.ready(client, time.monotonic() + timeout)
            deadline = time.monotonic() + timeout
            for _ in range(n):
                tab, _ = await first_screen(client, served.base, b"quiet room", deadline)
                tabs.append(tab)
            await asyncio.sleep(1.0)
            pythons = [pid for pid in served.pids()[1:] if "python" in Path(os.readlink(f"/proc/{pid}/exe")).name]
            memory = sum(pss(pid) for pid in pythons) / max(1, len(pythons))
            for tab in tabs:
                await tab.close()
    finally:
        served.stop()
    return memory


def report(n: int, room: dict, floor: float) -> None:
    together = sorted(room["together"])
    slowest = together[-1] if together else float("nan")
    print("\nJoining (first screen, from the websocket's opening):")
    print(f"  one tab alone (median of 3)        {room['alone']:6.2f} s")
    print(f"  {n} tabs at once: median            {statistics.median(together) if together else float('nan'):6.2f} s")
    print(f"  {n} tabs at once: slowest           {slowest:6.2f} s   ({slowest / room['alone']:.1f}x one alone)")
    cores = os.cpu_count() or 1
    print(
        f"  CPU for each tab's first screen       {room['joining_cpu']:6.2f} s   (of it the server's "
        f"{room['joining_server']:.2f} s; {n} tabs on {cores} cores need at least {room['joining_cpu'] * n / cores:.1f} s)"
    )
    load = os.getloadavg()[0]
    if load > cores:
        print(f"  (the machine was busy with other work: load {load:.1f} on {cores} cores; times stretch with it)")
    if room["failed"]:
        print(f"  {len(room['failed'])} of {n} tabs never showed a first screen: {room['failed'][0]!r}")
    print("\nIdle, per participant (CPU as a share of one core; what the tab receives each second):")
    for name, key in (("on a scene", "scene"), ("breathing (pause)", "breathing")):
        m = room[key]
        print(
            f"  {name:20} session {m['sessions'] * 100:5.1f}%   server {m['server'] * 100 / n:5.2f}%   "
            f"{m['frames']:5.1f} updates/s  {m['bytes'] / 1024:6.1f} KB/s"
        )
    per = room["breathing"]["sessions"] + room["breathing"]["server"] / n
    print(f"  {cores} cores hold about {int(cores / per) if per else 0} participants breathing at once")
    print("\nMemory (PSS) per participant, every process serving the room counted:")
    print(f"  minimal Textual app (textual-serve) {floor / MB:6.1f} MB")
    print(f"  participant session                 {room['pss'] / MB:6.1f} MB   ({room['pss'] / floor:.2f}x)")
    print(f"  server                              {room['server_pss'] / MB:6.1f} MB")
    for ram in (2, 4, 8, 16):
        fits = int(max(0, ram * GIB - RESERVE - room["server_pss"]) // room["pss"])
        print(f"  {ram:>2} GiB of memory: about {fits} participants (keeping {RESERVE / GIB:.0f} GiB for the system)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30, help="tabs opened together (default 30, at most 60)")
    parser.add_argument("--story", default=str(ROOT / "scenes"))
    parser.add_argument("--idle", type=float, default=10.0, help="seconds each idle measurement lasts")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds each phase may take, in all")
    args = parser.parse_args()
    n = max(1, min(60, args.sessions))
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))  # stopped: stop the servers too

    work = Path(tempfile.mkdtemp(prefix="experience-bench-serve-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("TEXTUAL_ANIMATIONS", None)  # the breath moves, as it does for a participant
    ours = [
        sys.executable,
        "-m",
        "experience",
        "serve",
        args.story,
        "--room",
        ROOM,
        "--max-participants",
        str(n + 1),
        "--data-dir",
        str(work / "host"),
        "--sessions-dir",
        str(work / "sessions"),
        "--port",
        "{port}",
    ]
    floor = [
        sys.executable,
        "-c",
        "import sys; from textual_serve.server import Server; "
        f"Server({shlex.join([sys.executable, str(CHILDREN / 'minimal_web.py')])!r}, host='127.0.0.1', "
        "port=int(sys.argv[1])).serve()",
        "{port}",
    ]
    print(f"A room of {n} on 127.0.0.1, {os.cpu_count()} cores ...", flush=True)
    try:
        room = asyncio.run(measure_room(ours, env, n, args.idle, args.timeout, work / "host" / ROOMS_DB))
    except RuntimeError as error:
        sys.exit(f"The bench could not measure the room: {error}.")
    base = asyncio.run(measure_floor(floor, env, min(n, 10), args.timeout))
    report(n, room, base)


if __name__ == "__main__":
    main()
