"""The author's tools: `new`, `preview` (both in drafting.py), `check`, `walk`, `graph`, `stats`, `schema`,
`guide` and `lsp`.

Only `preview` opens a window; the others stay in the story core, so they never import Textual
(`lsp` adds pygls, and only when it runs).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _, ngettext
from .arguments import Commands, add_lang, add_story, positive, story_dir
from .drafting import cmd_new, cmd_preview, new_arguments, preview_arguments

if TYPE_CHECKING:
    from ..story import LoadResult


def register(commands: Commands) -> None:
    commands.add(
        "new",
        cmd_new,
        new_arguments,
        help=_("start a new story from a small working example"),
        description=_(
            "Creates FOLDER with a manifest, one chapter (a choice, a reflection, an "
            "ending) and JSON Schemas for your editor."
        ),
    )
    commands.add(
        "preview",
        cmd_preview,
        preview_arguments,
        help=_("play a story and reload it each time you save a file"),
        description=_(
            "For authors: the player, watching the story folder. Each save reloads the "
            "story and keeps your place; a save with errors shows them until the next good "
            "save. Nothing is saved to your own progress."
        ),
    )
    commands.add(
        "check",
        cmd_check,
        check_arguments,
        help=_("check a story for errors and warnings"),
        description=_(
            "Check a story folder and report every problem as path:line:col, with its code (the "
            "guide lists them all). Exit status 1 if there are errors, or warnings with --strict."
        ),
    )
    commands.add(
        "walk",
        cmd_walk,
        walk_arguments,
        help=_("play a story at random many times and report what was found"),
        description=_(
            "Seeded random play-throughs: which scenes and choices no reader reached, the "
            "endings they came to, and where any of them got stuck, with the road that led there. Exit status 1 "
            "if a reader got stuck or met an error."
        ),
    )
    commands.add(
        "graph",
        cmd_graph,
        graph_arguments,
        help=_("draw the branching of a story (Mermaid, DOT, SVG or PNG)"),
        description=_(
            "Chapters as clusters, endings with a double border, deep scenes shaded, "
            "conditional choices dashed, detours dotted."
        ),
    )
    commands.add(
        "stats",
        cmd_stats,
        stats_arguments,
        help=_("scenes, words and reading time for each movement of a story, and its words in each language"),
        description=_(
            "A table with a row for each movement: chapters, scenes, words, reading time (every word "
            "written, at an unhurried pace), reflections, deep scenes, endings and the chapters' workshop minutes."
        ),
    )
    commands.add(
        "schema",
        cmd_schema,
        schema_arguments,
        help=_("print the JSON Schema of chapter files or of story.yaml"),
        description=_("JSON Schemas (draft 2020-12) for editors with the YAML language server."),
    )
    commands.add(
        "guide",
        cmd_guide,
        help=_("print the authors' guide (AUTHORING.md)"),
        description=_(
            "The whole guide to writing a story: every key, with examples, and every message of the "
            "checker. It is long; read it in a pager: experience guide | less"
        ),
    )
    commands.add(
        "lsp",
        cmd_lsp,
        lsp_arguments,
        help=_("the language server, for your editor: problems as you type, completion, definitions"),
        description=_(
            "Speaks the Language Server Protocol over standard input and output; your editor "
            "starts it (see 'The language server' in the guide). It needs pygls: pip install pygls."
        ),
    )


# -- check ----------------------------------------------------------------------------------------
def check_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows=_("the story's own words only; with LANG, its translation into LANG too"))
    p.add_argument("--strict", action="store_true", help=_("warnings fail the check too (exit status 1)"))
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("text (default), or json for editors and CI")
    )


def cmd_check(args: argparse.Namespace) -> int:
    from ..story import check_story
    from ..story.diagnostics import format_json, format_text

    root = story_dir(args.story)
    result = check_story(root, args.lang)
    shown = result.diagnostics
    if args.format == "json":
        print(format_json(shown))
    else:
        if shown:
            print(format_text(shown))
        print(_check_summary(root, result), file=sys.stderr if shown else sys.stdout)
    if result.errors or (args.strict and result.warnings):
        return 1
    return 0


def _check_summary(root: Path, result: LoadResult) -> str:
    """The last line of a check: how many problems, and what was checked."""
    errors, warnings = len(result.errors), len(result.warnings)
    story = result.story
    if story is not None:
        scenes = ngettext("{count} scene", "{count} scenes", len(story.scenes)).format(count=len(story.scenes))
        chapters = ngettext("{count} chapter", "{count} chapters", len(story.chapters)).format(
            count=len(story.chapters)
        )
        if story.language != story.source_language:
            # Translators: {scenes} is "12 scenes", {chapters} "3 chapters"; {language} a tag like es-MX.
            summary = _("{scenes} in {chapters} of “{title}”, in {language}").format(
                scenes=scenes, chapters=chapters, title=story.title, language=story.language
            )
        else:
            summary = _("{scenes} in {chapters} of “{title}”").format(
                scenes=scenes, chapters=chapters, title=story.title
            )
    else:
        summary = _(
            "the story cannot be played until the errors are fixed; warnings about the "
            "story as a whole come once they are"
        )
    # Translators: the end of a check: "2 errors, 1 warning (12 scenes in 3 chapters of “Title”)";
    # {where} is the story's folder, {summary} what was checked.
    return _("{where}: {errors}, {warnings} ({summary})").format(
        where=_("this folder") if str(root) == "." else root,
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        summary=summary,
    )


# -- walk -----------------------------------------------------------------------------------------
def walk_arguments(p: argparse.ArgumentParser) -> None:
    from ..story.walk import DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_SEED

    add_story(p)
    p.add_argument(
        "-n", "--runs", type=positive, default=DEFAULT_RUNS, help=_("how many play-throughs (default %(default)s)")
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=_("the same seed gives the same readers (default %(default)s)"),
    )
    p.add_argument(
        "--max-steps",
        type=positive,
        metavar="N",
        default=DEFAULT_MAX_STEPS,
        help=_("give up on a play-through after N steps, counted as unfinished (default %(default)s)"),
    )
    p.add_argument(
        "--seek",
        action="store_true",
        help=_("prefer choices no reader has taken yet, to cover rare branches in fewer runs"),
    )
    add_lang(p)
    p.add_argument(
        "--all", action="store_true", help=_("list every scene in the report, with how often it was reached")
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help=_("text (default), or json for tools"))


def cmd_walk(args: argparse.Namespace) -> int:
    from ..story import load_story
    from ..story.walk import format_report, report_json, tty_progress, walk

    story = load_story(story_dir(args.story), args.lang)
    progress = tty_progress(args.runs)
    report = walk(story, runs=args.runs, seed=args.seed, max_steps=args.max_steps, progress=progress, seek=args.seek)
    if progress is not None:
        sys.stderr.write("\r" + " " * 40 + "\r")
    if args.format == "json":
        print(json.dumps(report_json(story, report), indent=2))  # ASCII: nothing in it can act
    else:
        print(format_report(story, report, all_scenes=args.all))
    return 0 if report.ok else 1


# -- graph and stats ------------------------------------------------------------------------------
def graph_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    p.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg", "png"),
        default="mermaid",
        help=_("mermaid (default) or dot need nothing; svg and png need Graphviz"),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output"))
    p.add_argument("--labels", action="store_true", help=_("label each arrow with the choice's words"))
    add_lang(p)


def cmd_graph(args: argparse.Namespace) -> int:
    from ..story import load_story
    from ..story.graph import GraphvizMissing, render, to_dot, to_mermaid, write

    story = load_story(story_dir(args.story), args.lang)
    output = Path(args.output) if args.output else None
    if args.format == "mermaid":
        write(to_mermaid(story, labels=args.labels), output)
    elif args.format == "dot":
        write(to_dot(story, labels=args.labels), output)
    else:
        if output is None and sys.stdout.isatty():
            print(
                _("experience: --format {format} is an image; write it to a file with -o FILE").format(
                    format=args.format
                ),
                file=sys.stderr,
            )
            return 2
        try:
            image = render(to_dot(story, labels=args.labels), args.format)
        except GraphvizMissing as missing:
            print(f"experience: {missing}", file=sys.stderr)
            return 1
        write(image, output)
    if output is not None:
        print(_("wrote {path}").format(path=output), file=sys.stderr)
    return 0


def stats_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows=_("the story's own language; every language's words are counted below"))


def cmd_stats(args: argparse.Namespace) -> int:
    from ..story import load_story
    from ..story.graph import format_stats
    from ..story.languages import format_languages, language_counts

    root = story_dir(args.story)
    print(format_stats(load_story(root, args.lang)))
    counts = language_counts(root)
    if len(counts) > 1:
        print()
        print(format_languages(counts))
    return 0


# -- schema and guide -----------------------------------------------------------------------------
def schema_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "which",
        nargs="?",
        choices=("chapter", "story"),
        default="chapter",
        help=_("chapter files (default) or the story.yaml manifest"),
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help=_("write the schema to FILE instead of printing it"))
    where.add_argument(
        "--output-dir", metavar="DIR", help=_("write both schemas into DIR, named as 'experience new' names them")
    )
    add_lang(p, follows=_("your system's"))  # the language of the schema's descriptions


def cmd_schema(args: argparse.Namespace) -> int:
    from ..story.schema import FILE_NAMES, SCHEMAS

    if args.output:
        path = Path(args.output)
        try:
            path.write_text(json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as error:
            print(
                _("experience: cannot write {path}: {error}").format(path=path, error=error.strerror or error),
                file=sys.stderr,
            )
            return 1
        print(_("wrote {path}").format(path=path), file=sys.stderr)
        return 0
    if args.output_dir:
        folder = Path(args.output_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for name, build in SCHEMAS.items():
            path = folder / FILE_NAMES[name]
            path.write_text(json.dumps(build(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(_("wrote {path}").format(path=path))
        return 0
    print(json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False))
    return 0


def cmd_guide(args: argparse.Namespace) -> int:
    from ..bundled import authoring_guide

    print(authoring_guide().read_text(encoding="utf-8"), end="")
    return 0


def lsp_arguments(p: argparse.ArgumentParser) -> None:
    add_lang(p, follows=_("your system's"))


def cmd_lsp(args: argparse.Namespace) -> int:
    from ..lsp import main

    return main()
