"""How every privacy command runs: the profile's lock and the store, plain words, an exit status.

Every command holds the profile's lock for as long as it runs (a window playing that profile is
never changed under it). Reports go to standard output; questions, warnings and refusals to
standard error, so that `export` can write to a pipe.
"""

from __future__ import annotations

import functools
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec

from ..progress.lock import ProfileBusy, ProfileLock
from ..progress.paths import DATABASE_NAME, resolve_data_dir
from ..progress.store import Profile, Store, StoreError
from . import ask

DataDir = str | os.PathLike[str] | None  # None: the usual folder (see progress/paths.py)
WIDTH = 88

P = ParamSpec("P")


class Refused(Exception):
    """A command declines to go on; the message says why, and that nothing was changed."""


def say(*lines: str) -> None:
    print(_wrapped(lines))


def warn(*lines: str) -> None:
    print(_wrapped(lines), file=sys.stderr)


def whose(name: str) -> str:
    return f"“{name}”"


def plural(n: int, noun: str, many: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@contextmanager
def opened(
    profile: str, data_dir: DataDir, *, create: bool = False, read_only: bool = False
) -> Iterator[tuple[Store, Profile | None, ProfileLock]]:
    """The profile's lock, then the store; the profile if it exists (or is created, with `create`).

    With `read_only` the database is only read, never changed, and a folder where even the lock
    cannot be made (a read-only disk, a backup) is read without it: nothing can be writing there.
    """
    folder = resolve_data_dir(data_dir)
    if not create and not (folder / DATABASE_NAME).exists():
        raise Refused(f"Nothing has been saved in {folder} yet, so there is nothing to do there.")
    lock = ProfileLock(folder, profile)
    lock.acquire_to_read() if read_only else lock.acquire()
    try:
        store = Store.open(folder, read_only=read_only)
        try:
            if store.set_aside is not None:
                warn(store.set_aside.message())
            found = store.profile(profile) if create else store.find_profile(profile)
            yield store, found, lock
        finally:
            store.close()
    finally:
        lock.release()


def command(body: Callable[P, int]) -> Callable[P, int]:
    """Turn the ways a privacy command can stop into a message and an exit status."""

    @functools.wraps(body)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return body(*args, **kwargs)
        except ask.Cancelled:
            warn("Nothing has been changed.")
            return 1
        except Refused as refused:
            warn(str(refused))
            return 1
        except (ProfileBusy, StoreError) as error:
            warn(f"experience: {error}")
            return 1
        except OSError as error:
            warn(
                f"experience: {getattr(error, 'filename', None) or 'a file'} cannot be used "
                f"({error.strerror or error}). Nothing has been changed."
            )
            return 1

    return run


def _wrapped(lines: tuple[str, ...]) -> str:
    """Sentences wrapped to a comfortable width; listed items (indented) and paths left whole."""
    out = []
    for line in "\n".join(lines).split("\n"):
        if line.startswith(" ") or len(line) <= WIDTH:
            out.append(line)
        else:
            out.append(textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)
