"""`experience journal export`: everything the profile wrote, as a letter or as JSON.

What is exported is the journal: each answer with its question, by story and chapter in journey
order, and the letter a story assembled for the reader (see `progress/keeping.py`; and
`progress/words.py` for the reader's other words and why they are not written out on their own).
It only reads, so it works while a window plays the same profile (see `running.reading`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..i18n import _, ngettext
from ..progress.filing import shown, titles
from ..progress.paths import PRIVATE_FILE
from ..progress.session import story_key
from .running import DataDir, Refused, command, reading, warn, whose
from .unlock import unlock

if TYPE_CHECKING:
    from ..progress.keeping import StoryJournal
    from ..progress.store import Profile, Store
    from ..story import Story

Format = Literal["markdown", "json"]


@command
def export(
    *,
    profile: str,
    data_dir: DataDir = None,
    story: str | os.PathLike[str] | None = None,
    format: Format,
    output: str | os.PathLike[str] | None = None,
    force: bool = False,
    lang: str | None = None,
) -> int:
    """Everything the profile wrote, as a letter (Markdown) or as JSON, to a file or to stdout.

    `story` gives the chapters their order and writes its letter out (the bundled story, when
    None); `output` None writes to standard output; an `output` that exists is replaced only with
    `force`. `lang`: the language `--lang` named, if any (else the reader's setting is followed).
    """
    from ..progress.keeping import arrange
    from . import letter

    target = Path(output) if output else None
    if target is not None and target.exists() and not force:
        raise Refused(
            _(
                "{path} already exists, so nothing was written. Choose another name, or add --force to replace it."
            ).format(path=target)
        )
    with reading(profile, data_dir, lang=lang) as (store, found):
        known = _story(story)  # once the reader's language is known: the export reads in it
        stories = store.stories_written(found) if found is not None else []
        if found is None or not stories:
            warn(
                _("There is nothing in the journal of {profile} yet, so nothing was exported.").format(
                    profile=whose(profile)
                )
            )
            return 0
        unlock(store, found)
        named = titles(store, found)
        journals = [
            _kept(store, found, known, named.get(key) or known.title)
            if known is not None and key == story_key(known)
            # a story this export was not given: its answers, in the order they were written
            else arrange(named.get(key) or shown(key), store.journal(found, key).entries())
            for key in stories
        ]
    now = datetime.now(UTC)
    if format == "json":
        text = letter.to_json(journals, profile=found.name, exported_at=now)
    else:
        text = letter.to_markdown(journals, exported_at=now)
    count = sum(len(j.entries) for j in journals)
    letters = sum(len(j.letters) for j in journals)
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    _write_private(target, text, replace=force)
    answers = ngettext("{n} answer", "{n} answers", count).format(n=count)
    written_from = ngettext("{n} story", "{n} stories", len(journals)).format(n=len(journals))
    if letters:
        # Translators: {answers} is "3 answers", {stories} "2 stories", {path} the file written.
        wrote = _("Wrote {answers} and your letter from {stories} to {path}.")
    else:
        # Translators: {answers} is "3 answers", {stories} "2 stories", {path} the file written.
        wrote = _("Wrote {answers} from {stories} to {path}.")
    warn(
        wrote.format(answers=answers, stories=written_from, path=target),
        _(
            "This copy is not sealed: it is readable only by your user account, but keep it somewhere "
            "private, and delete it when you no longer need it."
        ),
    )
    return 0


def _story(story_dir: str | os.PathLike[str] | None) -> Story | None:
    """The named story (or the bundled one, if it loads), for its order, its chapters' titles and
    its letter, in the language in use when the story has a translation into it."""
    from ..i18n import current_language
    from ..story import load_story
    from ..story.translation import find_translation

    def in_their_language(root: Path) -> Story:
        language = current_language()
        return load_story(root, language if find_translation(root, language) is not None else None)

    if story_dir:
        return in_their_language(Path(story_dir))  # a named story that cannot be read is reported by the CLI
    from ..bundled import bundled_story

    try:
        return in_their_language(bundled_story())
    except Exception:  # the order and the letter are a nicety: the answers are exported either way
        return None


def _kept(store: Store, profile: Profile, story: Story, title: str) -> StoryJournal:
    """The story's journal with its letter, from the saved history, read without writing anything."""
    from ..progress.keeping import kept, state_of
    from ..progress.session import answer_variables

    key = story_key(story)
    history = store.save(profile, key, answer_variables(story)).history()
    return kept(story, title, store.journal(profile, key).entries(), state_of(story, history))


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
