"""Workshops: `experience serve` (participants' browsers), `facilitate` (the facilitator's console)
and `runsheet` (a printable plan)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import _
from .arguments import Commands, add_lang, add_rooms_dir, add_story, port, positive, room_name, story_dir


def register(commands: Commands) -> None:
    commands.add(
        "serve",
        cmd_serve,
        serve_arguments,
        help=_("open the journey to web browsers, for a workshop"),
        description=_(
            "Each browser tab is its own private session. Nothing participants write "
            "is kept here after their session ends; they can download their journal."
        ),
    )
    commands.add(
        "facilitate",
        cmd_facilitate,
        facilitate_arguments,
        help=_("the facilitator's console: run-sheet, gates, timer, counts"),
        description=_(
            "Open one movement at a time, keep time, and see how many have reached "
            "the gate (never who, never what anyone wrote)."
        ),
    )
    commands.add(
        "runsheet",
        cmd_runsheet,
        runsheet_arguments,
        help=_("a printable plan for a workshop: timings, notes, content notes, pauses"),
        description=_(
            "Generated from the story files: total running time, a timeline by movement, "
            "facilitator notes, content notes, pause points and reflections. With --minutes, a plan "
            "that fits the time: the longest way through that does, and time to talk beside it."
        ),
    )


# -- serve ----------------------------------------------------------------------------------------
def serve_arguments(p: argparse.ArgumentParser) -> None:
    from ..workshop.serving import DEFAULT_HOST, DEFAULT_MAX_PARTICIPANTS, DEFAULT_PORT  # no web server imported

    add_story(p)
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_(
            "address to listen on (default: %(default)s, this computer only; any other address asks for a join code)"
        ),
    )
    p.add_argument("--port", type=port, default=DEFAULT_PORT, help=_("port to listen on (default: %(default)s)"))
    p.add_argument(
        "--room",
        type=room_name,
        metavar="NAME",
        help=_(
            "pace participants from 'experience facilitate --room NAME' (default: no room, each goes at their own pace)"
        ),
    )
    p.add_argument(
        "--max-participants",
        type=positive,
        default=DEFAULT_MAX_PARTICIPANTS,
        metavar="N",
        help=_(
            "participants in the room at once (tabs still at the join code have a limit of their own); "
            "one more sees 'this room is full' (default: %(default)s)"
        ),
    )
    p.add_argument(
        "--sessions-dir",
        metavar="DIR",
        help=_(
            "where each live session keeps its progress until it ends (default: a folder in "
            "memory where the system has one, such as /dev/shm, else the temporary folder)"
        ),
    )
    add_rooms_dir(p)
    # --lang: the program's words, and the story's where it has a translation (a story without one is
    # served in its own words, not refused); each participant begins in it.
    add_lang(p, follows=_("your system's; each participant begins in it and may choose another on the join screen"))


def _textual_serve_is_missing(missing: ImportError) -> int:
    print(
        _(
            "experience: serving to browsers needs textual-serve ({missing}). "
            "Install it with: pip install textual-serve"
        ).format(missing=missing),
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
            lang=args.lang,
        )
    except RoomError as error:
        print(f"experience: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            _(
                "experience: cannot serve on {host}:{port} ({error}). "
                "Is another server using that port? Try --port with another number."
            ).format(host=args.host, port=args.port, error=error.strerror or error),
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
        help=_("the room to pace; start the server with the same --room (default: %(default)s)"),
    )
    p.add_argument(
        "--projector",
        action="store_true",
        help=_("only the shared screen: the movement and the time, large; nothing private"),
    )
    p.add_argument(
        "--fresh", action="store_true", help=_("begin the room again: back in its lobby, the timer reset, no plan")
    )
    add_minutes(
        p,
        _(
            "the minutes the workshop has: follow the plan 'experience runsheet --minutes N' proposes: its way "
            "through, and the movements it passes over"
        ),
    )
    add_rooms_dir(p)
    add_lang(p, follows=_("your system's; participants choose their own on the join screen"))  # see serve's


def add_minutes(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("--minutes", type=positive, metavar="N", help=help)


def cmd_facilitate(args: argparse.Namespace) -> int:
    from ..progress.paths import resolve_data_dir
    from ..progress.session import story_key
    from ..story import load_story
    from ..workshop.gate import Movements
    from ..workshop.plan import propose
    from ..workshop.room import ROOMS_DB, RoomError, Rooms
    from ..workshop.serving import story_language

    root = story_dir(args.story)
    story = load_story(root, story_language(root, args.lang))
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
    p.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (a .html name implies --format html)"))
    p.add_argument("--format", choices=("markdown", "html"), help=_("markdown (default) or html"))
    add_minutes(p, _("the minutes the workshop has: propose a plan that fits, with a way through and time to talk"))
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
        print(_("wrote {output}").format(output=output), file=sys.stderr)
    return 0
