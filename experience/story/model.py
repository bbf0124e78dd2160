"""The story, as the loader hands it to everything else: plain, frozen values.

Scene references are always resolved to full ids (`chapter/scene`) by the loader, so nothing
downstream needs to know which chapter a relative `goto` was written in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .conditions import Expression, Value, ValueType
from .diagnostics import Location
from .text import Block, Template

GENTLE, DEEP = "gentle", "deep"
INTENSITIES = (GENTLE, DEEP)


@dataclass(frozen=True, slots=True)
class Choice:
    scene: str
    index: int  # 1-based position in the scene, as authors count
    text: Template
    goto: str | None = None
    detour: str | None = None
    returns: bool = False
    condition: Expression | None = None
    sets: tuple[tuple[str, Expression], ...] = ()
    once: bool = False
    fallback: bool = False
    location: Location | None = None

    @property
    def key(self) -> str:
        """A stable name for this choice, used to remember once-only choices that were taken."""
        return f"{self.scene}#{self.index}"

    @property
    def target(self) -> str | None:
        return self.goto or self.detour


@dataclass(frozen=True, slots=True)
class Reflect:
    prompt: Template
    save_as: str | None = None
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    chapter: str
    name: str
    text: tuple[Block, ...]
    title: str | None = None
    revisit: tuple[Block, ...] | None = None
    choices: tuple[Choice, ...] = ()
    goto: str | None = None
    end: bool = False
    returns: bool = False
    reflect: Reflect | None = None
    intensity: str | None = None
    content_note: str | None = None
    gentler: str | None = None
    facilitator: str | None = None
    minutes: float | None = None
    location: Location | None = None

    @property
    def is_deep(self) -> bool:
        return self.intensity == DEEP

    def targets(self) -> list[str]:
        """Every scene this one can lead to directly (returns excluded: they go back)."""
        out = [c.target for c in self.choices if c.target]
        if self.goto:
            out.append(self.goto)
        if self.gentler:
            out.append(self.gentler)
        return out

    @property
    def words(self) -> int:
        """Words written for this scene: every paragraph, and the longest of each variation.
        (Conditional paragraphs all count, so this measures what was written, not one reading.)"""
        blocks = self.text + (self.revisit or ())
        return sum(max(v.words for v in b.variants) for b in blocks)


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    title: str
    path: Path
    scenes: tuple[str, ...]
    movement: str | None = None
    facilitator: str | None = None
    minutes: float | None = None
    location: Location | None = None

    @property
    def first_scene(self) -> str | None:
        return self.scenes[0] if self.scenes else None


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    initial: Value
    type: ValueType
    location: Location | None = None


@dataclass(frozen=True)
class Story:
    title: str
    start: str
    root: Path
    variables: Mapping[str, Variable]
    chapters: Mapping[str, Chapter]
    scenes: Mapping[str, Scene]
    manifest: Path = field(default=Path("story.yaml"))

    def initial_variables(self) -> dict[str, Value]:
        return {name: var.initial for name, var in self.variables.items()}

    def chapter_of(self, scene_id: str) -> Chapter:
        return self.chapters[self.scenes[scene_id].chapter]

    def movement_of(self, scene_id: str) -> str:
        chapter = self.chapter_of(scene_id)
        return chapter.movement or chapter.title

    def endings(self) -> list[str]:
        return [sid for sid, scene in self.scenes.items() if scene.end]

    @cached_property
    def main_path(self) -> frozenset[str]:
        """Scenes a reader can reach without a detour: places that make sense without a way back."""
        from .validation import reachable  # graph walks live with the checks that use them

        return frozenset(reachable(self, follow_detours=False))
