"""What the store's fault tests share: real processes, the kernel's view of locks, private mounts.

Every process started here has a timeout, and every one is waited for. A test that needs a
mount of its own (a full disk, a read-only disk) runs inside `unshare --user --map-root-user
--mount`, which needs no real root; where the system does not allow it, the test is skipped.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import textwrap
import time
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL_STORY = ROOT / "tests" / "player" / "stories" / "small"
ANSWER = "I would like to be met where I am, without having to explain myself first."
TIMEOUT = 60  # seconds: no process here ever needs as long


def python(code: str, *args: str, timeout: float = TIMEOUT, **kwargs) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh Python process (this repository first on its path) and wait for it."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(),
        **kwargs,
    )


def start_python(code: str, *args: str, **kwargs) -> subprocess.Popen[str]:
    """Start `code` in a fresh Python process; the caller waits for it, with a timeout."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
        **kwargs,
    )


def experience(*args: str, input: str | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """The program itself, as a person runs it; in a session of its own, without a terminal, so
    that a passphrase is read from `input` (getpass falls back to it) and never from this one."""
    return subprocess.run(
        [sys.executable, "-m", "experience", *args],
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
        env=environment(),
        start_new_session=True,
    )


def raw_bytes(folder: Path) -> bytes:
    """Every byte of every file in the folder, as anyone who copied it would see them."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


class Conversation:
    """A program read and written as a person would at a terminal: type a line, wait for words."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "experience", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=environment(),
            start_new_session=True,
        )
        self.heard = ""

    def type(self, *lines: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("".join(line + "\n" for line in lines).encode("utf-8"))
        self.process.stdin.flush()

    def wait_for(self, words: str, timeout: float = 20) -> str:
        """Everything heard so far, once `words` are among it; AssertionError if they never come."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        until = time.monotonic() + timeout
        while words not in " ".join(self.heard.split()):
            left = until - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise AssertionError(f"never heard {words!r}; heard:\n{self.heard[-3000:]}")
            self.heard += chunk.decode("utf-8", errors="replace")
        return self.heard

    def close(self) -> int:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            return self.process.wait(TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(TIMEOUT)


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL_ANIMATIONS="none", PYTHONIOENCODING="utf-8")
    env.pop("EXPERIENCE_DEBUG", None)
    return env


def posix_locks(path: Path) -> set[int]:
    """The processes holding a POSIX lock on `path`, as the kernel lists them in /proc/locks."""
    if not Path("/proc/locks").exists():
        pytest.skip("the kernel's list of locks (/proc/locks) is not available here")
    inode = os.stat(path).st_ino
    holders = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a process waiting for the lock, not holding it
            continue
        if len(fields) >= 6 and fields[1] == "POSIX" and int(fields[5].rsplit(":", 1)[1]) == inode:
            holders.add(int(fields[4]))
    return holders


@cache
def can_mount() -> bool:
    """Whether this system lets an unprivileged user make a private mount (a user namespace)."""
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    try:
        done = subprocess.run(
            ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def in_private_mount(script: str, *, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run a shell `script` with mounts of its own; skip the test where that is not allowed."""
    if not can_mount():
        pytest.skip("private mounts (unshare --user --mount) are not allowed here")
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-ec", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(),
    )
