"""Memory of served sessions: how much one participant costs, and how many fit on a machine.

    python bench/bench_serve.py [--sessions N] [--story DIR]

Starts `experience serve` on 127.0.0.1 (a free port, a room, a private temporary data folder),
opens N sessions over textual-serve's websocket protocol as N browser tabs would, takes each to
its first scene, then reads every session process's memory from /proc: RSS (what `top` shows)
and PSS (shared pages divided among the processes that share them; the honest cost of one
more). The baseline, measured the same way in the same run, is a minimal Textual app served by
textual-serve. Everything is bounded: at most --sessions tabs, --timeout seconds in all, and
every process started here is stopped before the script ends.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = Path(__file__).resolve().parent / "children"
GIB = 1024**3
RESERVE = 1.0 * GIB  # left for the system, the server and the facilitator's console


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process, in bytes."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


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


def python_sessions(server_pid: int) -> list[int]:
    """The session processes (Python), not the shells textual-serve starts them through."""
    out = []
    for pid in descendants(server_pid):
        try:
            exe = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            continue
        if "python" in Path(exe).name:
            out.append(pid)
    return out


async def open_tab(base: str, client: aiohttp.ClientSession, steps: list[tuple[str | None, bytes]], deadline: float):
    """A tab: for each step, send its key (if any) and read until its words are on screen."""
    ws = await client.ws_connect(f"{base.replace('http', 'ws', 1)}/ws?width=100&height=30")
    await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
    for key, until in steps:
        seen = b""
        if key is not None:
            await ws.send_str(json.dumps(["stdin", key]))
        while until not in seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("a session did not show its screen in time")
            message = await ws.receive(timeout=left)
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError("a session closed early")
    return ws


async def measure(
    command: list[str], sessions: int, steps: list[tuple[str | None, bytes]], timeout: float, env: dict[str, str]
) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [word.replace("{port}", str(port)) for word in command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + timeout
    tabs = []
    try:
        async with aiohttp.ClientSession() as client:
            while True:
                try:
                    async with client.get(base) as response:
                        await response.read()
                    break
                except aiohttp.ClientError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError(  # noqa: B904
                            f"the server did not start: {server.stderr.read().decode()[-800:] if server.poll() is not None else ''}"
                        )
                    await asyncio.sleep(0.1)
            started = time.monotonic()
            for _ in range(sessions):  # one after another, as people arrive
                tabs.append(await open_tab(base, client, steps, deadline))
            opening = (time.monotonic() - started) / sessions
            await asyncio.sleep(1.0)  # let start-up garbage settle
            pids = python_sessions(server.pid)
            per = [memory(pid) for pid in pids]
            server_rss, server_pss = memory(server.pid)
            for ws in tabs:
                await ws.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return {
        "sessions": len(per),
        "rss": sum(r for r, _ in per) / max(1, len(per)),
        "pss": sum(p for _, p in per) / max(1, len(per)),
        "server_rss": server_rss,
        "server_pss": server_pss,
        "opening": opening,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=10, help="tabs to open (default 10, at most 60)")
    parser.add_argument("--story", default=str(ROOT / "scenes"))
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds for each measurement, in all")
    args = parser.parse_args()
    n = max(1, min(60, args.sessions))

    work = Path(tempfile.mkdtemp(prefix="experience-bench-serve-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL_ANIMATIONS="none")
    env.pop("EXPERIENCE_JOIN_CODE", None)
    ours = [
        sys.executable,
        "-m",
        "experience",
        "serve",
        args.story,
        "--room",
        "bench",
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

    print(f"Opening {n} sessions of each, one after another, on 127.0.0.1 ...", flush=True)
    base = asyncio.run(measure(floor, n, [(None, b"quiet room")], args.timeout, env))
    # the arrival screen, then Begin: measured at the first scene, with the story on screen
    mine = asyncio.run(measure(ours, n, [(None, b"Begin"), ("\r", b"Choose")], args.timeout, env))
    mb = 1024**2
    print(f"\n{'':28}{'RSS/session':>13}{'PSS/session':>13}{'opening':>10}")
    print(f"{'minimal Textual app':28}{base['rss'] / mb:>10.1f} MB{base['pss'] / mb:>10.1f} MB{base['opening']:>9.2f}s")
    print(f"{'participant session':28}{mine['rss'] / mb:>10.1f} MB{mine['pss'] / mb:>10.1f} MB{mine['opening']:>9.2f}s")
    print(f"{'ratio':28}{mine['rss'] / base['rss']:>12.2f}x{mine['pss'] / base['pss']:>12.2f}x")
    print(f"\nServer process: {mine['server_rss'] / mb:.1f} MB RSS ({mine['sessions']} sessions measured).")
    for ram in (2, 4, 8, 16):
        fits = int(max(0, ram * GIB - RESERVE - mine["server_rss"]) // mine["pss"])
        print(
            f"  {ram:>2} GiB of memory: about {fits} participants at once (keeping {RESERVE / GIB:.0f} GiB "
            "for the system)"
        )
    print(
        f"Each new tab takes about {mine['opening']:.1f} s to open here (one after another); "
        "the limit is set with --max-participants (default 30)."
    )


if __name__ == "__main__":
    main()
