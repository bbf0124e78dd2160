"""What the groups of commands share: how a command registers itself, and the arguments that many
take (a story folder, the data folder, a profile, a language, names, ports, counts).

A command's arguments are added only when that command is the one being run (or when the whole
parser is asked for). That lets each command take its defaults from the module that owns them,
however heavy that module is to import, without `experience check` paying for `serve`'s.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]

NAME_LENGTH = 64  # a room's or a profile's name, once its spaces are folded


class Commands:
    """The `COMMAND` subparsers, in the order they are listed by `experience --help`."""

    def __init__(self, sub: argparse._SubParsersAction[argparse.ArgumentParser], only: str | None) -> None:
        self._sub = sub
        self._only = only

    def add(
        self,
        name: str,
        handler: Handler | None,
        arguments: Arguments | None = None,
        *,
        help: str,
        description: str | None = None,
    ) -> None:
        """Register `name`; `arguments` adds its options, and is called only if it is wanted."""
        parser = self._sub.add_parser(name, help=help, description=description)
        if handler is not None:
            parser.set_defaults(handler=handler)
        if arguments is not None and self._only in (None, name):
            arguments(parser)


# -- the story a command works on -----------------------------------------------------------------
def story_dir(value: str | None, *, here_first: bool = True) -> Path:
    """The story a command works on: the one named, else (for the author's tools) the story in the
    current folder if there is one, else the bundled journey. Playing never guesses: a person who
    types `experience` gets the journey, wherever they happen to be."""
    from ..bundled import bundled_story, display_path

    if value:
        return Path(value)
    if here_first and Path("story.yaml").is_file():
        return Path(".")
    return display_path(bundled_story())


def add_story(p: argparse.ArgumentParser, *, here_first: bool = True) -> None:
    default = (
        "the story in this folder, if there is one, else the bundled journey" if here_first else "the bundled journey"
    )
    p.add_argument("story", nargs="?", metavar="STORY_DIR", help=f"a story folder (default: {default})")


# -- where a person's data is kept ----------------------------------------------------------------
def add_data_dir(p: argparse.ArgumentParser, what: str = "progress and the journal are kept") -> None:
    from ..progress.paths import DATA_DIR_ENV

    p.add_argument(
        "--data-dir", metavar="DIR", help=f"where {what} (default: ${DATA_DIR_ENV}, or your user data folder)"
    )


def add_profile(p: argparse.ArgumentParser, whose: str) -> None:
    from ..progress.store import DEFAULT_PROFILE

    p.add_argument(
        "--profile",
        type=profile_name,
        default=DEFAULT_PROFILE,
        metavar="NAME",
        help=f"{whose} (default: %(default)s)",
    )


def add_lang(p: argparse.ArgumentParser, *, follows: str = "the story's own language") -> None:
    """`--lang`, the same for every command that takes it: a tag in any usual form (es, es-MX,
    es_MX.UTF-8), kept normalised. Without it, a command uses `follows`."""
    p.add_argument(
        "--lang",
        type=language_tag,
        metavar="LANG",
        help=f"the language to use, like es or es-MX (default: {follows})",
    )


def reading_language(root: Path, lang: str | None, settings: str | None = None) -> str | None:
    """The language to read the story at `root` in, for a reader: `--lang`, else their settings,
    else the story's own language, else the system's (see i18n.py); None for the story's own words."""
    from ..i18n import resolve_language
    from ..story.load_manifest import declared_language
    from ..story.translation import language_to_read

    return language_to_read(root, resolve_language(lang, settings, declared_language(root)))


def add_rooms_dir(p: argparse.ArgumentParser) -> None:
    from ..workshop.room import ROOMS_DB

    add_data_dir(p, f"the rooms file ({ROOMS_DB}) is kept, shared by 'serve' and 'facilitate'")


# -- argument types -------------------------------------------------------------------------------
def _name_of(what: str) -> Callable[[str], str]:
    """An argument type for a short name (a room's, a profile's): spaces folded, 1 to 64
    printable characters."""

    def name(value: str) -> str:
        folded = " ".join(value.split())
        if not folded or len(folded) > NAME_LENGTH or not folded.isprintable():
            raise argparse.ArgumentTypeError(f"a {what} name is 1 to {NAME_LENGTH} printable characters")
        return folded

    return name


room_name = _name_of("room")
profile_name = _name_of("profile")


def language_tag(value: str) -> str:
    from ..i18n import normalise

    tag = normalise(value)
    if tag is None:
        raise argparse.ArgumentTypeError(f"'{value}' is not a language; write a tag like es or es-MX")
    return tag


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return number


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number
