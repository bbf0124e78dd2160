"""The author's tools for a story being written: `new` makes one from a working example, and
`preview` plays it, reloading at each save, with trial runs kept apart from any reader's own
(author.py registers them with the other author's tools)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import _
from .arguments import add_lang, add_story, reading_language, story_dir


# -- new ------------------------------------------------------------------------------------------
def new_arguments(p: argparse.ArgumentParser) -> None:
    from ..scaffold import DEFAULT_TITLE

    p.add_argument("folder", metavar="FOLDER", help=_("a folder that does not exist yet, or an empty one"))
    # a name with spaces typed without quotes arrives in pieces: kept, to be explained
    p.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--title", default=DEFAULT_TITLE, help=_("the story's title (default: %(default)s)"))


def cmd_new(args: argparse.Namespace) -> int:
    import shlex

    from ..scaffold import ScaffoldError, scaffold

    if args.rest:
        joined = " ".join([args.folder, *args.rest])
        print(
            _(
                "experience: 'new' makes one folder, and got {count} words; if the folder's name has "
                "spaces, put it in quotes: {command}"
            ).format(count=1 + len(args.rest), command=f"experience new {shlex.quote(joined)}"),
            file=sys.stderr,
        )
        return 2
    target = Path(args.folder)
    if target.exists() and not target.is_dir():
        print(
            _("experience: {path} is a file, not a folder; choose a name for a new folder").format(path=target),
            file=sys.stderr,
        )
        return 1
    try:
        created = scaffold(target, title=args.title)
    except ScaffoldError as error:
        print(_("experience: {error}").format(error=error), file=sys.stderr)
        return 1
    folder = shlex.quote(args.folder)
    print(_("A new story is ready in {folder}:").format(folder=folder))
    for path in created:
        print(f"  {path}")
    print("\n" + _("Next steps:"))
    steps = (
        (f"experience check {folder}", _("every problem, with its line and column")),
        (f"experience preview {folder}", _("play it; it reloads each time you save a file")),
        (f"experience walk {folder}", _("thousands of random readers, to find dead ends")),
    )
    for typed, does in steps:
        print(f"  {typed:<{len(folder) + 24}}{does}")
    print(_("The guide to every key: {command}").format(command="experience guide | less"))
    return 0


# -- preview --------------------------------------------------------------------------------------
def preview_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p)
    p.add_argument(
        "--from",
        dest="start",
        metavar="CHAPTER/SCENE",
        help=_("start at this scene, or at a chapter's first scene (play from here)"),
    )
    add_lang(p, follows=_("the story's own language, else your system's"))
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "keep the preview's place in DIR from one preview to the next (default: a throwaway folder, "
            "removed when the preview ends); never the folder of your own progress and journal"
        ),
    )


def cmd_preview(args: argparse.Namespace) -> int:
    import contextlib
    import difflib
    import tempfile

    from ..progress.paths import resolve_data_dir
    from ..progress.session import Session
    from ..progress.store import Store
    from ..story import StoryError, check_story

    root = story_dir(args.story)
    result = check_story(root, reading_language(root, args.lang))
    if result.story is None:
        raise StoryError(result.diagnostics)
    story = result.story
    if args.start in story.chapters:  # a chapter's name: its first scene
        args.start = story.chapters[args.start].first_scene
    if args.start and args.start not in story.scenes:
        close = difflib.get_close_matches(args.start, list(story.scenes), n=1)
        print(
            (
                _("experience: there is no scene '{scene}' in this story; did you mean '{close}'?").format(
                    scene=args.start, close=close[0]
                )
                if close
                else _("experience: there is no scene '{scene}' in this story (write it as chapter/scene)").format(
                    scene=args.start
                )
            ),
            file=sys.stderr,
        )
        return 2
    # A throwaway folder, or the author's own for trials: never anyone's own journey.
    folder: contextlib.AbstractContextManager[str]
    if args.data_dir:
        chosen = Path(args.data_dir).expanduser()
        if chosen.resolve() == resolve_data_dir(None).resolve():
            print(
                _(
                    "experience: {path} is where your own progress and journal are kept; a preview keeps its "
                    "trial runs apart from them, so choose another folder (or leave out --data-dir)"
                ).format(path=chosen),
                file=sys.stderr,
            )
            return 2
        folder = contextlib.nullcontext(str(chosen))
    else:
        folder = tempfile.TemporaryDirectory(prefix="experience-preview-")
    with folder as scratch:
        store = Store.open(Path(scratch))
        try:
            session = Session.resume(story, store, "preview")
            from ..tui.preview import PreviewApp, start_at

            if args.start:
                session.state = start_at(story, args.start, seed=session.state.seed)
            kept_in = Path(args.data_dir).expanduser() if args.data_dir else None
            PreviewApp(session, root, warnings=len(result.warnings), kept_in=kept_in).run()
        finally:
            store.close()
    return 0
