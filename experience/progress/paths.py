"""Where a person's data lives, and keeping it theirs alone.

The folder is chosen once, in this order: `--data-dir`, then `EXPERIENCE_DATA_DIR`, then the
platform's per-user data folder. Everything in it is readable by its owner only, because what a
person writes here is nobody else's business.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..i18n import _

DATA_DIR_ENV = "EXPERIENCE_DATA_DIR"
APP_NAME = "experience"
DATABASE_NAME = "experience.db"
SIDE_FILES = ("-wal", "-shm")  # SQLite's write-ahead log and its index, beside any database file
LOCK_DIR = "locks"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use (not created): the flag, the environment, or the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir  # only when needed: it is a cold import

    return Path(user_data_dir(APP_NAME, appauthor=False))


def make_private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only.

    A folder we create gets mode 0700, parents included when they are new. An existing folder is
    tightened only when it is plainly ours (empty, holding our database, or only our locks):
    pointing `--data-dir` at a shared folder must not change who can list it. The files inside
    are private either way.
    """
    if not path.exists():
        if not path.parent.exists():  # mkdir(parents=True) would give new parents the umask's mode
            make_private_dir(path.parent)
        path.mkdir(mode=PRIVATE_DIR)
        _chmod(path, PRIVATE_DIR)  # mkdir's mode is filtered through the umask
        return path
    if not path.is_dir():
        raise NotADirectoryError(_("{path} is not a folder").format(path=path))
    if _is_ours(path) and stat.S_IMODE(path.stat().st_mode) & 0o077:
        _chmod(path, PRIVATE_DIR)
    return path


def make_private_file(path: Path) -> Path:
    """Create `path` if needed with mode 0600, and tighten it if it already exists.

    SQLite gives its -wal and -shm files the mode of the database file, so creating the database
    this way keeps all three private. A file that exists is never opened here, only changed with
    `chmod`: closing any descriptor of a file drops every POSIX lock this process holds on it,
    SQLite's own locks included, and another program could then rebuild the shared index under a
    live connection (SQLite's "How To Corrupt An SQLite Database File", section 2.2).
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, PRIVATE_FILE)
    except FileExistsError:
        pass
    else:
        os.close(fd)  # made just now, so no connection of this process has it open
    if stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE:
        _chmod(path, PRIVATE_FILE)
    return path


def set_aside_copies(data_dir: Path) -> list[Path]:
    """Databases set aside earlier because they could not be used (see store.py); they may hold words."""
    return sorted(p for p in data_dir.glob(DATABASE_NAME + ".*-*") if not p.name.endswith(SIDE_FILES))


def _is_ours(path: Path) -> bool:
    try:
        names = {entry.name for entry in os.scandir(path)}
    except OSError:
        return False
    return not names or DATABASE_NAME in names or names == {LOCK_DIR}


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except (NotImplementedError, PermissionError):  # not every file system knows POSIX modes
        pass
