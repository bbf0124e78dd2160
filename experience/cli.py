"""The one entry point: `experience [command]`; with no command, the bundled journey is played.

Commands import what they need only when they run, so `experience check` and `experience walk`
never pay for importing Textual. Every error a person or an author can cause ends here as a plain
message and an exit status, never a traceback (set EXPERIENCE_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__

Handler = Callable[[argparse.Namespace], int]


def _story_dir(value: str | None, *, here_first: bool = True) -> Path:
    """The story a command works on: the one named, else (for the author's tools) the story in the
    current folder if there is one, else the bundled journey. Playing never guesses: a person who
    types `experience` gets the journey, wherever they happen to be."""
    from .bundled import bundled_story, display_path

    if value:
        return Path(value)
    if here_first and Path("story.yaml").is_file():
        return Path(".")
    return display_path(bundled_story())


# -- story tools ----------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    from .story import check_story
    from .story.diagnostics import format_json, format_text

    root = _story_dir(args.story)
    result = check_story(root)
    shown = result.diagnostics
    if args.format == "json":
        print(format_json(shown))
    else:
        if shown:
            print(format_text(shown))
        errors, warnings = len(result.errors), len(result.warnings)
        if result.story is not None:
            story = result.story
            summary = (
                f"{_count(len(story.scenes), 'scene')} in {_count(len(story.chapters), 'chapter')} of “{story.title}”"
            )
        else:
            summary = (
                "the story cannot be played until the errors are fixed; warnings about the "
                "story as a whole come once they are"
            )
        counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        where = "this folder" if str(root) == "." else root
        print(f"{where}: {counts} ({summary})", file=sys.stderr if shown else sys.stdout)
    if result.errors or (args.strict and result.warnings):
        return 1
    return 0


def cmd_walk(args: argparse.Namespace) -> int:
    from .story import load_story
    from .story.walk import format_report, report_json, tty_progress, walk

    story = load_story(_story_dir(args.story))
    progress = tty_progress(args.runs)
    report = walk(story, runs=args.runs, seed=args.seed, max_steps=args.max_steps, progress=progress)
    if progress is not None:
        sys.stderr.write("\r" + " " * 40 + "\r")
    if args.format == "json":
        print(json.dumps(report_json(story, report), indent=2))
    else:
        print(format_report(story, report, all_scenes=args.all))
    return 0 if report.ok else 1


def cmd_schema(args: argparse.Namespace) -> int:
    from .story.schema import FILE_NAMES, SCHEMAS

    if args.output_dir:
        folder = Path(args.output_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for name, build in SCHEMAS.items():
            path = folder / FILE_NAMES[name]
            path.write_text(json.dumps(build(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"wrote {path}")
        return 0
    print(json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False))
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from .story import load_story
    from .story.graph import GraphvizMissing, render, to_dot, to_mermaid, write

    story = load_story(_story_dir(args.story))
    output = Path(args.output) if args.output else None
    if args.format == "mermaid":
        write(to_mermaid(story, labels=args.labels), output)
    elif args.format == "dot":
        write(to_dot(story, labels=args.labels), output)
    else:
        if output is None and sys.stdout.isatty():
            print(f"experience: --format {args.format} is an image; write it to a file with -o FILE", file=sys.stderr)
            return 2
        try:
            image = render(to_dot(story, labels=args.labels), args.format)
        except GraphvizMissing as missing:
            print(f"experience: {missing}", file=sys.stderr)
            return 1
        write(image, output)
    if output is not None:
        print(f"wrote {output}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .story import load_story
    from .story.graph import format_stats

    print(format_stats(load_story(_story_dir(args.story))))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, scaffold

    try:
        created = scaffold(Path(args.folder), title=args.title)
    except ScaffoldError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    folder = args.folder
    print(f"A new story is ready in {folder}:")
    for path in created:
        print(f"  {path}")
    print("\nNext steps:")
    print(f"  experience check {folder}       every problem, with its line and column")
    print(f"  experience preview {folder}     play it; it reloads each time you save a file")
    print(f"  experience walk {folder}        thousands of random readers, to find dead ends")
    print("The guide to every key: experience guide | less")
    return 0


def cmd_guide(args: argparse.Namespace) -> int:
    from .bundled import authoring_guide

    print(authoring_guide().read_text(encoding="utf-8"), end="")
    return 0


def cmd_runsheet(args: argparse.Namespace) -> int:
    from .story import load_story
    from .story.graph import write
    from .workshop.runsheet import build, to_html, to_markdown

    sheet = build(load_story(_story_dir(args.story)))
    fmt = args.format or ("html" if args.output and args.output.endswith((".html", ".htm")) else "markdown")
    text = to_html(sheet) if fmt == "html" else to_markdown(sheet)
    output = Path(args.output) if args.output else None
    write(text, output)
    if output is not None:
        print(f"wrote {output}", file=sys.stderr)
    return 0


# -- playing --------------------------------------------------------------------------------------
def cmd_play(args: argparse.Namespace) -> int:
    from .privacy.unlock import unlock
    from .progress.lock import ProfileBusy, ProfileLock
    from .progress.paths import resolve_data_dir
    from .progress.session import Session
    from .progress.store import Store, StoreError
    from .story import load_story

    story = load_story(_story_dir(args.story, here_first=False))
    data_dir = resolve_data_dir(args.data_dir)
    try:
        # The lock comes first: a second window must not even open the database of a busy profile.
        with ProfileLock(data_dir, args.profile):
            store = Store.open(data_dir)
            try:
                unlock(store, args.profile)  # a sealed journal asks for its passphrase before anything opens
                session = Session.resume(story, store, args.profile)
                notices = (store.set_aside.message(),) if store.set_aside else ()
                if args.plain:
                    from .plain import play_plain

                    return play_plain(session, notices=notices)
                from .tui.app import STEPPED_OUT, ExperienceApp

                if ExperienceApp(session, notices=notices).run() == STEPPED_OUT:
                    _print_support()  # after the window closes, so that it stays in the scrollback
            finally:
                store.close()
    except (ProfileBusy, StoreError) as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"experience: your data folder {data_dir} cannot be used ({error.strerror or error}).", file=sys.stderr)
        return 1
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    import difflib
    import tempfile

    from .progress.session import Session
    from .progress.store import Store
    from .story import StoryError, check_story

    root = _story_dir(args.story)
    result = check_story(root)
    if result.story is None:
        raise StoryError(result.diagnostics)
    story = result.story
    if args.start in story.chapters:  # a chapter's name: its first scene
        args.start = story.chapters[args.start].first_scene
    if args.start and args.start not in story.scenes:
        close = difflib.get_close_matches(args.start, list(story.scenes), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else " (write it as chapter/scene)"
        print(f"experience: there is no scene '{args.start}' in this story{hint}", file=sys.stderr)
        return 2
    # A throwaway folder: an author's trial runs never mix with anyone's own journey.
    with tempfile.TemporaryDirectory(prefix="experience-preview-") as scratch:
        store = Store.open(Path(scratch))
        try:
            session = Session.resume(story, store, "preview")
            from .tui.preview import PreviewApp, start_at

            if args.start:
                session.state = start_at(story, args.start, seed=session.state.seed)
            PreviewApp(session, root, warnings=len(result.warnings)).run()
        finally:
            store.close()
    return 0


def _print_support() -> None:
    import shutil

    from .care.support import as_text
    from .care.words import goodbye_text

    width = min(shutil.get_terminal_size().columns - 1, 78) if sys.stdout.isatty() else None
    print(goodbye_text(as_text(), width))


def cmd_locate(args: argparse.Namespace) -> int:
    from .progress.locate import describe
    from .progress.paths import resolve_data_dir

    print(describe(resolve_data_dir(args.data_dir)))
    return 0


# -- the journal is theirs ------------------------------------------------------------------------
def cmd_journal_export(args: argparse.Namespace) -> int:
    from .privacy.commands import export

    return export(args)


def cmd_journal_erase(args: argparse.Namespace) -> int:
    from .privacy.commands import erase

    return erase(args)


def cmd_journal_passphrase(args: argparse.Namespace) -> int:
    from .privacy.commands import passphrase

    return passphrase(args)


def cmd_forget(args: argparse.Namespace) -> int:
    from .privacy.commands import forget

    return forget(args)


# -- workshops -------------------------------------------------------------------------------------
def cmd_serve(args: argparse.Namespace) -> int:
    from .progress.paths import resolve_data_dir
    from .workshop.room import RoomError

    try:
        from .workshop.serve import start
    except ImportError as missing:
        print(
            f"experience: serving to browsers needs textual-serve ({missing}). "
            "Install it with: pip install textual-serve",
            file=sys.stderr,
        )
        return 1
    try:
        start(
            _story_dir(args.story),
            host=args.host,
            port=args.port,
            room=args.room,
            max_participants=args.max_participants,
            data_dir=resolve_data_dir(args.data_dir),
            sessions_dir=Path(args.sessions_dir) if args.sessions_dir else None,
        )
    except RoomError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"experience: cannot serve on {args.host}:{args.port} ({error.strerror or error}). "
            "Is another server using that port? Try --port with another number.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_facilitate(args: argparse.Namespace) -> int:
    from .progress.paths import resolve_data_dir
    from .progress.session import story_key
    from .story import load_story
    from .workshop.gate import Movements
    from .workshop.room import ROOMS_DB, RoomError, Rooms

    story = load_story(_story_dir(args.story))
    first = Movements.of_story(story).minutes[0]
    try:
        rooms = Rooms.open(resolve_data_dir(args.data_dir) / ROOMS_DB)
        try:
            if args.fresh:
                rooms.reset(args.room, story_key(story), first_minutes=first)
            else:
                rooms.ensure(args.room, story_key(story), first_minutes=first)
            from .workshop.console import FacilitatorApp

            FacilitatorApp(story, rooms, args.room, projector=args.projector).run()
        finally:
            rooms.close()
    except RoomError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    return 0


# -- the parser -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="experience",
        description="Coming Home to Yourself: a guided reflection for the terminal. "
        "With no command, plays the bundled journey.",
    )
    parser.add_argument("--version", action="version", version=f"experience {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def story_arg(p: argparse.ArgumentParser, *, here_first: bool = True) -> None:
        default = (
            "the story in this folder, if there is one, else the bundled journey"
            if here_first
            else "the bundled journey"
        )
        p.add_argument("story", nargs="?", metavar="STORY_DIR", help=f"a story folder (default: {default})")

    def data_dir_arg(p: argparse.ArgumentParser, what: str = "progress and the journal are kept") -> None:
        p.add_argument(
            "--data-dir", metavar="DIR", help=f"where {what} (default: $EXPERIENCE_DATA_DIR, or your user data folder)"
        )

    p = sub.add_parser(
        "play",
        help="play a story (the default when no command is given)",
        description="Play a story full-screen. Your place and your answers are saved "
        "after every step, in your data folder (see 'experience locate').",
    )
    story_arg(p, here_first=False)
    p.add_argument(
        "--profile",
        type=_profile_name,
        default=DEFAULT_PROFILE,
        metavar="NAME",
        help="whose journey this is, if more than one person plays on this computer (default: %(default)s)",
    )
    data_dir_arg(p)
    p.add_argument(
        "--plain",
        action="store_true",
        help="line by line, for screen readers and simple terminals: plain text, numbered "
        "choices, typed answers; the same journey and the same saved progress",
    )
    p.set_defaults(handler=cmd_play)

    p = sub.add_parser(
        "locate",
        help="show where your progress and journal are kept",
        description="Print the data folder, the database and anything set aside in it.",
    )
    data_dir_arg(p)
    p.set_defaults(handler=cmd_locate)

    add_privacy_commands(sub, story_arg, data_dir_arg)

    p = sub.add_parser(
        "new",
        help="start a new story from a small working example",
        description="Creates FOLDER with a manifest, one chapter (a choice, a reflection, an "
        "ending) and JSON Schemas for your editor.",
    )
    p.add_argument("folder", metavar="FOLDER", help="a new or empty folder")
    p.add_argument("--title", default="My first story", help="the story's title")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser(
        "preview",
        help="play a story and reload it each time you save a file",
        description="For authors: the player, watching the story folder. Each save reloads the "
        "story and keeps your place; a save with errors shows them until the next good "
        "save. Nothing is saved to your own progress.",
    )
    story_arg(p)
    p.add_argument(
        "--from",
        dest="start",
        metavar="CHAPTER/SCENE",
        help="start at this scene, or at a chapter's first scene (play from here)",
    )
    p.set_defaults(handler=cmd_preview)

    p = sub.add_parser(
        "check",
        help="check a story for errors and warnings",
        description="Check a story folder and report every problem as path:line:col.",
    )
    story_arg(p)
    p.add_argument("--strict", action="store_true", help="warnings fail the check too")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "walk",
        help="play a story at random many times and report what was found",
        description="Seeded random play-throughs: scenes and choices never reached, endings, stuck states, lengths.",
    )
    story_arg(p)
    p.add_argument("-n", "--runs", type=_positive, default=1000, help="how many play-throughs (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--max-steps", type=_positive, default=2000, help="give up on a play-through after this many steps")
    p.add_argument("--all", action="store_true", help="list every scene in the report")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(handler=cmd_walk)

    p = sub.add_parser(
        "graph",
        help="draw the branching of a story (Mermaid, DOT, SVG or PNG)",
        description="Chapters as clusters, endings with a double border, deep scenes shaded, "
        "conditional choices dashed, detours dotted.",
    )
    story_arg(p)
    p.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg", "png"),
        default="mermaid",
        help="mermaid (default) or dot need nothing; svg and png need Graphviz",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--labels", action="store_true", help="label each arrow with the choice's words")
    p.set_defaults(handler=cmd_graph)

    p = sub.add_parser("stats", help="scenes, words and reading time for each movement of a story")
    story_arg(p)
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of chapter files or of story.yaml",
        description="JSON Schemas (draft 2020-12) for editors with the YAML language server.",
    )
    p.add_argument(
        "which",
        nargs="?",
        choices=("chapter", "story"),
        default="chapter",
        help="chapter files (default) or the story.yaml manifest",
    )
    p.add_argument("-o", "--output-dir", metavar="DIR", help="write both schemas into DIR instead of printing one")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("guide", help="print the authors' guide (AUTHORING.md)")
    p.set_defaults(handler=cmd_guide)

    def rooms_dir_arg(p: argparse.ArgumentParser) -> None:
        data_dir_arg(p, "the rooms file (rooms.db) is kept, shared by 'serve' and 'facilitate'")

    from .workshop.serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT

    p = sub.add_parser(
        "serve",
        help="open the journey to web browsers, for a workshop",
        description="Each browser tab is its own private session. Nothing participants write "
        "is kept here after their session ends; they can download their journal.",
    )
    story_arg(p)
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s, this computer only; any other address asks for a join code)",
    )
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help="port to listen on (default: %(default)s)")
    p.add_argument(
        "--room",
        type=_room_name,
        metavar="NAME",
        help="pace participants from 'experience facilitate --room NAME' (default: no room, "
        "each goes at their own pace)",
    )
    p.add_argument(
        "--max-participants",
        type=_positive,
        default=DEFAULT_MAX_PARTICIPANTS,
        metavar="N",
        help="sessions at once; one more sees 'this room is full' (default: %(default)s)",
    )
    p.add_argument(
        "--sessions-dir",
        metavar="DIR",
        help="where each live session keeps its progress until it ends (default: a folder in "
        "memory where the system has one, such as /dev/shm, else the temporary folder)",
    )
    rooms_dir_arg(p)
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser(
        "facilitate",
        help="the facilitator's console: run-sheet, gates, timer, counts",
        description="Open one movement at a time, keep time, and see how many have reached "
        "the gate (never who, never what anyone wrote).",
    )
    story_arg(p)
    p.add_argument(
        "--room",
        type=_room_name,
        default=DEFAULT_ROOM,
        metavar="NAME",
        help="the room to pace; start the server with the same --room (default: %(default)s)",
    )
    p.add_argument(
        "--projector",
        action="store_true",
        help="only the shared screen: the movement and the time, large; nothing private",
    )
    p.add_argument(
        "--fresh", action="store_true", help="begin the room again: only the first movement open, the timer reset"
    )
    rooms_dir_arg(p)
    p.set_defaults(handler=cmd_facilitate)

    p = sub.add_parser(
        "runsheet",
        help="a printable plan for a workshop: timings, notes, content notes, pauses",
        description="Generated from the story files: total running time, a timeline by movement, "
        "facilitator notes, content notes, pause points and reflections.",
    )
    story_arg(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (a .html name implies --format html)")
    p.add_argument("--format", choices=("markdown", "html"), help="markdown (default) or html")
    p.set_defaults(handler=cmd_runsheet)

    return parser


def add_privacy_commands(sub, story_arg: Callable, data_dir_arg: Callable) -> None:
    """`journal export|erase|passphrase` and `forget`: the journal is the reader's own."""

    def profile_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--profile",
            type=_profile_name,
            default=DEFAULT_PROFILE,
            metavar="NAME",
            help="whose journal (default: %(default)s)",
        )
        data_dir_arg(p)

    p = sub.add_parser(
        "journal",
        help="export or erase your journal, or seal it with a passphrase",
        description="Your journal is yours: write it out, erase it, or seal it with a passphrase.",
    )
    actions = p.add_subparsers(dest="journal_action", metavar="ACTION", required=True)

    a = actions.add_parser(
        "export",
        help="write out everything you wrote, as a letter (Markdown) or JSON",
        description="Every answer, by story and chapter, with its question and date. "
        "To standard output, or to a new file readable only by you.",
    )
    story_arg(a)
    profile_arg(a)
    a.add_argument("--format", choices=("markdown", "json"), default="markdown", help="markdown (default) or json")
    a.add_argument("-o", "--output", metavar="FILE", help="write to FILE (created readable only by you)")
    a.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    a.set_defaults(handler=cmd_journal_export)

    a = actions.add_parser(
        "erase",
        help="erase every answer and draft; your place in the story is kept",
        description="Lists what will be erased, asks you to type 'erase', erases it, and "
        "checks the database files afterwards. No passphrase is needed.",
    )
    profile_arg(a)
    a.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    a.set_defaults(handler=cmd_journal_erase)

    a = actions.add_parser(
        "passphrase",
        help="seal your journal with a passphrase, change it, or remove it",
        description="Seals answers, drafts and kept answers with a key made from your "
        "passphrase. A lost passphrase cannot be recovered.",
    )
    a.add_argument("action", choices=("set", "change", "remove"))
    profile_arg(a)
    a.set_defaults(handler=cmd_journal_passphrase)

    p = sub.add_parser(
        "forget",
        help="remove everything kept for a profile: place, journal, settings",
        description="Lists what will be removed (and which files), asks you to type 'forget', "
        "removes it, and checks afterwards that it is gone.",
    )
    profile_arg(p)
    p.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    p.add_argument(
        "--remove-set-aside",
        action="store_true",
        help="also remove database copies set aside earlier (only when it is the last profile)",
    )
    p.set_defaults(handler=cmd_forget)


DEFAULT_ROOM = "workshop"


def _name_of(what: str) -> Callable[[str], str]:
    """An argument type for a short name (a room's, a profile's): spaces folded, 1 to 64
    printable characters."""

    def name(value: str) -> str:
        folded = " ".join(value.split())
        if not folded or len(folded) > 64 or not folded.isprintable():
            raise argparse.ArgumentTypeError(f"a {what} name is 1 to 64 printable characters")
        return folded

    return name


_room_name = _name_of("room")


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return number


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


DEFAULT_PROFILE = "default"


_profile_name = _name_of("profile")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # no command: play the bundled journey
        args = parser.parse_args(["play"])
        handler = cmd_play
    return run(handler, args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command; turn every failure a person can cause into a message."""
    from .story.diagnostics import StoryError, StoryRuntimeError, format_text

    try:
        return handler(args)
    except StoryError as error:
        print(format_text(error.diagnostics), file=sys.stderr)
        print("The story has errors; run 'experience check' on it for the full report.", file=sys.stderr)
        return 1
    except StoryRuntimeError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: no traceback reaches a person
        if os.environ.get("EXPERIENCE_DEBUG"):
            raise
        print(
            f"experience: something went wrong ({type(error).__name__}: {error}).\n"
            "Nothing you chose or wrote has been lost. Set EXPERIENCE_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 2
