"""Which movement a scene belongs to, and whether a room lets a participant into it.

Movements are numbered in the order a reader meets them, exactly as the run-sheet lists them
(`runsheet.build`), so the facilitator's plan and the participants' gates can never disagree.
Side paths, such as the pause, belong to no movement and are never gated: a participant can
always stop to breathe, whatever the group is doing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..story.model import Story
from .runsheet import build


@dataclass(frozen=True)
class Movements:
    names: tuple[str, ...]
    minutes: tuple[float, ...]  # suggested time of each, from the story's `minutes`
    chapter_index: Mapping[str, int]  # chapter id -> movement number; side paths are absent
    scene_chapter: Mapping[str, str]

    @classmethod
    def of_story(cls, story: Story) -> Movements:
        sheet = build(story)
        chapter_index = {
            entry.chapter.id: number for number, movement in enumerate(sheet.movements) for entry in movement.chapters
        }
        return cls(
            tuple(m.name for m in sheet.movements),
            tuple(m.minutes for m in sheet.movements),
            chapter_index,
            {sid: scene.chapter for sid, scene in story.scenes.items()},
        )

    def __len__(self) -> int:
        return len(self.names)

    def index_of(self, scene_id: str) -> int | None:
        """The number of the movement `scene_id` is in, or None on a side path."""
        chapter = self.scene_chapter.get(scene_id)
        return self.chapter_index.get(chapter) if chapter is not None else None

    def name(self, index: int) -> str:
        return self.names[index] if 0 <= index < len(self.names) else ""

    @property
    def last(self) -> int:
        return len(self.names) - 1


def closed_movement(movements: Movements, open_movement: int, target: str) -> int | None:
    """The movement that entering `target` would begin, if it is not open yet; otherwise None."""
    index = movements.index_of(target)
    return index if index is not None and index > open_movement else None
