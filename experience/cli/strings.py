"""`experience strings`: a story's string table, for translators (see story/string_table.py)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..i18n import _, ngettext, pgettext
from .arguments import Commands, add_lang, add_story, story_dir

if TYPE_CHECKING:
    from ..story.string_table import Written


def register(commands: Commands) -> None:
    commands.add(
        "strings",
        cmd_strings,
        strings_arguments,
        help=_("write a story's strings for translators (locale/story.pot) and update its translations"),
        description=_(
            "Writes locale/story.pot, every string of the story with a lasting id and its file "
            "and line, and brings each locale/LANG.po up to date with it. Translate a LANG.po in any PO "
            "editor; 'experience check --lang LANG' then says what is left to do."
        ),
    )


def strings_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows=_("no new translation: only the template and the files already there"))


def cmd_strings(args: argparse.Namespace) -> int:
    from ..story import StoryError
    from ..story.string_table import collect, write_string_table

    root = story_dir(args.story)
    result, strings = collect(root)
    if result.story is None:
        raise StoryError(result.diagnostics)
    story = result.story
    if args.lang is not None and args.lang.split("-")[0] == story.source_language.split("-")[0]:
        message = _("the story is written in {language}; it needs no translation into it")
        print(f"experience: {message.format(language=story.source_language)}", file=sys.stderr)
        return 2
    try:
        done = write_string_table(root, story.source_title or story.title, story.id or "1", strings, new=args.lang)
    except OSError as error:
        # Translators: {error} is the system's own reason, like "Permission denied".
        message = _("cannot write {path}: {error}").format(path=error.filename or root, error=error.strerror or error)
        print(f"experience: {message}", file=sys.stderr)
        return 1
    for written in done:
        print(f"{written.path}: {', '.join(_said(written))}")
    return 0


def _said(written: Written) -> list[str]:
    """What became of one file, as the parts of its line: what was done, then its counts."""
    if written.created:
        # Translators: what became of a file (a story's template or a translation), before its counts.
        state = pgettext("a file", "started")
    elif written.changed:
        state = pgettext("a file", "updated")
    else:
        state = pgettext("a file", "unchanged")
    if written.path.suffix == ".pot":
        return [state, ngettext("{count} string", "{count} strings", written.strings).format(count=written.strings)]
    said = [
        state,
        ngettext("{translated} of {count} translated", "{translated} of {count} translated", written.strings).format(
            translated=written.translated, count=written.strings
        ),
    ]
    if written.fuzzy:
        said.append(
            ngettext("{count} to review (fuzzy)", "{count} to review (fuzzy)", written.fuzzy).format(
                count=written.fuzzy
            )
        )
    left = written.strings - written.translated
    if left:
        said.append(ngettext("{count} to do", "{count} to do", left).format(count=left))
    return said
