"""`experience record` and `experience replay`: play-throughs pinned in files, checked in CI.

`record` is `play --plain` on a throwaway store that writes what was typed and shown to a
transcript; `replay` plays each transcript's inputs again and shows a unified diff where the text
or the road changed (exit 1), or accepts the change with --update.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import _, ngettext
from .arguments import Commands, add_lang, add_story, reading_language, story_dir


def register(commands: Commands) -> None:
    commands.add(
        "record",
        cmd_record,
        record_arguments,
        help=_("play a story line by line and pin the play-through in a transcript file"),
        description=_(
            "The plain player, on a throwaway store: what you type and what the story shows "
            "are written to FILE, for 'experience replay' to check later. Type test answers, not your own: "
            "the file keeps everything typed."
        ),
    )
    commands.add(
        "replay",
        cmd_replay,
        replay_arguments,
        help=_("replay pinned play-throughs and show what changed (exit 1 if anything did)"),
        description=_(
            "Plays the inputs of each transcript again and compares what the story shows, and "
            "the scenes it passes, with what was pinned. Deterministic: the transcript's seed and language, "
            "a fixed width, dates written as [date]."
        ),
    )


# -- record ---------------------------------------------------------------------------------------
def record_arguments(p: argparse.ArgumentParser) -> None:
    from ..transcripts.transcript import DEFAULT_SEED

    add_story(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the transcript to write (name.transcript)"))
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=_("seed for the story's variations (default %(default)s)")
    )
    add_lang(p, follows=_("your system's; the transcript keeps it, and replays in it"))
    p.add_argument("--force", action="store_true", help=_("replace FILE if it already exists"))


def cmd_record(args: argparse.Namespace) -> int:
    from ..care.wrapping import MOST as MAX_WIDTH
    from ..i18n import use_language
    from ..plain.terminal import isatty
    from ..story import load_story
    from ..story.safe_text import terminal_safe
    from ..transcripts.replay import play
    from ..transcripts.transcript import Transcript

    output = Path(args.output)
    if output.exists() and not args.force:
        print(_("experience: {path} already exists; add --force to replace it").format(path=output), file=sys.stderr)
        return 1
    root = story_dir(args.story)
    language = _recording_language(root, args.lang)
    use_language(language)
    story = load_story(root, reading_language(root, args.lang))
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
    transcript = Transcript(args.seed, MAX_WIDTH, body, lang=language)
    try:
        output.write_text(transcript.dump(), encoding="utf-8")
    except OSError as error:
        print(
            _("experience: cannot write {path} ({error})").format(path=output, error=error.strerror or error),
            file=sys.stderr,
        )
        return 1
    typed_lines, scenes = len(transcript.inputs), len(transcript.path)
    print(
        # Translators: {typed} is "3 lines typed", {scenes} "5 scenes".
        _(
            "wrote {path} ({typed}, {scenes}). This was a trial: "
            "the place and the answers in it were not kept anywhere but in the transcript."
        ).format(
            path=output,
            typed=ngettext("{count} line typed", "{count} lines typed", typed_lines).format(count=typed_lines),
            scenes=ngettext("{count} scene", "{count} scenes", scenes).format(count=scenes),
        ),
        file=sys.stderr,
    )
    return 0


def _recording_language(root: Path, lang: str | None) -> str:
    """The language a recording is made in, and pinned in the transcript: `--lang`, else the
    story's own language, else the system's (as `play` chooses, without a profile's setting)."""
    from ..i18n import ENGLISH, base, resolve_language
    from ..story.load_manifest import declared_language

    tag = resolve_language(lang, None, declared_language(root)).tag
    return ENGLISH if base(tag) == ENGLISH else tag


# -- replay ---------------------------------------------------------------------------------------
def replay_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    p.add_argument(
        "transcripts",
        nargs="*",
        metavar="PATH",
        help=_("transcript files, or folders of them (default: the story's transcripts/ folder)"),
    )
    p.add_argument("--update", action="store_true", help=_("write what the story shows now into each changed file"))


def cmd_replay(args: argparse.Namespace) -> int:
    from ..i18n import Language, Source
    from ..story import Story, load_story
    from ..story.safe_text import terminal_safe
    from ..story.translation import language_to_read
    from ..transcripts.replay import SUFFIX, TranscriptError, replay, transcripts_in

    root = story_dir(args.story)
    own = root / "transcripts"
    paths = transcripts_in([Path(p) for p in args.transcripts] or ([own] if own.is_dir() else []))
    if not paths:
        where = ", ".join(args.transcripts) or str(root / "transcripts")
        print(
            _("experience: no transcripts (*{suffix}) in {where}; make one with 'experience record'").format(
                suffix=SUFFIX, where=where
            ),
            file=sys.stderr,
        )
        return 1
    stories: dict[str, Story] = {}  # the story as read in each language a transcript was pinned in

    def story_in(lang: str) -> Story:
        if lang not in stories:
            stories[lang] = load_story(root, language_to_read(root, Language(lang, Source.SYSTEM)))
        return stories[lang]

    changed = broken = 0
    for path in paths:
        try:
            result = replay(story_in, path)
        except (TranscriptError, OSError, UnicodeDecodeError) as error:
            broken += 1
            print(
                _("{path}: cannot be read: {error}").format(path=path, error=getattr(error, "strerror", None) or error),
                file=sys.stderr,
            )
            continue
        # Translators: the first word of each line of a replay, padded to line up: "same     path".
        if result.same:
            print(_("same     {path}").format(path=path))
            continue
        changed += 1
        if args.update:
            path.write_text(result.actual.dump(), encoding="utf-8")
            print(_("updated  {path}").format(path=path))
        else:
            print(_("changed  {path}").format(path=path))
            print(terminal_safe(result.diff()))  # it quotes the story, and what was typed
    print(_replay_summary(len(paths), changed, broken, updated=args.update), file=sys.stderr)
    return 1 if broken or (changed and not args.update) else 0


def _replay_summary(total: int, changed: int, broken: int, *, updated: bool) -> str:
    """The last line of a replay: how many transcripts held, changed (or were updated), or could not be read."""
    same = total - changed - broken
    # Translators: the start of a replay's last line; {same} is how many did not change.
    parts = [
        ngettext("{count} transcript: {same} the same", "{count} transcripts: {same} the same", total).format(
            count=total, same=same
        )
    ]
    parts.append(
        ngettext("{count} updated", "{count} updated", changed).format(count=changed)
        if updated
        else ngettext("{count} changed", "{count} changed", changed).format(count=changed)
    )
    if broken:
        parts.append(ngettext("{count} unreadable", "{count} unreadable", broken).format(count=broken))
    return ", ".join(parts)
