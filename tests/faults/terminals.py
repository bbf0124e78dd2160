"""Real programs on real terminals, for the faults that only show there.

`OnATerminal` runs a command on a pseudo-terminal of its own (its controlling terminal, so closing
it sends SIGHUP as closing a window does), reads everything the program draws, types into it and
sends it signals. `Piped` runs one with its input and output as pipes. Every wait is bounded: a
program that never draws what is expected, or never ends, fails the test instead of hanging it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

WAIT = 20.0  # seconds any one step may take before the test gives up
SIZE = (30, 100)  # rows and columns of every terminal
EXPERIENCE = [sys.executable, "-m", "experience"]


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "TEXTUAL_ANIMATIONS": "none", "TERM": "xterm-256color", **extra}


def run_experience(
    *args: str, typed: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`experience ARGS`, run to its end with `typed` as its input (and no terminal)."""
    return subprocess.run(
        [*EXPERIENCE, *args], input=typed, capture_output=True, env=env or environment(), timeout=3 * WAIT
    )


class _Program:
    pid: int
    _read_fd: int

    def __init__(self) -> None:
        self.output = b""
        self._mark = 0
        self.status: int | None = None

    def shown(self, last: int = 1500) -> str:
        """The end of what the program wrote, without its escape sequences: for a failure's message."""
        text = re.sub(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07]*\x07|.)", b" ", self.output[-20 * last :])
        return re.sub(r"\s+", " ", text.decode("utf-8", "replace"))[-last:]

    def wait_for(self, text: str, timeout: float = WAIT) -> None:
        """Read until `text` has been written since the last call (or fail)."""
        wanted = text.encode()
        end = time.monotonic() + timeout
        while wanted not in self.output[self._mark :]:
            left = end - time.monotonic()
            if left <= 0 or not self._read(left):
                raise AssertionError(f"{text!r} never came; the last of what came: {self.shown()}")
        self._mark = self.output.index(wanted, self._mark) + len(wanted)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self._read_fd], [], [], min(timeout, 0.2))
        if not ready:
            return True
        try:
            chunk = os.read(self._read_fd, 65536)
        except OSError:  # the terminal is gone: the program has closed its side
            return False
        self.output += chunk
        return bool(chunk)

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def exit_code(self, timeout: float = WAIT) -> int:
        """Wait for the program to end by itself (reading what it still writes); its exit code,
        negative for a signal that ended it."""
        end = time.monotonic() + timeout
        while self.status is None:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise AssertionError(f"the program did not end within {timeout} s")
            if self._read_fd >= 0 and not self._read(0.05):
                self._read_fd = -1
            elif self._read_fd < 0:
                time.sleep(0.05)
        return self.status


class OnATerminal(_Program):
    """A program on a pseudo-terminal of its own."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None):
        super().__init__()
        env = env or environment()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program, or end at once
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
                if cwd is not None:
                    os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd, self._read_fd = pid, fd, fd

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the kernel sends the program SIGHUP."""
        os.close(self.fd)
        self._read_fd = -1

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self._read_fd >= 0:
            os.close(self.fd)
            self._read_fd = -1


class Piped(_Program):
    """A program with its input and output as pipes."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None):
        super().__init__()
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env or environment()
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.pid, self._read_fd = self.process.pid, self.process.stdout.fileno()

    def type(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def exit_code(self, timeout: float = WAIT) -> int:
        code = super().exit_code(timeout)
        self.process.returncode = code  # reaped above: Popen must not wait for it again
        return code

    def close(self) -> None:
        if self.status is None:
            self.process.kill()
            self.process.wait()
            self.status = self.process.returncode
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
