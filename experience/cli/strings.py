"""`experience strings`: a story's string table, for translators (see story/string_table.py)."""

from __future__ import annotations

import argparse
import sys

from .arguments import Commands, add_lang, add_story, story_dir


def register(commands: Commands) -> None:
    commands.add(
        "strings",
        cmd_strings,
        strings_arguments,
        help="write a story's strings for translators (locale/story.pot) and update its translations",
        description="Writes locale/story.pot, every string of the story with a lasting id and its file "
        "and line, and brings each locale/LANG.po up to date with it. Translate a LANG.po in any PO "
        "editor; 'experience check --lang LANG' then says what is left to do.",
    )


def strings_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows="no new translation: only the template and the files already there")


def cmd_strings(args: argparse.Namespace) -> int:
    from ..story import StoryError
    from ..story.string_table import collect, write_string_table

    root = story_dir(args.story)
    result, strings = collect(root)
    if result.story is None:
        raise StoryError(result.diagnostics)
    story = result.story
    if args.lang is not None and args.lang.split("-")[0] == story.source_language.split("-")[0]:
        print(
            f"experience: the story is written in {story.source_language}; it needs no translation into it",
            file=sys.stderr,
        )
        return 2
    try:
        done = write_string_table(root, story.source_title or story.title, story.id or "1", strings, new=args.lang)
    except OSError as error:
        print(f"experience: cannot write {error.filename or root}: {error.strerror or error}", file=sys.stderr)
        return 1
    for written in done:
        state = "started" if written.created else ("updated" if written.changed else "unchanged")
        if written.path.suffix == ".pot":
            print(f"{written.path}: {state}, {written.strings} strings")
        else:
            left = written.strings - written.translated
            print(
                f"{written.path}: {state}, {written.translated} of {written.strings} translated"
                + (f", {written.fuzzy} to review (fuzzy)" if written.fuzzy else "")
                + (f", {left} to do" if left else "")
            )
    return 0
