"""What the groups of commands share: how a command registers itself, and the arguments that many
take (a story folder, the data folder, a profile, a language, names, ports, counts).

A command's arguments are added only when that command is the one being run (or when the whole
parser is asked for). That lets each command take its defaults from the module that owns them,
however heavy that module is to import, without `experience check` paying for `serve`'s.

It also makes argparse's own words ("usage:", "options", "invalid choice") ours: see
`speak_argparse`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..i18n import N_, _, ngettext

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


# -- argparse's own words -------------------------------------------------------------------------
def speak_argparse() -> None:
    """Make argparse say its own words ("usage:", "show this help message and exit", "the following
    arguments are required: %s") in the language in use, from our catalogue.

    argparse looks each of them up at the moment it says it, through the two names it imported
    from the standard library (`from gettext import gettext as _, ngettext`), and the standard
    `gettext` finds its catalogue through the environment's `LANGUAGE`/`LC_*` variables, never
    through `--lang`. Its words are scattered through its internals (the usage line, the help
    action, the checks that raise its errors), so no subclass can reach them all. So we point those
    two names of the argparse module at `experience.i18n`'s own functions, once, from the command
    line's entry point: argparse is otherwise untouched, and its words are looked up like all of
    ours, in the catalogue `use_language` chose. `ARGPARSE_WORDS` holds argparse's own msgids, so
    that `pybabel extract` puts them in our catalogue to be translated. Calling this again changes
    nothing.
    """
    setattr(argparse, "_", _)  # noqa: B010  # a module's global, not an attribute typeshed knows
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


# argparse's words (Python's own msgids, exactly as argparse writes them) that a person can meet;
# its complaints about a program's own mistakes (conflicting options, a bad `dest=`) are not here.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _argparse_plurals(n: int) -> str:
    """Never called: marks argparse's one plural sentence for `pybabel extract`."""
    return ngettext("expected %s argument", "expected %s arguments", n)


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
    said = (
        _("a story folder (default: the story in this folder, if there is one, else the bundled journey)")
        if here_first
        else _("a story folder (default: the bundled journey)")
    )
    p.add_argument("story", nargs="?", metavar="STORY_DIR", help=said)


# -- where a person's data is kept ----------------------------------------------------------------
def add_data_dir(p: argparse.ArgumentParser, where: str | None = None) -> None:
    """`--data-dir`; `where` says what is kept there, as a whole clause ("where the rooms file is
    kept"), the default its own."""
    from ..progress.paths import DATA_DIR_ENV

    # Translators: {where} is a clause like "where progress and the journal are kept"; {variable}
    # is the name of an environment variable, typed as it is.
    said = _("{where} (default: ${variable}, or your user data folder)").format(
        where=where or _("where progress and the journal are kept"), variable=DATA_DIR_ENV
    )
    p.add_argument("--data-dir", metavar="DIR", help=said)


def add_profile(p: argparse.ArgumentParser, whose: str) -> None:
    from ..progress.store import DEFAULT_PROFILE

    p.add_argument(
        "--profile",
        type=profile_name,
        default=DEFAULT_PROFILE,
        metavar="NAME",
        # Translators: {whose} says whose the profile is; keep %(default)s, argparse fills it in.
        help=_("{whose} (default: %(default)s)").format(whose=whose),
    )


def add_lang(p: argparse.ArgumentParser, *, follows: str | None = None) -> None:
    """`--lang`, the same for every command that takes it: a tag in any usual form (es, es-MX,
    es_MX.UTF-8), kept normalised. Without it, a command uses `follows` (the story's own language
    unless a command says otherwise)."""
    p.add_argument(
        "--lang",
        type=language_tag,
        metavar="LANG",
        # Translators: {follows} says which language is used without --lang ("the story's own language").
        help=_("the language to use, like es or es-MX (default: {follows})").format(
            follows=follows or _("the story's own language")
        ),
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

    add_data_dir(
        p, _("where the rooms file ({file}) is kept, shared by 'serve' and 'facilitate'").format(file=ROOMS_DB)
    )


# -- argument types -------------------------------------------------------------------------------
def _name_of(rule: str) -> Callable[[str], str]:
    """An argument type for a short name (a room's, a profile's): spaces folded, 1 to 64
    printable characters; `rule` (looked up when it is said) says so."""

    def name(value: str) -> str:
        folded = " ".join(value.split())
        if not folded or len(folded) > NAME_LENGTH or not folded.isprintable():
            raise argparse.ArgumentTypeError(_(rule).format(most=NAME_LENGTH))
        return folded

    return name


room_name = _name_of(N_("a room name is 1 to {most} printable characters"))
profile_name = _name_of(N_("a profile name is 1 to {most} printable characters"))


def language_tag(value: str) -> str:
    from ..i18n import normalise

    tag = normalise(value)
    if tag is None:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a language; write a tag like es or es-MX").format(value=value)
        )
    return tag


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{value}' is not a port number").format(value=value)) from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(_("a port is a number from 1 to 65535"))
    return number


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{value}' is not a whole number").format(value=value)) from None
    if number < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return number
