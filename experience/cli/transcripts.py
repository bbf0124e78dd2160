"""`experience record` and `experience replay`: play-throughs pinned in files, checked in CI.

`record` is `play --plain` on a throwaway store that writes what was typed and shown to a
transcript; `replay` plays each transcript's inputs again and shows a unified diff where the text
or the road changed (exit 1), or accepts the change with --update.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .arguments import Commands, add_story, story_dir


def register(commands: Commands) -> None:
    commands.add(
        "record",
        cmd_record,
        record_arguments,
        help="play a story line by line and pin the play-through in a transcript file",
        description="The plain player, on a throwaway store: what you type and what the story shows "
        "are written to FILE, for 'experience replay' to check later. Type test answers, not your own: "
        "the file keeps everything typed.",
    )
    commands.add(
        "replay",
        cmd_replay,
        replay_arguments,
        help="replay pinned play-throughs and show what changed (exit 1 if anything did)",
        description="Plays the inputs of each transcript again and compares what the story shows, and "
        "the scenes it passes, with what was pinned. Deterministic: the transcript's seed, a fixed "
        "width, dates written as [date].",
    )


# -- record ---------------------------------------------------------------------------------------
def record_arguments(p: argparse.ArgumentParser) -> None:
    from ..transcripts.transcript import DEFAULT_SEED

    add_story(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the transcript to write (name.transcript)")
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="seed for the story's variations (default %(default)s)"
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def cmd_record(args: argparse.Namespace) -> int:
    from ..care.wrapping import MOST as MAX_WIDTH
    from ..plain.terminal import isatty
    from ..story import load_story
    from ..story.safe_text import terminal_safe
    from ..transcripts.replay import play
    from ..transcripts.transcript import Transcript

    output = Path(args.output)
    if output.exists() and not args.force:
        print(f"experience: {output} already exists; add --force to replace it", file=sys.stderr)
        return 1
    story = load_story(story_dir(args.story))
    piped = not isatty(sys.stdin)

    def typed() -> str | None:
        line = sys.stdin.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        if piped:  # a terminal shows what is typed; a pipe does not
            sys.stdout.write(terminal_safe(line) + "\n")
        return line

    body = play(story, typed, seed=args.seed, width=MAX_WIDTH, echo=sys.stdout)
    transcript = Transcript(args.seed, MAX_WIDTH, body)
    try:
        output.write_text(transcript.dump(), encoding="utf-8")
    except OSError as error:
        print(f"experience: cannot write {output} ({error.strerror or error})", file=sys.stderr)
        return 1
    print(
        f"wrote {output} ({len(transcript.inputs)} lines typed, {len(transcript.path)} scenes). This was a trial: "
        "the place and the answers in it were not kept anywhere but in the transcript.",
        file=sys.stderr,
    )
    return 0


# -- replay ---------------------------------------------------------------------------------------
def replay_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    p.add_argument(
        "transcripts",
        nargs="*",
        metavar="PATH",
        help="transcript files, or folders of them (default: the story's transcripts/ folder)",
    )
    p.add_argument("--update", action="store_true", help="write what the story shows now into each changed file")


def cmd_replay(args: argparse.Namespace) -> int:
    from ..story import load_story
    from ..story.safe_text import terminal_safe
    from ..transcripts.replay import SUFFIX, TranscriptError, replay, transcripts_in

    root = story_dir(args.story)
    story = load_story(root)
    own = root / "transcripts"
    paths = transcripts_in([Path(p) for p in args.transcripts] or ([own] if own.is_dir() else []))
    if not paths:
        where = ", ".join(args.transcripts) or str(root / "transcripts")
        print(f"experience: no transcripts (*{SUFFIX}) in {where}; make one with 'experience record'", file=sys.stderr)
        return 1
    changed = broken = 0
    for path in paths:
        try:
            result = replay(story, path)
        except (TranscriptError, OSError, UnicodeDecodeError) as error:
            broken += 1
            print(f"{path}: cannot be read: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            continue
        if result.same:
            print(f"same     {path}")
            continue
        changed += 1
        if args.update:
            path.write_text(result.actual.dump(), encoding="utf-8")
            print(f"updated  {path}")
        else:
            print(f"changed  {path}")
            print(terminal_safe(result.diff()))  # it quotes the story, and what was typed
    summary = f"{len(paths)} transcript{'s' if len(paths) != 1 else ''}: {len(paths) - changed - broken} the same"
    summary += f", {changed} {'updated' if args.update else 'changed'}" + (f", {broken} unreadable" if broken else "")
    print(summary, file=sys.stderr)
    return 1 if broken or (changed and not args.update) else 0
