"""`experience play` (the default) and `experience locate`: a person's own journey, and where it is
kept."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..i18n import _, lazy
from .arguments import Commands, add_data_dir, add_lang, add_profile, add_story, reading_language, story_dir

if TYPE_CHECKING:
    from pathlib import Path

    from ..progress.session import Session
    from ..progress.store import Store
    from ..story import Story
    from ..story.diagnostics import StoryError


def register(commands: Commands) -> None:
    commands.add(
        "play",
        cmd_play,
        play_arguments,
        help=_("play a story (the default when no command is given)"),
        description=_(
            "Play a story full-screen. Your place and your answers are saved "
            "after every step, in your data folder (see 'experience locate')."
        ),
    )
    commands.add(
        "locate",
        cmd_locate,
        add_data_dir,
        help=_("show where your progress and journal are kept"),
        description=_("Print the data folder, the database and anything set aside in it."),
    )


def play_arguments(p: argparse.ArgumentParser) -> None:
    add_story(p, here_first=False)
    add_profile(p, _("whose journey this is, if more than one person plays on this computer"))
    add_data_dir(p)
    add_lang(p, follows=_("your settings, else the story's own language, else your system's"))
    p.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "line by line, for screen readers and simple terminals: plain text, numbered "
            "choices, typed answers; the same journey and the same saved progress"
        ),
    )


def cmd_play(args: argparse.Namespace) -> int:
    from ..care.wrapping import tell
    from ..privacy.unlock import unlock
    from ..progress.lock import ProfileBusy, ProfileLock
    from ..progress.paths import resolve_data_dir
    from ..progress.session import Session
    from ..progress.store import Store, StoreError
    from ..story import load_story
    from ..story.diagnostics import StoryError

    if not args.plain and not has_terminal():
        tell(str(NO_TERMINAL), stream=sys.stderr)
        return 2
    if args.plain:  # before anything reads a line (a passphrase may be typed on standard input)
        from ..plain.run import read_every_byte

        read_every_byte()
    root = story_dir(args.story, here_first=False)
    language = reading_language(root, args.lang)
    try:
        story = load_story(root, language)  # before anything of the reader's is opened
    except StoryError as error:
        said = for_a_reader(error, root, language)
        if said is None:
            raise  # a story with errors: the author's report, as every story command gives it
        tell(said, stream=sys.stderr)
        return 2
    data_dir = resolve_data_dir(args.data_dir)
    try:
        # The lock comes first: a second window must not even open the database of a busy profile.
        with ProfileLock(data_dir, args.profile):
            store = Store.open(data_dir)
            try:
                unlock(store, args.profile)  # a sealed journal asks for its passphrase before anything opens
                story = _in_their_language(story, root, args.lang, store, args.profile)
                _speak_their_language(root, args.lang, store, args.profile)
                session = Session.resume(story, store, args.profile)
                notices = (store.set_aside.message(),) if store.set_aside else ()
                if args.plain:
                    from ..plain import play_plain

                    return play_plain(session, notices=notices)
                from ..tui.app import STEPPED_OUT, ExperienceApp

                app = ExperienceApp(session, notices=notices)
                if app.run() == STEPPED_OUT:
                    _print_support()  # after the window closes, so that it stays in the scrollback
                _print_unsaved(session)
                if app.stopped_by is not None:  # SIGTERM or SIGHUP: the words are kept, the store closes
                    return 128 + app.stopped_by
            finally:
                store.close()
    except (ProfileBusy, StoreError) as error:
        tell(_("experience: {error}").format(error=error), stream=sys.stderr)
        return 1
    except OSError as error:
        tell(
            _("experience: your data folder {data_dir} cannot be used ({value}).").format(
                data_dir=data_dir, value=error.strerror or error
            ),
            stream=sys.stderr,
        )
        return 1
    return 0


def _in_their_language(story: Story, root: Path, lang: str | None, store: Store, name: str) -> Story:
    """The story again, in the language the reader chose in their settings, when that is not the
    one it was loaded in (which only knew the command line, the story and the system)."""
    from ..care.settings import read_settings
    from ..story import load_story

    profile = store.find_profile(name)
    chosen = read_settings(profile.settings).language if profile is not None and lang is None else None
    wanted = reading_language(root, None, chosen) if chosen else None
    if wanted is None or wanted == story.language:
        return story
    return load_story(root, wanted)


def _speak_their_language(root: Path, lang: str | None, store: Store, name: str) -> None:
    """The program's own words from here on in the reader's language: --lang, else their setting,
    else the story's own language, else the system's (the same order as the story's words)."""
    from ..care.settings import read_settings
    from ..i18n import resolve_language, use_language
    from ..story.load_manifest import declared_language

    profile = store.find_profile(name)
    chosen = read_settings(profile.settings).language if profile is not None else None
    use_language(resolve_language(lang, chosen, declared_language(root)).tag)


NO_TERMINAL = lazy(
    "experience: the full-screen player needs a terminal, and its input or output is a pipe or a "
    "file here. To play line by line instead, use: experience play --plain"
)


def _print_unsaved(session: Session) -> None:
    """Words the disk refused until the end (it was full, or busy): said, and shown to be copied."""
    unsaved = session.write_unsaved()
    if unsaved:
        from ..care.words import not_saved_at_leaving
        from ..care.wrapping import width_of
        from ..story.safe_text import terminal_safe

        print(terminal_safe(not_saved_at_leaving(session.why_unsaved, unsaved, width_of(sys.stdout))))


def for_a_reader(error: StoryError, root: Path, language: str | None) -> str | None:
    """What to tell someone who only wanted to play, when the story cannot open for a reason of
    theirs (a folder that is not there, a language the story is not translated into): plain
    words, no codes, no 'run experience check'. None when it is the story itself that is broken."""
    from ..story.codes import Code
    from ..story.safe_text import terminal_safe
    from ..story.translation import translations_in

    codes = {diagnostic.code for diagnostic in error.diagnostics}
    if codes == {Code.STORY_FOLDER} and not root.is_dir():
        return _(
            "experience: there is no story at {folder}. To play the journey that comes with the "
            "program, leave the folder out: experience play"
        ).format(folder=terminal_safe(str(root)))
    if codes == {Code.NO_TRANSLATION}:
        language = terminal_safe(language or "")
        offered = ", ".join(sorted(translations_in(root)))
        if offered:
            return _(
                "experience: this story cannot be read in {language} yet; besides its own language, it "
                "can be read in {offered}. Leave out --lang to read it in its own language."
            ).format(language=language, offered=offered)
        return _(
            "experience: this story cannot be read in {language} yet. Leave out --lang to read it in its own language."
        ).format(language=language)
    return None


def has_terminal() -> bool:
    """Both ends are a terminal: without one the full screen would wait for keys that never come,
    and write screen codes into a pipe or a file."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # a stream replaced, or closed
        return False


def _print_support() -> None:
    from ..care.support import as_text
    from ..care.words import goodbye_text
    from ..care.wrapping import width_of

    print(goodbye_text(as_text(), width_of(sys.stdout)))


def cmd_locate(args: argparse.Namespace) -> int:
    from ..progress.locate import describe
    from ..progress.paths import resolve_data_dir

    print(describe(resolve_data_dir(args.data_dir)))
    return 0
