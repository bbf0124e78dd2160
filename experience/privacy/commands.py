"""`experience journal export|erase|passphrase` and `experience forget`.

Every command holds the profile's lock for as long as it runs (a window playing that profile is
never changed under it), says what it will do before doing anything that cannot be undone, and
afterwards reports what it found when it checked, in plain words. Reports go to standard output;
questions, warnings and refusals to standard error, so that `export` can write to a pipe.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..progress.journal import PLAIN, stories_written
from ..progress.lock import ProfileBusy, ProfileLock
from ..progress.paths import DATABASE_NAME, PRIVATE_FILE, resolve_data_dir
from ..progress.store import Profile, Store, StoreError
from . import ask
from .unlock import unlock

NOT_REACHED = (
    "Copies kept outside these files (backups, file-system snapshots, a disk's own spare "
    "blocks) are beyond what this program can reach."
)


class Refused(Exception):
    """A command declines to go on; the message says why, and that nothing was changed."""


WIDTH = 88


def _wrapped(lines: tuple[str, ...]) -> str:
    """Sentences wrapped to a comfortable width; listed items (indented) and paths left whole."""
    out = []
    for line in "\n".join(lines).split("\n"):
        if line.startswith(" ") or len(line) <= WIDTH:
            out.append(line)
        else:
            out.append(textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _say(*lines: str) -> None:
    print(_wrapped(lines))


def _warn(*lines: str) -> None:
    print(_wrapped(lines), file=sys.stderr)


def _whose(name: str) -> str:
    return f"“{name}”"


def _plural(n: int, noun: str, many: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


@contextmanager
def _opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[tuple[Store, Profile | None, ProfileLock]]:
    """The profile's lock, then the store; the profile if it exists (or is created, with `create`)."""
    data_dir = resolve_data_dir(args.data_dir)
    if not create and not (data_dir / DATABASE_NAME).exists():
        raise Refused(f"Nothing has been saved in {data_dir} yet, so there is nothing to do there.")
    with ProfileLock(data_dir, args.profile) as lock:
        store = Store.open(data_dir)
        try:
            if store.set_aside is not None:
                _warn(store.set_aside.message())
            profile = store.profile(args.profile) if create else store.find_profile(args.profile)
            yield store, profile, lock
        finally:
            store.close()


def _command(body):
    """Turn the ways a privacy command can stop into a message and an exit status."""

    def run(args: argparse.Namespace) -> int:
        try:
            return body(args)
        except ask.Cancelled:
            _warn("Nothing has been changed.")
            return 1
        except Refused as refused:
            _warn(str(refused))
            return 1
        except (ProfileBusy, StoreError) as error:
            _warn(f"experience: {error}")
            return 1
        except OSError as error:
            _warn(
                f"experience: {getattr(error, 'filename', None) or 'a file'} cannot be used "
                f"({error.strerror or error}). Nothing has been changed."
            )
            return 1

    run.__doc__ = body.__doc__
    return run


# -- export -------------------------------------------------------------------------------------------
@_command
def export(args: argparse.Namespace) -> int:
    """Everything the profile wrote, as a letter (Markdown) or as JSON, to a file or to stdout."""
    from . import letter

    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        raise Refused(
            f"{output} already exists, so nothing was written. Choose another name, or add --force to replace it."
        )
    order = _chapter_order(args.story)
    with _opened(args) as (store, profile, _lock):
        stories = stories_written(store.conn, profile.id) if profile is not None else []
        if not stories:
            _warn(f"There is nothing in the journal of {_whose(args.profile)} yet, so nothing was exported.")
            return 0
        unlock(store, profile)
        journals = [letter.arrange(key, store.journal(profile, key).entries(), order.get(key)) for key in stories]
    now = datetime.now(UTC)
    if args.format == "json":
        text = letter.to_json(journals, profile=profile.name, exported_at=now)
    else:
        text = letter.to_markdown(journals, exported_at=now)
    count = sum(len(j.entries) for j in journals)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    _write_private(output, text, replace=args.force)
    _warn(
        f"Wrote {_plural(count, 'answer')} from {_plural(len(journals), 'story', 'stories')} to {output}.",
        "This copy is not sealed: it is readable only by your user account, but keep it somewhere "
        "private, and delete it when you no longer need it.",
    )
    return 0


def _chapter_order(story_dir: str | None) -> dict[str, dict[str, str]]:
    """Chapter order by story title, from the named story (or the bundled one, if it loads)."""
    from ..progress.session import story_key
    from ..story import load_story

    if story_dir:
        story = load_story(Path(story_dir))  # a named story that cannot be read is reported by run()
    else:
        from ..bundled import bundled_story

        try:
            story = load_story(bundled_story())
        except Exception:  # the order is a nicety: the answers are exported either way
            return {}
    return {story_key(story): {cid: chapter.title for cid, chapter in story.chapters.items()}}


def _write_private(path: Path, text: str, *, replace: bool) -> None:
    """Write `text` to `path` with mode 0600: a new file, or (with `replace`) swapped in whole."""
    data = text.encode("utf-8")
    if not replace:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as file:
            os.chmod(path, PRIVATE_FILE)
            file.write(data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- erase ----------------------------------------------------------------------------------------------
@_command
def erase(args: argparse.Namespace) -> int:
    """Erase every answer, draft and kept copy of an answer; keep the place, settings and passphrase."""
    from ..progress.erase import erase_journal, survey_journal
    from ..progress.scrub import scrub

    with _opened(args) as (store, profile, _lock):
        if profile is None:
            _say(f"Nothing has been written for {_whose(args.profile)}, so there is nothing to erase.")
            return 0
        survey = survey_journal(store, profile)
        if survey.empty:
            scrub(store.conn)  # an earlier erase may have left old pages in the log (another window was open)
            _say(f"The journal of {_whose(profile.name)} is already empty: there is nothing to erase.")
            return 0
        lines = [f"This will erase the journal of {_whose(profile.name)}, kept in {store.path}:"]
        lines += [f"  {_plural(n, 'answer')} in {_whose(story)}" for story, n in survey.answers.items()]
        if survey.drafts:
            lines.append(f"  {_plural(survey.drafts, 'unsent draft')}")
        if survey.steps_with_words:
            lines.append("  the copies of your answers that the story keeps to use in later scenes")
        lines += [
            "Your place in the story, your settings" + (" and your passphrase" if survey.sealed else "") + " are kept.",
            "Erased words cannot be brought back. To keep a copy first: experience journal export -o my-journal.md",
        ]
        _say(*lines)
        if not args.yes and not ask.confirm("erase", "\nType erase to erase it, or just press Enter to keep it: "):
            _say("Nothing has been erased.")
            return 1
        outcome = erase_journal(store, profile)
        sealed = survey.sealed
    parts = [_plural(survey.total_answers, "answer")]
    if survey.drafts:
        parts.append(_plural(survey.drafts, "draft"))
    if survey.steps_with_words:
        parts.append("the copies the story kept")
    _say("", f"Erased {_join(parts)}.")
    status = _report(
        outcome,
        what=f"journal entries, drafts or kept answers for {_whose(profile.name)}",
        gone="none of the erased words",
    )
    if sealed:
        _say(
            "Your passphrase is still set, so what you write next will be sealed too. "
            "(To stop using one: experience journal passphrase remove.)"
        )
    return status


def _report(outcome, *, what: str, gone: str) -> int:
    """Say what the check afresh from the disk found; 0 if nothing remains."""
    names = [p.name for p in outcome.traces.checked]
    if outcome.clean:
        if names:
            _say(f"Checked afresh from the disk: there are no {what} left, and {gone} can be found in {_join(names)}.")
        else:
            _say("Checked afresh from the disk: the database files no longer exist.")
        if outcome.traces.unchecked:
            _say(
                f"({_plural(outcome.traces.unchecked, 'very short text')} cannot be looked for this way, "
                "since such short words turn up by chance; they were removed with the rest.)"
            )
        _say(NOT_REACHED)
        return 0
    if outcome.rows_left:
        _warn(f"The check found {outcome.rows_left} of them still in the database. Please run this again.")
    for path, hits in outcome.traces.found.items():
        _warn(f"The check still finds pieces of the removed words in {path.name} ({hits}).")
    if not outcome.scrubbed:
        _warn(
            "Another window is using this data folder, so the database's log could not be emptied yet. "
            "Close the other windows of this program and run this command again to clear it."
        )
    for path in outcome.still_there:
        _warn(f"{path} could not be removed.")
    return 1


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# -- forget ---------------------------------------------------------------------------------------------
@_command
def forget(args: argparse.Namespace) -> int:
    """Remove everything kept for the profile; the database files too if it is the only one."""
    from ..progress.erase import forget_profile, remove_folder_if_empty, survey_profile

    data_dir = resolve_data_dir(args.data_dir)
    if not (data_dir / DATABASE_NAME).exists():
        _say(f"Nothing is kept for {_whose(args.profile)} in {data_dir}: there is nothing to forget.")
        return 0
    with _opened(args) as (store, profile, lock):
        if profile is None:
            _say(f"Nothing is kept for {_whose(args.profile)} in {data_dir}: there is nothing to forget.")
            return 0
        survey = survey_profile(store, profile, lock.path)
        journal = survey.journal
        lines = [f"This will forget everything kept for {_whose(profile.name)}:"]
        lines += [f"  your place in {_whose(story)}" for story in survey.stories]
        written = [_plural(journal.total_answers, "journal answer")] if journal.total_answers else []
        if journal.drafts:
            written.append(_plural(journal.drafts, "unsent draft"))
        if journal.steps_with_words:
            written.append("the copies of answers the story keeps")
        if written:
            lines.append(f"  {_join(written)}")
        if survey.settings:
            lines.append(f"  your settings ({', '.join(survey.settings)})")
        if journal.sealed:
            lines.append("  your passphrase")
        if survey.only_profile:
            lines.append(f"and these files, since {_whose(profile.name)} is the only profile here:")
        else:
            others = ", ".join(_whose(name) for name in survey.others)
            lines.append(
                f"The database stays for the other profiles here ({others}); they are not touched. This file goes:"
            )
        lines += [f"  {path}" for path in survey.files]
        lines.append(
            "It cannot be undone."
            + (
                " To keep your journal first: experience journal export -o my-journal.md"
                if journal.total_answers
                else ""
            )
        )
        _say(*lines)
        if not args.yes and not ask.confirm(
            "forget", "\nType forget to forget it all, or just press Enter to keep it: "
        ):
            _say("Nothing has been forgotten.")
            return 1
        remove_set_aside = False
        if survey.only_profile and survey.set_aside:
            remove_set_aside = args.remove_set_aside or (not args.yes and _agree_set_aside(survey.set_aside))
        outcome = forget_profile(store, profile, lock_file=lock.path, remove_set_aside=remove_set_aside)
    _say("", f"Forgotten: {_whose(profile.name)}.")
    if outcome.removed:
        _say("Removed:", *(f"  {path}" for path in outcome.removed))
    status = _report(outcome, what=f"rows for {_whose(profile.name)}", gone="none of its words")
    if survey.set_aside and not remove_set_aside:
        _say("Older copies set aside earlier are kept as they were (see 'experience locate').")
    if survey.only_profile and remove_folder_if_empty(data_dir):
        _say(f"The data folder {data_dir} was left empty, so it has been removed too.")
    return status


def _agree_set_aside(copies: tuple[Path, ...]) -> bool:
    _say(
        "",
        "There are also older copies of the database, set aside earlier because they could not be "
        "used. They may hold older answers, of anyone who played here:",
        *(f"  {path}" for path in copies),
    )
    return ask.confirm("remove", "Type remove to remove them too, or just press Enter to keep them: ")


# -- passphrase -----------------------------------------------------------------------------------------
EXPLAIN_SET = """\
A passphrase seals your journal on this computer: your answers, your unsent drafts, and the
words the story keeps to use in later scenes. Without the passphrase they cannot be read, by
anyone. Where you are in the story and your settings are not sealed.

Please choose one you will remember, and keep it somewhere safe. If it is lost, it cannot be
recovered or reset, not by you and not by us: there is no back door, and your sealed words would
stay unreadable for good. (You could still erase them and begin again.)

You will be asked for it each time you open your journey or your journal.
"""


@_command
def passphrase(args: argparse.Namespace) -> int:
    """Set, change or remove the passphrase that seals the profile's words."""
    from ..progress import passphrase as keys
    from ..progress.scrub import scrub, traces

    with _opened(args, create=args.action == "set") as (store, profile, _lock):
        if profile is None or (args.action != "set" and not store.is_sealed(profile)):
            _say(
                f"The journal of {_whose(args.profile)} has no passphrase."
                + (" To set one: experience journal passphrase set" if args.action == "change" else "")
            )
            return 0 if args.action == "remove" else 1
        if args.action == "set":
            if store.is_sealed(profile):
                raise Refused(
                    "Your journal already has a passphrase. To change it: experience journal passphrase change"
                )
            _say(EXPLAIN_SET)
            new = _ask_new()
            _say("Sealing…")
            done = keys.set_new(store, profile, new)
        elif args.action == "change":
            unlock(store, profile)
            new = _ask_new()
            done = keys.change(store, profile, store.sealing_for(profile), new)
        else:
            _say(
                "Without a passphrase your journal is kept unsealed: still readable only by your user "
                "account on this computer, but by anything that can read your files."
            )
            old = PLAIN
            if keys.sealed_count(store, profile):
                unlock(store, profile)
                old = store.sealing_for(profile)
            else:
                _say("Nothing sealed is left in your journal, so the passphrase is not needed to remove it.")
            done = keys.remove(store, profile, old)
        scrubbed = scrub(store.conn)
        found = traces(store.data_dir, done.previous)
    if args.action == "remove":
        _say(
            "Your journal no longer has a passphrase."
            + (f" {_counted(done)[0].upper()}{_counted(done)[1:]} are stored unsealed again." if done.total else "")
        )
        return 0
    what = "Your journal is sealed" if args.action == "set" else "Your journal is sealed with the new passphrase"
    if not done.total:
        _say(f"{what}: everything you write from now on will be sealed.")
        return 0
    _say(f"{what}: {_counted(done)}.")
    if found.clean and scrubbed:
        _say("Checked: none of the words as they were stored before can be found in the database files any more.")
        return 0
    _warn(
        "The words are sealed, but their earlier form could still be found in the database files"
        + ("" if scrubbed else ", because another window is using this data folder")
        + ". Close the other windows of this program and run 'experience journal passphrase change' to clear it."
    )
    return 1


def _counted(done) -> str:
    parts = [_plural(done.answers, "answer")]
    if done.drafts:
        parts.append(_plural(done.drafts, "draft"))
    if done.steps:
        parts.append("the copies the story keeps for later scenes")
    return _join(parts)


def _ask_new(tries: int = 3) -> str:
    """A new passphrase, asked twice; refused if too short or if the two differ."""
    from ..progress.sealing import MIN_LENGTH

    for _ in range(tries):
        first = ask.secret("New passphrase: ")
        if len(first) < MIN_LENGTH:
            _warn(
                f"Please use at least {MIN_LENGTH} characters: a few words you will remember are better "
                "than a short word."
            )
            continue
        if ask.secret("The same passphrase again: ") == first:
            return first
        _warn("Those two were not the same. Let's try again.")
    raise Refused("No passphrase was set, and nothing has been changed.")
