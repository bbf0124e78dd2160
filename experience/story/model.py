"""The story, as the loader hands it to everything else: plain, frozen values.

Scene references are always resolved to full ids (`chapter/scene`) by the loader, so nothing
downstream needs to know which chapter a relative `goto` was written in. A `goto` is a tuple of
`Branch`es, the first whose condition holds winning; a plain `goto: b` is one branch with none.

The ways out of a scene are defined here once, by `Scene.exits()`, and the paths through the
story (`reading_order`, `reachable`) follow them: the checker, the care lint, the graph, the
run-sheet and the loader's reading order all ask the same question the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from ..i18n import ENGLISH
from .conditions import Expression, Value, ValueType
from .diagnostics import Location
from .text import Paragraph, Template

GENTLE, DEEP = "gentle", "deep"
INTENSITIES = (GENTLE, DEEP)


Sets = tuple[tuple[str, Expression], ...]


@dataclass(frozen=True, slots=True)
class Branch:
    """One way a `goto` can go: to `target`, when `condition` holds (always, without one)."""

    target: str
    condition: Expression | None = None
    location: Location | None = None


def unconditional(branches: tuple[Branch, ...]) -> str | None:
    """The target of a `goto` that always goes to the same place, or None."""
    return branches[0].target if len(branches) == 1 and branches[0].condition is None else None


@dataclass(frozen=True, slots=True)
class Choice:
    scene: str
    index: int  # 1-based position in the scene, as authors count
    text: Template
    goto: tuple[Branch, ...] = ()
    detour: str | None = None
    then: str | None = None  # with a detour: where it goes on to when the detour returns
    returns: bool = False
    condition: Expression | None = None
    sets: Sets = ()
    once: bool = False
    fallback: bool = False
    disabled: Expression | None = None  # shown but not selectable while this holds
    reason: Template | None = None  # what the reader is told while it is disabled
    location: Location | None = None
    key: str = field(init=False)  # "scene#index": remembers once-only choices, counts them in walks
    #: Where it leads when that does not depend on the state: a detour, or a plain goto (else None).
    #: Kept, not computed each time: every step of every play-through asks.
    target: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.scene}#{self.index}")
        object.__setattr__(self, "target", self.detour or unconditional(self.goto))

    @property
    def conditional(self) -> bool:
        """A reader may never take it: it has an `if` or a `disabled_if`, is once-only, or is a
        fallback."""
        return self.condition is not None or self.once or self.fallback or self.disabled is not None

    @property
    def selectable_always(self) -> bool:
        """Offered and selectable in every state (its fallback-ness aside)."""
        return not self.once and _holds_always(self.condition) and _never(self.disabled)


def _holds_always(condition: Expression | None) -> bool:
    return condition is None or (condition.is_constant and bool(condition.evaluate({}, {})))


def _never(condition: Expression | None) -> bool:
    return condition is None or (condition.is_constant and not condition.evaluate({}, {}))


@dataclass(frozen=True, slots=True)
class Reflect:
    prompt: Template
    save_as: str | None = None
    location: Location | None = None
    withheld_as: str | None = None  # a flag set when the answer was kept out of the story (story/answers.py)


class ExitKind(str, Enum):
    GOTO = "goto"  # a choice that goes on to a scene
    DETOUR = "detour"  # a choice that goes aside, to come back where a `return` is reached
    RETURN = "return"  # a choice, or a scene, that goes back to where the detour began
    CONTINUE = "continue"  # a scene without choices that goes on by itself (its `goto`)
    THEN = "then"  # where a detour goes on to when it returns (instead of coming back)
    GENTLER = "gentler"  # where the check-in before a deep scene can send the reader instead


class Exit(NamedTuple):
    """One way out of a scene. A named tuple, like `Location`: every walk of the story makes
    them, and a tuple is several times cheaper to build than a dataclass."""

    source: str
    target: str | None  # None for a return: where it goes depends on where the detour began
    kind: ExitKind
    choice: Choice | None = None  # the choice that takes it, if it is a choice
    conditional: bool = False  # see Choice.conditional: a reader may never be offered it
    condition: Expression | None = None  # the `if` of the goto branch it is, if any


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    chapter: str
    name: str
    text: tuple[Paragraph, ...]
    title: str | None = None
    revisit: tuple[Paragraph, ...] | None = None
    choices: tuple[Choice, ...] = ()
    goto: tuple[Branch, ...] = ()
    end: bool = False
    pause: bool = False  # `end: pause`: an ending that is a pause in the journey (`end` is true too)
    returns: bool = False
    detour: str | None = None  # with no choices: continue aside, and on to `then` afterwards
    then: str | None = None
    sets: Sets = ()  # applied on entering the scene
    reflect: Reflect | None = None
    intensity: str | None = None
    content_note: str | None = None
    gentler: str | None = None
    facilitator: str | None = None
    minutes: float | None = None
    tags: tuple[str, ...] = ()
    letter: bool = False  # its text is the reader's letter: kept in their journal and its export
    location: Location | None = None
    _exits: tuple[Exit, ...] = field(init=False, repr=False, compare=False)
    #: Its choices have nothing but an `if` (none once-only, a fallback or disabled_if): the
    #: engine offers them the quick way.
    only_ifs: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_exits", tuple(self._ways_out()))  # frozen: asked for by every walk of the story
        plain = all(not c.once and not c.fallback and c.disabled is None for c in self.choices)
        object.__setattr__(self, "only_ifs", plain)

    @property
    def is_deep(self) -> bool:
        return self.intensity == DEEP

    @property
    def continues(self) -> bool:
        """It has no choices and goes on by itself: a `goto`, a `return` or a `detour`."""
        return not self.choices and not self.end and bool(self.goto or self.returns or self.detour)

    def exits(self) -> tuple[Exit, ...]:
        """Every way out of this scene, in the order it was written: its choices, then its own
        `goto`, `return` or `detour`, then the gentler path that the check-in before it offers.

        A choice leads by its `goto` (one exit per branch), else its `detour` (and its `then`),
        else its `return` (a story with errors may give one choice several; the first is the one
        that counts everywhere).
        """
        return self._exits

    def _ways_out(self) -> list[Exit]:
        out = []
        for choice in self.choices:
            if choice.goto:
                for branch in choice.goto:
                    conditional = choice.conditional or branch.condition is not None
                    out.append(Exit(self.id, branch.target, ExitKind.GOTO, choice, conditional, branch.condition))
            elif choice.detour:
                out.append(Exit(self.id, choice.detour, ExitKind.DETOUR, choice, choice.conditional))
                if choice.then:
                    out.append(Exit(self.id, choice.then, ExitKind.THEN, choice, choice.conditional))
            elif choice.returns:
                out.append(Exit(self.id, None, ExitKind.RETURN, choice, choice.conditional))
        for branch in self.goto:
            conditional = branch.condition is not None
            out.append(Exit(self.id, branch.target, ExitKind.CONTINUE, None, conditional, branch.condition))
        if self.returns:
            out.append(Exit(self.id, None, ExitKind.RETURN))
        if self.detour:
            out.append(Exit(self.id, self.detour, ExitKind.DETOUR))
            if self.then:
                out.append(Exit(self.id, self.then, ExitKind.THEN))
        if self.gentler:
            out.append(Exit(self.id, self.gentler, ExitKind.GENTLER))
        return out

    @property
    def words(self) -> int:
        """Words written for this scene: every paragraph, and the longest of each variation.
        (Conditional paragraphs all count, so this measures what was written, not one reading.)"""
        paragraphs = self.text + (self.revisit or ())
        return sum(max(v.words for v in p.variants) for p in paragraphs)

    def templates(self) -> list[Template]:
        """Every piece of text the scene can show: paragraphs, choices, reasons and the prompt."""
        found = [v for p in self.text + (self.revisit or ()) for v in p.variants]
        found += [c.text for c in self.choices] + [c.reason for c in self.choices if c.reason is not None]
        if self.reflect is not None:
            found.append(self.reflect.prompt)
        return found


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
    stop: str | None = None  # the manifest's `stop`, as written; `stop_scene` is the one to use
    welcome: str | None = None  # Markdown: what readers see first, in place of the journey's words
    format: int = 1
    id: str = ""  # the author's lasting name for the story (story.yaml's `id`), or "" if none was given
    language: str = ENGLISH  # the language the story's text is in, as loaded: its own, or a translation's
    source_language: str = ENGLISH  # the language it is written in (story.yaml's `language`)
    source_title: str = ""  # the title as written, in any language: what a story without an id is filed under
    careful_as: str | None = None  # the flag set for good when the reader's words call for care

    @property
    def key(self) -> str:
        """What readers' places and journals are filed under: the story's `id`, which outlives any
        change of its title, or else a key made from the title (`title_key`)."""
        return self.id or title_key(self.source_title or self.title)

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
    def stop_scene(self) -> str | None:
        """Where a reader goes who stops for today at a check-in: the manifest's `stop`, or else
        the first ending marked `end: pause`, in story order; None if the story has neither."""
        if self.stop in self.scenes:
            return self.stop
        return next((sid for sid, scene in self.scenes.items() if scene.pause), None)

    @cached_property
    def main_path(self) -> frozenset[str]:
        """Scenes a reader can reach without a detour: places that make sense without a way back."""
        return frozenset(reachable(self, follow_detours=False))


# -- paths through the story ----------------------------------------------------------------------
def reading_order(scenes: Mapping[str, Scene], start: str, *, follow_detours: bool = True) -> list[str]:
    """Every scene id that can be reached from `start`, in the order a reader first comes to
    them taking the first way on each time: depth first, each scene's ways on in the order they
    are written, and its detours after everything its ways on lead to. So a shortcut written as a
    later choice (a shorter way, a softer way) does not pull a later movement ahead of the ones it
    skips. Returns count as leading nowhere new (they go back). Ids named but missing from
    `scenes` are included: the checker reports them; callers that need a scene skip them."""
    seen: set[str] = set()
    order: list[str] = []
    stack = [start]
    while stack:
        sid = stack.pop()
        if sid in seen:
            continue
        seen.add(sid)
        order.append(sid)
        scene = scenes.get(sid)
        if scene is None:
            continue
        exits = scene.exits()
        targets = [e.target for e in exits if e.kind is not ExitKind.DETOUR]
        if follow_detours:
            targets += [e.target for e in exits if e.kind is ExitKind.DETOUR]
        stack.extend(t for t in reversed(targets) if t is not None and t not in seen)
    return order


def reachable(story: Story, start: str | None = None, *, follow_detours: bool = True) -> set[str]:
    """Scenes reachable from `start` (the story's start by default)."""
    return set(reading_order(story.scenes, start or story.start, follow_detours=follow_detours))


TITLE_KEY_PREFIX = "title:"  # never in an `id` (format.STORY_ID_PATTERN), so the two cannot meet


def title_key(title: str) -> str:
    """The key of a story without an `id`: its title folded, so that capitals, spacing and
    punctuation do not matter ("Coming home, to yourself" and "Coming Home to Yourself" are one).

    Frozen: saves out in the world are filed under what this returns (migration 4 filed the
    older ones so), so changing it would hide them.
    """
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", title).casefold())
    return TITLE_KEY_PREFIX + ("-".join(words) or "untitled")
