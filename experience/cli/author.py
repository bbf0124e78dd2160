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

from .arguments import Commands, add_lang, add_story, positive, story_dir
from .drafting import cmd_new, cmd_preview, new_arguments, preview_arguments


def register(commands: Commands) -> None:
    commands.add(
        "new",
        cmd_new,
        new_arguments,
        help="start a new story from a small working example",
        description="Creates FOLDER with a manifest, one chapter (a choice, a reflection, an "
        "ending) and JSON Schemas for your editor.",
    )
    commands.add(
        "preview",
        cmd_preview,
        preview_arguments,
        help="play a story and reload it each time you save a file",
        description="For authors: the player, watching the story folder. Each save reloads the "
        "story and keeps your place; a save with errors shows them until the next good "
        "save. Nothing is saved to your own progress.",
    )
    commands.add(
        "check",
        cmd_check,
        check_arguments,
        help="check a story for errors and warnings",
        description="Check a story folder and report every problem as path:line:col, with its code (the "
        "guide lists them all). Exit status 1 if there are errors, or warnings with --strict.",
    )
    commands.add(
        "walk",
        cmd_walk,
        walk_arguments,
        help="play a story at random many times and report what was found",
        description="Seeded random play-throughs: which scenes and choices no reader reached, the "
        "endings they came to, and where any of them got stuck, with the road that led there. Exit status 1 "
        "if a reader got stuck or met an error.",
    )
    commands.add(
        "graph",
        cmd_graph,
        graph_arguments,
        help="draw the branching of a story (Mermaid, DOT, SVG or PNG)",
        description="Chapters as clusters, endings with a double border, deep scenes shaded, "
        "conditional choices dashed, detours dotted.",
    )
    commands.add(
        "stats",
        cmd_stats,
        stats_arguments,
        help="scenes, words and reading time for each movement of a story, and its words in each language",
        description="A table with a row for each movement: chapters, scenes, words, reading time (every word "
        "written, at an unhurried pace), reflections, deep scenes, endings and the chapters' workshop minutes.",
    )
    commands.add(
        "schema",
        cmd_schema,
        schema_arguments,
        help="print the JSON Schema of chapter files or of story.yaml",
        description="JSON Schemas (draft 2020-12) for editors with the YAML language server.",
    )
    commands.add(
        "guide",
        cmd_guide,
        help="print the authors' guide (AUTHORING.md)",
        description="The whole guide to writing a story: every key, with examples, and every message of the "
        "checker. It is long; read it in a pager: experience guide | less",
    )
    commands.add(
        "lsp",
        cmd_lsp,
        help="the language server, for your editor: problems as you type, completion, definitions",
        description="Speaks the Language Server Protocol over standard input and output; your editor "
        "starts it (see 'The language server' in the guide). It needs pygls: pip install pygls.",
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# -- check ----------------------------------------------------------------------------------------
def check_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows="the story's own words only; with LANG, its translation into LANG too")
    p.add_argument("--strict", action="store_true", help="warnings fail the check too (exit status 1)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default), or json for editors and CI"
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
        errors, warnings = len(result.errors), len(result.warnings)
        if result.story is not None:
            story = result.story
            summary = (
                f"{_count(len(story.scenes), 'scene')} in {_count(len(story.chapters), 'chapter')} of “{story.title}”"
                + (f", in {story.language}" if story.language != story.source_language else "")
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


# -- walk -----------------------------------------------------------------------------------------
def walk_arguments(p: argparse.ArgumentParser) -> None:
    from ..story.walk import DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_SEED

    add_story(p)
    p.add_argument(
        "-n", "--runs", type=positive, default=DEFAULT_RUNS, help="how many play-throughs (default %(default)s)"
    )
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="the same seed gives the same readers (default %(default)s)"
    )
    p.add_argument(
        "--max-steps",
        type=positive,
        metavar="N",
        default=DEFAULT_MAX_STEPS,
        help="give up on a play-through after N steps, counted as unfinished (default %(default)s)",
    )
    p.add_argument(
        "--seek",
        action="store_true",
        help="prefer choices no reader has taken yet, to cover rare branches in fewer runs",
    )
    add_lang(p)
    p.add_argument("--all", action="store_true", help="list every scene in the report, with how often it was reached")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default), or json for tools")


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
        help="mermaid (default) or dot need nothing; svg and png need Graphviz",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--labels", action="store_true", help="label each arrow with the choice's words")
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


def stats_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    add_lang(p, follows="the story's own language; every language's words are counted below")


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
        help="chapter files (default) or the story.yaml manifest",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead of printing it")
    where.add_argument(
        "--output-dir", metavar="DIR", help="write both schemas into DIR, named as 'experience new' names them"
    )
    add_lang(p, follows="the system's locale")  # the language of the schema's descriptions


def cmd_schema(args: argparse.Namespace) -> int:
    from ..story.schema import FILE_NAMES, SCHEMAS

    if args.output:
        path = Path(args.output)
        try:
            path.write_text(json.dumps(SCHEMAS[args.which](), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as error:
            print(f"experience: cannot write {path}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"wrote {path}", file=sys.stderr)
        return 0
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


def cmd_guide(args: argparse.Namespace) -> int:
    from ..bundled import authoring_guide

    print(authoring_guide().read_text(encoding="utf-8"), end="")
    return 0


def cmd_lsp(args: argparse.Namespace) -> int:
    from ..lsp import main

    return main()
