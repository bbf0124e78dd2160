"""Playing a transcript's inputs again, and saying what changed.

A transcript is replayed the way it was recorded: the plain player, on a throwaway store (an
author's trials never touch anyone's journey), with the transcript's seed for the story's
variations and for "start again", a clock that stands still (no break suggestion), a fixed width,
and every date the journal shows written as [date], in the language it was recorded in (its
`lang`: the program's words, and the story's translation when it has one). So the same story and
the same inputs give the same lines, on any machine, in any locale and on any day, and a
difference is a change in the story: its text, or the road the same inputs now take.
"""

from __future__ import annotations

import difflib
import random
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..care.pacing import Sitting
from ..care.words import local_date
from ..i18n import current_tag, use_language
from ..plain import PlainPlayer
from ..progress.session import Session
from ..progress.store import Store
from ..story import Story
from .tape import Tape, lines_of
from .transcript import Transcript, TranscriptError, parse

SUFFIX = ".transcript"
PROFILE = "transcript"
STILL = "2000-01-01T12:00:00Z"  # the store's clock while replaying: every entry is dated this
DATE = "[date]"


def play(
    story: Story, source: Callable[[], str | None], *, seed: int, width: int, echo: TextIO | None = None
) -> list[str]:
    """One sitting of the plain player, typed from `source`; the transcript's body it makes."""
    with tempfile.TemporaryDirectory(prefix="experience-transcript-") as scratch:
        store = Store.open(Path(scratch), clock=lambda: STILL)
        try:
            session = Session.resume(story, store, PROFILE, seed=seed)
            tape = Tape(source, lambda: session.state.scene, echo=echo)
            outside = random.getstate()  # "start again" draws a new seed from here: make it the transcript's
            random.seed(seed)
            try:
                PlainPlayer(session, tape, tape, sitting=Sitting(clock=lambda: 0.0), width=width).run()  # type: ignore[arg-type]  # a Tape reads and writes lines as a TextIO does
            finally:
                random.setstate(outside)
        finally:
            store.close()
    date = local_date(STILL)
    return [line.replace(date, DATE) for line in tape.lines]


@dataclass(frozen=True)
class Replayed:
    path: Path
    expected: Transcript
    actual: Transcript

    @property
    def same(self) -> bool:
        return self.expected.body == self.actual.body

    def diff(self) -> str:
        """The change as a unified diff of the whole file, so its line numbers are the file's."""
        return "\n".join(
            difflib.unified_diff(
                self.expected.dump().splitlines(),
                self.actual.dump().splitlines(),
                f"{self.path} (pinned)",
                f"{self.path} (replayed)",
                lineterm="",
            )
        )


def replay(story: Story | Callable[[str], Story], path: Path) -> Replayed:
    """Replay the transcript at `path` in the language it was recorded in; TranscriptError or
    OSError if it cannot be read. `story` is the story, or gives it for a transcript's `lang`
    (in its translation, when it has one)."""
    expected = parse(path.read_text(encoding="utf-8"))
    read = story if isinstance(story, Story) else story(expected.lang)
    outside = current_tag()
    use_language(expected.lang)
    try:
        body = play(read, lines_of(expected.inputs), seed=expected.seed, width=expected.width)
    finally:
        use_language(outside)
    actual = Transcript(expected.seed, expected.width, body, expected.comments, expected.lang)
    return Replayed(path, expected, actual)


def transcripts_in(paths: Iterable[Path]) -> list[Path]:
    """Each file named, and every transcript in each folder named (sorted, folders inside too)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*" + SUFFIX)))
        else:
            found.append(path)
    return found


__all__ = ["SUFFIX", "Replayed", "TranscriptError", "play", "replay", "transcripts_in"]
