"""A participant's progress, kept only for as long as their browser tab is open.

Each session writes its steps and answers into a folder of its own (the player's ordinary store,
so everything works as it does at home), and the folder is deleted when the session ends. Where
the system has a folder in memory (/dev/shm on Linux), the sessions live there and what people
write never reaches the disk at all.

The server makes each session's folder (`new_folder`) and hands it to the session, which holds
it (`SessionFolder`) and deletes it when it ends; the server deletes it too, the moment it sees
the session's process end however it ended (a crash, kill -9, the machine short of memory), and
checks that it is gone.

A server that is itself killed outright cannot do that. So each session holds an
operating-system lock on a file inside its folder for as long as it lives (released by the kernel
however the process ends), and `sweep` deletes every folder whose lock is free: the server sweeps
when it starts and when it stops, without ever touching a session that is still running. (The
sessions of a killed server end by themselves: see driver.py.)
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


def new_folder(root: Path) -> Path:
    """A fresh, private folder for one session, under `root`."""
    make_private_dir(root)
    path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
    os.chmod(path, PRIVATE_DIR)
    return path


def remove(folder: Path) -> bool:
    """Delete a session's folder and everything in it; True if it is gone."""
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


class SessionFolder:
    """One session's private folder (made by `new_folder`): locked while alive, removed at the end."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = os.open(self.path / ALIVE, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        atexit.register(self.remove)

    def remove(self) -> None:
        """Delete the folder and everything in it. Safe to call more than once."""
        remove(self.path)
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


def _age(folder: Path) -> float:
    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return float("inf")
