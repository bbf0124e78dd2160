"""Workshops: `experience serve` (participants' browsers), `facilitate` (the facilitator's console)
and `runsheet` (a printable plan)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .arguments import Commands, add_lang, add_rooms_dir, add_story, port, positive, room_name, story_dir


def register(commands: Commands) -> None:
    commands.add(
        "serve",
        cmd_serve,
        serve_arguments,
        help="open the journey to web browsers, for a workshop",
        description="Each browser tab is its own private session. Nothing participants write "
        "is kept here after their session ends; they can download their journal.",
    )
    commands.add(
        "facilitate",
        cmd_facilitate,
        facilitate_arguments,
        help="the facilitator's console: run-sheet, gates, timer, counts",
        description="Open one movement at a time, keep time, and see how many have reached "
        "the gate (never who, never what anyone wrote).",
    )
    commands.add(
        "runsheet",
        cmd_runsheet,
        runsheet_arguments,
        help="a printable plan for a workshop: timings, notes, content notes, pauses",
        description="Generated from the story files: total running time, a timeline by movement, "
        "facilitator notes, content notes, pause points and reflections. With --minutes, a plan "
        "that fits the time: the longest way through that does, and time to talk beside it.",
    )


# -- serve ----------------------------------------------------------------------------------------
def serve_arguments(p: argparse.ArgumentParser) -> None:
    from ..workshop.serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT  # no web server imported

    add_story(p)
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s, this computer only; any other address asks for a join code)",
    )
    p.add_argument("--port", type=port, default=DEFAULT_PORT, help="port to listen on (default: %(default)s)")
    p.add_argument(
        "--room",
        type=room_name,
        metavar="NAME",
        help="pace participants from 'experience facilitate --room NAME' (default: no room, "
        "each goes at their own pace)",
    )
    p.add_argument(
        "--max-participants",
        type=positive,
        default=DEFAULT_MAX_PARTICIPANTS,
        metavar="N",
        help="participants in the room at once (tabs still at the join code have a limit of their own); "
        "one more sees 'this room is full' (default: %(default)s)",
    )
    p.add_argument(
        "--sessions-dir",
        metavar="DIR",
        help="where each live session keeps its progress until it ends (default: a folder in "
        "memory where the system has one, such as /dev/shm, else the temporary folder)",
    )
    add_rooms_dir(p)


def _textual_serve_is_missing(missing: ImportError) -> int:
    print(
        f"experience: serving to browsers needs textual-serve ({missing}). Install it with: pip install textual-serve",
        file=sys.stderr,
    )
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    from ..progress.paths import resolve_data_dir
    from ..workshop.room import RoomError

    try:
        from ..workshop.serve import start
    except ImportError as missing:  # a broken install: say what is missing
        return _textual_serve_is_missing(missing)

    try:
        start(
            story_dir(args.story),
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


# -- facilitate -----------------------------------------------------------------------------------
def facilitate_arguments(p: argparse.ArgumentParser) -> None:
    from ..workshop.room import DEFAULT_ROOM

    add_story(p)
    p.add_argument(
        "--room",
        type=room_name,
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
        "--fresh", action="store_true", help="begin the room again: back in its lobby, the timer reset, no plan"
    )
    add_minutes(
        p,
        "follow the plan 'experience runsheet --minutes N' proposes: its way through, and the movements it passes over",
    )
    add_rooms_dir(p)


def add_minutes(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--minutes", type=positive, metavar="N", help=f"the minutes the workshop has: {what}")


def cmd_facilitate(args: argparse.Namespace) -> int:
    from ..progress.paths import resolve_data_dir
    from ..progress.session import story_key
    from ..story import load_story
    from ..workshop.gate import Movements
    from ..workshop.plan import propose
    from ..workshop.room import ROOMS_DB, RoomError, Rooms

    story = load_story(story_dir(args.story))
    first = Movements.of_story(story).minutes[0]
    plan = propose(story, args.minutes) if args.minutes else None
    try:
        rooms = Rooms.open(resolve_data_dir(args.data_dir) / ROOMS_DB)
        try:
            if args.fresh:
                rooms.reset(args.room, story_key(story), first_minutes=first)
            else:
                rooms.ensure(args.room, story_key(story), first_minutes=first)
            from ..workshop.console import FacilitatorApp

            FacilitatorApp(story, rooms, args.room, projector=args.projector, plan=plan).run()
        finally:
            rooms.close()
    except RoomError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    return 0


# -- runsheet -------------------------------------------------------------------------------------
def runsheet_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (a .html name implies --format html)")
    p.add_argument("--format", choices=("markdown", "html"), help="markdown (default) or html")
    add_minutes(p, "propose a plan that fits, with a way through and time to talk")
    add_lang(p)


def cmd_runsheet(args: argparse.Namespace) -> int:
    from ..story import load_story
    from ..story.graph import write
    from ..workshop.plan import propose
    from ..workshop.runsheet import build, to_markdown
    from ..workshop.runsheet_html import to_html

    story = load_story(story_dir(args.story), args.lang)
    plan = propose(story, args.minutes) if args.minutes else None
    sheet = plan.sheet if plan is not None else build(story)
    intro = plan.intro() if plan is not None else None
    fmt = args.format or ("html" if args.output and args.output.endswith((".html", ".htm")) else "markdown")
    text = to_html(sheet, intro=intro) if fmt == "html" else to_markdown(sheet, intro=intro)
    output = Path(args.output) if args.output else None
    write(text, output)
    if output is not None:
        print(f"wrote {output}", file=sys.stderr)
    return 0
