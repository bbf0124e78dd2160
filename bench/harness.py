"""Running a program in a real pseudo-terminal and hearing from it when something happened.

Both sides of every ratio run the same way: a fresh process on a pty of the same size, with
compiled bytecode cached (as an installed package would have), reporting times through a pipe
whose descriptor is in MARK_FD. Times are `time.monotonic()`, which is one clock for every
process on the machine, so the parent can subtract its own start from the child's mark.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = Path(__file__).resolve().parent / "children"
PYCACHE = Path(tempfile.gettempdir()) / "experience-bench-pycache"


def run(
    script: str,
    *args: str,
    size: tuple[int, int] = (100, 30),
    timeout: float = 60.0,
    timeline: list[tuple[float, bytes]] | None = None,
) -> tuple[float, list[str]]:
    """Run `children/<script>` in a pty; return (its start time, the lines it reported).

    With `timeline`, every piece of output the terminal received is appended to it with the
    time it arrived, so that the caller can see when something actually reached the screen.
    """
    read_end, write_end = os.pipe()
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    env = dict(
        os.environ,
        MARK_FD=str(write_end),
        TERM="xterm-256color",
        PYTHONPATH=str(ROOT),
        PYTHONPYCACHEPREFIX=str(PYCACHE),
        TEXTUAL_ANIMATIONS="none",
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, str(CHILDREN / script), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        pass_fds=(write_end,),
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    os.close(write_end)
    reported = b""
    screen = b""
    deadline = started + timeout
    open_fds = {master, read_end}
    while open_fds and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_fds), [], [], 0.5)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                open_fds.discard(fd)
            elif fd == read_end:
                reported += data
            else:
                screen += data  # drain the terminal, as a real one would
                if timeline is not None:
                    timeline.append((time.monotonic(), data))
        if child.poll() is not None and read_end not in open_fds:
            break
    if child.poll() is None:
        child.kill()
    child.wait()
    os.close(master)
    os.close(read_end)
    lines = reported.decode().split()
    if not lines:
        raise RuntimeError(
            f"{script} reported nothing; its screen ended with:\n{screen[-2000:].decode(errors='replace')}"
        )
    return started, lines


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:.2f}  (goal ≤ {goal:g}: {'met' if ratio <= goal else 'NOT met'})"


def arrival(timeline: list[tuple[float, bytes]], after: float, text: bytes) -> float | None:
    """When `text` had fully arrived on the terminal, counting only output from `after` on."""
    seen = b""
    for when, data in timeline:
        if when < after:
            continue
        seen += data
        if text in seen:
            return when
    return None
