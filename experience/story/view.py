"""What the reader sees at one moment: the scene's text, its choices and its prompt, rendered.

Text is rendered for the state it is read in: its variables and visits for `{…}` and
conditions, its visit count for variations, its seed for shuffles and its draw for `random()`.
Values go through `escape_markdown` (they may be a person's own words); the author's words do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import State, can_continue, offered
from .model import Choice, Scene, Story
from .text import Reading, escape_markdown, render_paragraphs


@dataclass(frozen=True, slots=True)
class View:
    scene: Scene
    chapter_title: str
    title: str | None  # the scene's own title; None when it has none, or has the chapter's
    text: str  # Markdown; values the reader or story supplied are escaped
    choices: tuple[tuple[Choice, str], ...]  # available choices with their labels (plain text)
    prompt: str | None  # the reflection prompt, plain text
    ending: bool
    can_continue: bool
    visit: int
    # shown but not selectable now (disabled_if holds): each with its label and its reason, if any
    disabled: tuple[tuple[Choice, str, str | None], ...] = ()


def reading(state: State, *, visit: int | None = None, escape: bool = False) -> Reading:
    """The state as text rendering needs it."""
    return Reading(
        state.variables,
        state.visits,
        state.visits.get(state.scene, 1) if visit is None else visit,
        state.seed,
        state.draw,
        escape_markdown if escape else None,
    )


def scene_text(story: Story, state: State, *, escape: bool = True) -> str:
    """The scene's text as this reader sees it now.

    Variations count the visits of the text they belong to: `text` the visits to the scene,
    `revisit` the returns to it, so the first return shows a revisit's first variation.
    """
    scene = story.scenes[state.scene]
    visit = state.visits.get(state.scene, 1)
    if scene.revisit is not None and visit > 1:
        paragraphs, salt, visit = scene.revisit, scene.id + "/revisit", visit - 1
    else:
        paragraphs, salt = scene.text, scene.id
    return render_paragraphs(paragraphs, reading(state, visit=visit, escape=escape), salt)


def prompt_text(scene: Scene, state: State) -> str | None:
    """The scene's question as a reader in `state` would read it (None if it asks nothing)."""
    return scene.reflect.prompt.render(reading(state), scene.id + "/prompt") if scene.reflect else None


def view(story: Story, state: State) -> View:
    scene = story.scenes[state.scene]
    chapter = story.chapters[scene.chapter]
    now = reading(state)
    selectable, disabled = offered(story, state)
    choices = tuple((c, c.text.render(now, c.key)) for c in selectable)
    shown_disabled = tuple(
        (c, c.text.render(now, c.key), c.reason.render(now, c.key + "/reason") if c.reason else None) for c in disabled
    )
    prompt = prompt_text(scene, state)
    return View(
        scene,
        chapter.title,
        scene.title if scene.title != chapter.title else None,  # a heading says a title once
        scene_text(story, state),
        choices,
        prompt,
        scene.end,
        can_continue(story, state),
        state.visits.get(state.scene, 1),
        shown_disabled,
    )
