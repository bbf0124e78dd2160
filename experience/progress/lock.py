"""One window per profile.

Two windows playing the same profile would each hold their own idea of where the person is, and
the second to take a step would quietly rewrite the first one's history. So a profile is held by
an operating-system lock while it is played: a second window is refused with a clear message
instead. The lock belongs to the open file, so it is released by the kernel however the process
ends, `kill -9` included: there is never a stale lock to clean up.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sys
from pathlib import Path

from ..i18n import _
from .paths import LOCK_DIR, PRIVATE_FILE, make_private_dir


class ProfileBusy(Exception):
    """The profile is already open in another window."""

    def __init__(self, profile: str):
        self.profile = profile
        who = "" if profile == "default" else f" “{profile}”"
        super().__init__(
            _(
                "Your journey{who} is already open in another window. Carry on there, or close it and come "
                "back here: nothing has been lost."
            ).format(who=who)
            + ("" if who else _(" (To play separately from it, use --profile NAME.)"))
        )


class ProfileLock:
    """An exclusive, non-blocking lock on one profile, held until `release` or process exit."""

    def __init__(self, data_dir: Path, profile: str):
        self.profile = profile
        self.path = data_dir / LOCK_DIR / lock_file_name(profile)
        self._fd: int | None = None

    def acquire(self) -> ProfileLock:
        make_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, PRIVATE_FILE)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise ProfileBusy(self.profile) from None
        self._fd = fd
        return self

    def acquire_to_read(self) -> ProfileLock:
        """The lock, for a command that only reads; not held where the folder cannot be written
        to at all (a read-only disk, a backup): nothing can be changing it there."""
        try:
            return self.acquire()
        except OSError as error:
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return self
            raise

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> ProfileLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_file_name(profile: str) -> str:
    """A file name for any profile name: readable where it can be, unique always."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", profile).strip("-")[:32] or "profile"
    digest = hashlib.sha256(profile.encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}.lock"


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    try:
        import fcntl

        def _lock(fd: int) -> None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

        def _unlock(fd: int) -> None:
            fcntl.flock(fd, fcntl.LOCK_UN)

    except ImportError:  # pragma: no cover
        # No locking at all: SQLite's transactions still keep every write whole, so two windows
        # cannot corrupt the database; the later window's steps simply win.
        def _lock(fd: int) -> None:
            pass

        def _unlock(fd: int) -> None:
            pass
