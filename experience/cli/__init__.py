"""The one entry point: `experience [command]`; with no command, the bundled journey is played.

Each group of commands lives in its own module and registers its own parsers beside its handlers:
`play` (play, locate), `journal` (journal, forget), `author` (new, preview, check, walk, graph,
stats, schema, guide, lsp), `transcripts` (record, replay) and `workshop` (serve, facilitate,
runsheet); `arguments` holds what they share. Commands import what they need only when they
run, and only the command being run has its arguments built, so `experience check` and
`experience walk` never pay for importing Textual.
Every error a person or an author can cause ends here as a plain message and an exit status, never
a traceback (set EXPERIENCE_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..i18n import _, base, normalise, resolve_language, shipped_languages, use_language
from . import author, journal, play, strings, transcripts, workshop
from .arguments import Commands, Handler, speak_argparse
from .play import cmd_play

GROUPS = (play, journal, author, strings, transcripts, workshop)  # in the order `experience --help` lists them
DEFAULT_COMMAND = "play"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command`, only that command's arguments are built (none, for
    a word that names no command)."""
    parser = argparse.ArgumentParser(
        prog="experience",
        description=_(
            "Coming Home to Yourself: a guided reflection for the terminal. With no command, plays the bundled journey."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"experience {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND"), only=command)
    for group in GROUPS:
        group.register(commands)
    return parser


def _lang_in(argv: Sequence[str]) -> str | None:
    """The language `--lang` names in `argv` (`--lang es` or `--lang=es`), read before parsing."""
    for at, word in enumerate(argv):
        if word == "--lang" and at + 1 < len(argv):
            return argv[at + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def _program_language(lang: str | None) -> str:
    """The language the program's own words are said in: `--lang`'s, when the program speaks it,
    else the system's. `--lang fr` also names a story's translation to check or play: a Spanish
    author checking a French translation keeps reading Spanish, not English."""
    tag = normalise(lang)
    spoken = tag is not None and base(tag) in {base(t) for t in shipped_languages()}
    return resolve_language(lang if spoken else None).tag


def _command_in(argv: Sequence[str]) -> str:
    """The command named in `argv`: its first word that is not an option (the top level has no
    option that takes a value), or "" when there is none."""
    return next((word for word in argv if not word.startswith("-")), "")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_language(_program_language(_lang_in(argv)))  # before the parser: its help is in it too
    speak_argparse()  # and argparse's own words ("usage:", its errors), from the same catalogue
    args = build_parser(_command_in(argv)).parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # no command: play the bundled journey
        args = build_parser(DEFAULT_COMMAND).parse_args([DEFAULT_COMMAND])
        handler = cmd_play
    return run(handler, args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command; turn every failure a person can cause into a message."""
    from ..story.diagnostics import StoryError, StoryRuntimeError, format_text
    from ..story.safe_text import terminal_safe  # an error's words may quote a story file

    # The program's words from the start: --lang if the program speaks it, else the system's locale
    # (a command that opens a profile, like play, then follows the reader's own setting too).
    use_language(_program_language(getattr(args, "lang", None)))
    try:
        return handler(args)
    except StoryError as error:
        print(format_text(error.diagnostics), file=sys.stderr)
        print(_("The story has errors; run 'experience check' on it for the full report."), file=sys.stderr)
        return 1
    except StoryRuntimeError as error:
        print(f"experience: {terminal_safe(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: no traceback reaches a person
        if os.environ.get("EXPERIENCE_DEBUG"):
            raise
        print(
            _(
                "experience: something went wrong ({kind}: {error}).\n"
                "What was saved before this is kept, as it was. Set EXPERIENCE_DEBUG=1 to see the details."
            ).format(kind=type(error).__name__, error=terminal_safe(str(error))),
            file=sys.stderr,
        )
        return 2
