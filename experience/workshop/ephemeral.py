"""A participant's progress, kept only for as long as their browser tab is open.

Each session writes its steps and answers into a folder of its own (the player's ordinary store,
so everything works as it does at home), and the folder is deleted when the session ends. Where
the system has a folder in memory (/dev/shm on Linux), the sessions live there and what people
write never reaches the disk at all.

A session that is killed outright cannot delete its own folder. So each one holds an
operating-system lock on a file inside it for as long as it lives (released by the kernel however
the process ends), and `sweep` deletes every folder whose lock is free: the server sweeps when it
starts and when it stops, without ever touching a session that is still running.

The other way round, a server that is killed outright (kill -9, a crash, the machine short of
memory) cannot end its sessions, and nothing else would: a session waits for its browser through
the server, and would wait for ever, its folder with it. So each session holds a `Lifeline` to
the server that started it, checks it every few seconds, and ends itself when the server is gone.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..progress.paths import PRIVATE_DIR, make_private_dir

ALIVE = ".alive"
PREFIX = "session-"
MEMORY_FOLDER = Path("/dev/shm")  # noqa: S108 - each session makes its own 0700 folder inside
NEWBORN_SECONDS = 60.0


def default_root() -> Path:
    """Where the sessions of this user live: in memory if possible, else the temporary folder."""
    base = (
        MEMORY_FOLDER if MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK) else Path(tempfile.gettempdir())
    )
    return base / f"experience-workshop-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


class SessionFolder:
    """One session's private folder: created at once, locked while alive, removed at the end."""

    def __init__(self, root: Path):
        make_private_dir(root)
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
        os.chmod(self.path, PRIVATE_DIR)
        self._fd: int | None = os.open(self.path / ALIVE, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        atexit.register(self.remove)

    def remove(self) -> None:
        """Delete the folder and everything in it. Safe to call more than once."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SessionFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()


def sweep(root: Path) -> int:
    """Delete the folders of sessions that have ended; return how many were deleted."""
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.iterdir():
        if not folder.name.startswith(PREFIX) or not folder.is_dir():
            continue
        if _is_alive(folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def _is_alive(folder: Path) -> bool:
    try:
        fd = os.open(folder / ALIVE, os.O_RDWR)
    except FileNotFoundError:  # being born (not locked yet) or half deleted: spare the newborn
        return _age(folder) < NEWBORN_SECONDS
    except OSError:
        return True  # cannot tell: leave it be
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


class Lifeline:
    """The process that started this session (the server): still running, or gone?

    A process is known by its number and, where the system says (Linux's /proc), by when it
    started, so that a new process that happens to get the same number later is not taken for it.
    """

    def __init__(self, pid: int):
        self.pid = pid
        self._started = _start_time(pid)

    def holds(self) -> bool:
        try:
            os.kill(self.pid, 0)  # signal 0: asks only whether the process exists
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # it exists, under another user: when it started says whether it is ours
        except OSError:
            return True  # cannot tell: never end a session on a doubt
        return self._started is None or _start_time(self.pid) == self._started


def _start_time(pid: int) -> str | None:
    """When the process started, in the kernel's own ticks, or None where that cannot be read."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2 :].split()  # after the name, which may hold spaces
    return fields[19] if len(fields) > 19 else None  # field 22 of the whole line: starttime


def _age(folder: Path) -> float:
    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return float("inf")
