"""How every privacy command runs: the profile's lock and the store, plain words, an exit status.

Every command holds the profile's lock for as long as it runs (a window playing that profile is
never changed under it), and speaks the language the reader chose in their settings once their
profile is found, unless `--lang` named one for this run. Reports go to standard output;
questions, warnings and refusals to standard error, so that `export` can write to a pipe.
"""

from __future__ import annotations

import functools
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec

from ..care.wrapping import tell
from ..i18n import _, use_setting
from ..progress.lock import ProfileBusy, ProfileLock
from ..progress.paths import DATABASE_NAME, resolve_data_dir
from ..progress.store import Profile, Store, StoreError
from ..story.safe_text import terminal_safe
from . import ask

DataDir = str | os.PathLike[str] | None  # None: the usual folder (see progress/paths.py)

P = ParamSpec("P")


class Refused(Exception):
    """A command declines to go on; the message says why, and that nothing was changed."""


def say(*lines: str) -> None:
    tell(*lines, stream=sys.stdout)


def warn(*lines: str) -> None:
    tell(*lines, stream=sys.stderr)


def command_line(words: str, *, profile: str, data_dir: Path) -> str:
    """`experience WORDS`, as the person would type it to reach this same journal: with --profile
    when it is not the default one, and --data-dir when the folder is not the one found without
    it, so that following a hint never opens a different (empty) journal."""
    from ..progress.store import DEFAULT_PROFILE

    parts = ["experience", *shlex.split(words)]
    if profile != DEFAULT_PROFILE:
        parts += ["--profile", profile]
    if resolve_data_dir(None).resolve() != Path(data_dir).resolve():
        parts += ["--data-dir", str(data_dir)]
    return terminal_safe(shlex.join(parts), lines=False)  # a profile's name was typed by someone


def whose(name: str) -> str:
    """A profile's or a story's name, quoted as the language in use quotes a name, and shown
    safely: a name was typed by someone or written by an author, so nothing in it may act on the
    terminal (see story/safe_text.py)."""
    # Translators: a profile's or a story's name, quoted (the Spanish catalogue uses «»).
    return _("“{name}”").format(name=terminal_safe(name, lines=False))


def join(parts: list[str]) -> str:
    """`a, b and c`, in the language in use."""
    if len(parts) == 1:
        return parts[0]
    # Translators: the end of a list of things done or found ("2 answers, 1 draft and ..."); {items}
    # is the list before the last one, already joined with commas.
    return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


@contextmanager
def opened(
    profile: str, data_dir: DataDir, *, create: bool = False, lang: str | None = None
) -> Iterator[tuple[Store, Profile | None, ProfileLock]]:
    """The profile's lock, then the store; the profile if it exists (or is created, with `create`).
    `lang` is the language named by `--lang`, if any (see the module's notes)."""
    folder = _existing(data_dir, create=create)
    with ProfileLock(folder, profile) as lock, _store(folder, profile, create=create, lang=lang) as (store, found):
        yield store, found, lock


@contextmanager
def reading(profile: str, data_dir: DataDir, *, lang: str | None = None) -> Iterator[tuple[Store, Profile | None]]:
    """The store, only read and never changed, and the profile, without the profile's lock: for a
    command that only reads (an export). So it works while a window plays that profile (SQLite
    lets it read beside the window's writes: each step the window takes is whole, or not there
    yet), and on a disk where not even a lock can be made (a read-only disk, a backup)."""
    with _store(_existing(data_dir, create=False), profile, create=False, read_only=True, lang=lang) as opened_:
        yield opened_


def _existing(data_dir: DataDir, *, create: bool) -> Path:
    folder = resolve_data_dir(data_dir)
    if not create and not (folder / DATABASE_NAME).exists():
        raise Refused(
            _("Nothing has been saved in {folder} yet, so there is nothing to do there.").format(folder=folder)
        )
    return folder


@contextmanager
def _store(
    folder: Path, profile: str, *, create: bool, read_only: bool = False, lang: str | None = None
) -> Iterator[tuple[Store, Profile | None]]:
    store = Store.open(folder, read_only=read_only)
    try:
        if store.set_aside is not None:
            warn(store.set_aside.message())
        found = store.profile(profile) if create else store.find_profile(profile)
        if found is not None and lang is None:
            _speak_their_language(found)
        yield store, found
    finally:
        store.close()


def _speak_their_language(found: Profile) -> None:
    """The language the reader chose in their settings, from here on (none chosen: as it was)."""
    from ..care.settings import read_settings

    chosen = read_settings(found.settings).language
    if chosen is not None:
        use_setting(chosen)


def command(body: Callable[P, int]) -> Callable[P, int]:
    """Turn the ways a privacy command can stop into a message and an exit status."""

    @functools.wraps(body)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return body(*args, **kwargs)
        except ask.Cancelled:
            warn(_("Nothing has been changed."))
            return 1
        except Refused as refused:
            warn(str(refused))
            return 1
        except (ProfileBusy, StoreError) as error:
            warn(_("experience: {error}").format(error=error))
            return 1
        except OSError as error:
            warn(
                _("experience: {file} cannot be used ({reason}). Nothing has been changed.").format(
                    file=getattr(error, "filename", None) or _("a file"), reason=error.strerror or error
                )
            )
            return 1

    return run
