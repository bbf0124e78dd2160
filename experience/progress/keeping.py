"""What a reader keeps of a story: their answers in journey order, and the letter it wrote them.

One arrangement for every place that shows or writes out a journal (the full-screen journal, the
plain `j`, `journal export`, a workshop participant's download), so that they cannot disagree on
the order or on what is included:

- Answers are grouped by chapter in the story's order (the order a reader meets the chapters,
  see `Story.chapters`), then any chapters the story no longer has, in the order they were first
  written. Within a chapter answers stay in the order they were written: a journal is a diary.
- A story may mark a scene as its letter (`letter: true`): a text assembled from what the reader
  chose and wrote. The letter is never stored on its own. It is the scene's text as the reader's
  history now reads it, at the last time they reached that scene, so an answer edited or deleted
  in the journal is edited or gone in the letter too, and erasing the journal leaves only the
  story's own words. A letter scene the reader has not reached (or has gone back from) gives none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..story import State, Story, StoryRuntimeError, restore_history, scene_text
from .journal import Entry


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Letter:
    """A letter the story assembled: `markdown` as the reader sees it (their words escaped for
    Markdown), `text` with their words exactly as they typed them (for JSON)."""

    scene_id: str
    title: str
    markdown: str
    text: str


@dataclass(frozen=True, slots=True)
class StoryJournal:
    title: str
    chapters: tuple[Chapter, ...]
    letters: tuple[Letter, ...] = ()

    @property
    def entries(self) -> list[Entry]:
        return [entry for chapter in self.chapters for entry in chapter.entries]

    @property
    def empty(self) -> bool:
        return not self.chapters and not self.letters


def arrange(
    title: str, entries: Iterable[Entry], order: Mapping[str, str] | None = None, letters: Sequence[Letter] = ()
) -> StoryJournal:
    """Group a story's answers by chapter: in the story's order where it is known (`order` maps
    chapter id to title, in story order), then any others in the order they were first written."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.chapter_id, []).append(entry)
    order = order or {}
    ids = [c for c in order if c in groups] + [c for c in groups if c not in order]
    chapters = tuple(Chapter(c, order.get(c) or groups[c][-1].chapter_title, tuple(groups[c])) for c in ids)
    return StoryJournal(title, chapters, tuple(letters))


def chapter_order(story: Story) -> dict[str, str]:
    """The story's chapters in the order a reader meets them, id -> title."""
    return {chapter_id: chapter.title for chapter_id, chapter in story.chapters.items()}


def letters(story: Story, state: State) -> tuple[Letter, ...]:
    """Each letter scene the reader's history reaches, as it read when they were last there."""
    marked = [scene_id for scene_id, scene in story.scenes.items() if scene.letter]
    if not marked:
        return ()
    last: dict[str, State] = {}
    for past in state.history():
        if past.scene in marked:
            last[past.scene] = past
    out = []
    for scene_id in marked:
        there = last.get(scene_id)
        if there is None:
            continue
        scene = story.scenes[scene_id]
        try:
            markdown, text = scene_text(story, there), scene_text(story, there, escape=False)
        except StoryRuntimeError:
            continue  # a scene the story can no longer show (it was edited): the answers are kept
        out.append(Letter(scene_id, scene.title or story.chapters[scene.chapter].title, markdown, text))
    return tuple(out)


def kept(story: Story, title: str, entries: Iterable[Entry], state: State | None) -> StoryJournal:
    """A story's journal: its answers in journey order, and its letters if the reader reached them."""
    return arrange(title, entries, chapter_order(story), letters(story, state) if state is not None else ())


def state_of(story: Story, history: Sequence[Mapping[str, object]]) -> State | None:
    """Where a saved history leaves the reader, read without writing anything (for an export)."""
    if not history:
        return None
    return restore_history(story, list(history)).state
