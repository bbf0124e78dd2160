"""Checks that need the whole story: reachability, stranded readers, detours, variable use.

The loader has already checked each file's shape and resolved every reference; what is left are
questions about the story as a graph. Warnings here are about what a reader might meet, so they
name the scene and say what to do about it.
"""

from __future__ import annotations

from ..i18n import _
from .codes import Code
from .diagnostics import Diagnostic, Location
from .exhaustive import always_one
from .model import Branch, Scene, Story, reachable
from .safety import check_safety  # the care lint lives apart: its rules are its own topic
from .text import VARYING, Template, Variation


def validate(story: Story, *, complete: bool = True) -> list[Diagnostic]:
    """Story-wide checks. With `complete=False` (a file could not be read, or a scene or an
    expression had errors and was left out) the checks that would only produce noise about the
    missing parts are skipped."""
    problems: list[Diagnostic] = []
    problems += check_returns(story)
    if complete:  # a choice whose condition had an error looks unconditional: no false alarms
        problems += check_stranding(story)
        problems += check_empty_pages(story)
        problems += check_variations(story)
        problems += check_reachability(story)
        problems += check_variables(story)
        problems += check_safety(story)
    return problems


def _where(scene: Scene, story: Story) -> Location:
    return scene.location or Location(story.root)


def check_reachability(story: Story) -> list[Diagnostic]:
    found = reachable(story)
    if story.stop:  # where "stop for today" at a check-in leads, from wherever it is asked
        found |= reachable(story, story.stop)
    return [
        Diagnostic(
            Code.UNREACHABLE_SCENE,
            _("scene '{scene}' can never be reached from the start ({start})").format(scene=sid, start=story.start),
            _where(scene, story),
        )
        for sid, scene in story.scenes.items()
        if sid not in found
    ]


def check_stranding(story: Story) -> list[Diagnostic]:
    """W401 where a reader could find no way on, W405 where a fallback can never be shown.

    A warning about a list of choices points at its first choice and does not name the scene,
    so that a list shared between scenes (a YAML anchor) is warned about once, where it is written.
    """
    problems = []
    for scene in story.scenes.values():
        problems += _stranded_branches(scene.goto, story, scene)
        for choice in scene.choices:
            problems += _stranded_branches(choice.goto, story, scene)
        if scene.choices:
            problems += _stranded_choices(scene, story)
    return problems


def _stranded_choices(scene: Scene, story: Story) -> list[Diagnostic]:
    choices = scene.choices
    where = choices[0].location or _where(scene, story)
    steady = [c for c in choices if not c.once and c.disabled is None]
    # W405 only where another choice has no condition at all: a fallback beside conditions that
    # complement each other is a safety net the next edit of one of them may need
    if any(c.selectable_always for c in choices if not c.fallback):
        return [
            Diagnostic(
                Code.FALLBACK_NEVER_SHOWN,
                _(
                    "choice {number} is a fallback, but another choice here is always "
                    "available, so it can never be shown; remove 'fallback: true' or give the others "
                    "conditions"
                ).format(number=choice.index),
                choice.location or _where(scene, story),
            )
            for choice in choices
            if choice.fallback
        ]
    if any(c.selectable_always for c in choices) or always_one(c.condition for c in steady):
        return []
    fallbacks = [c for c in choices if c.fallback]
    if fallbacks:
        message = _conditional_fallbacks([c.index for c in fallbacks])
    else:
        message = _(
            "none of these choices may be available: each has a condition, is once-only or can be "
            "disabled; add a choice that always is, or one with 'fallback: true' for when the others are not"
        )
    return [Diagnostic(Code.READER_MAY_BE_STRANDED, message, where)]


def _conditional_fallbacks(numbers: list[int]) -> str:
    """W401 where every fallback has a condition of its own (`numbers`: which choices they are)."""
    # Translators: joins the numbers of the choices when there are several: "2 and 4".
    joined = _(" and ").join(map(str, numbers))
    # Translators: {numbers} is one choice's number in its scene's list, or several joined: "2 and 4".
    return _(
        "the fallback here (choice {numbers}) is conditional too (an 'if', 'once' or 'disabled_if'), "
        "so when no other choice is available it may not be either; let the fallback have no condition"
    ).format(numbers=joined)


def _stranded_branches(branches: tuple[Branch, ...], story: Story, scene: Scene) -> list[Diagnostic]:
    if not branches or branches[-1].condition is None or always_one(b.condition for b in branches):
        return []
    return [
        Diagnostic(
            Code.READER_MAY_BE_STRANDED,
            _(
                "every branch of this goto has an 'if', so when none holds the reader has nowhere to go; "
                "let the last branch have no 'if' (it is taken when no branch before it is)"
            ),
            branches[-1].location or _where(scene, story),
        )
    ]


def check_empty_pages(story: Story) -> list[Diagnostic]:
    """W409 where every paragraph of a scene's `text` (or its `revisit`) has an `if` and none is
    sure to hold: on some path the reader would meet a page with nothing on it."""
    problems = []
    for scene in story.scenes.values():
        for key, paragraphs in (("text", scene.text), ("revisit", scene.revisit or ())):
            conditions = [p.condition for p in paragraphs]
            if not conditions or None in conditions or always_one(conditions):
                continue
            problems.append(
                Diagnostic(
                    Code.PAGE_MAY_BE_EMPTY,
                    # Translators: {key} is the scene's key, text or revisit, as the story writes it.
                    _(
                        "every paragraph of the {key} of scene '{scene}' has an 'if', so when none "
                        "holds the reader sees an empty page; give one paragraph no 'if', or give one the "
                        "opposite 'if' of another"
                    ).format(key=key, scene=scene.name),
                    paragraphs[0].location or _where(scene, story),
                )
            )
    return problems


def check_variations(story: Story) -> list[Diagnostic]:
    """A scene with `revisit` shows `text` only on the first visit, so variations there never vary
    (paragraphs that vary, and `{sequence: …}`, `{cycle: …}` or `{shuffle: …}` inside them)."""
    problems = []
    for scene in story.scenes.values():
        if scene.revisit is None:
            continue
        for paragraph in scene.text:
            varying = paragraph.mode if len(paragraph.variants) > 1 else _inline_variation(paragraph.variants[0])
            if varying:
                if len(paragraph.variants) > 1:
                    # Translators: {mode} is how the paragraphs vary, as the story writes it: sequence, cycle...
                    first = _(
                        "this {mode} can only ever show its first paragraph: scene '{scene}' has "
                        "'revisit', so 'text' is read on the first visit only; move the variations into 'revisit'"
                    )
                else:
                    # Translators: {mode} is the inline variation's word, as the story writes it: sequence, cycle...
                    first = _(
                        "this {mode} can only ever show its first alternative: scene '{scene}' has "
                        "'revisit', so 'text' is read on the first visit only; move the variations into 'revisit'"
                    )
                problems.append(
                    Diagnostic(
                        Code.VARIATION_NEVER_SHOWN,
                        first.format(mode=varying, scene=scene.name),
                        paragraph.location or _where(scene, story),
                    )
                )
    return problems


def _inline_variation(template: Template) -> str | None:
    """The first `{sequence: …}` (or cycle, shuffle) in a text, at any depth."""
    for part in template.parts:
        if isinstance(part, Variation):
            if part.mode in VARYING:
                return part.mode
            for branch in part.branches:
                found = _inline_variation(branch)
                if found:
                    return found
    return None


def check_returns(story: Story) -> list[Diagnostic]:
    """A `return` must only be reachable inside a detour, or it has nowhere to go back to."""
    problems = []
    for sid in story.main_path:
        scene = story.scenes.get(sid)
        if scene is None:
            continue
        if scene.returns:
            problems.append(
                Diagnostic(
                    Code.RETURN_WITHOUT_DETOUR,
                    _(
                        "scene '{scene}' returns, but the reader can reach it "
                        "without a detour, so there is nowhere to return to; reach it with "
                        "'detour:' or use goto"
                    ).format(scene=scene.name),
                    _where(scene, story),
                )
            )
        for choice in scene.choices:
            if choice.returns:
                problems.append(
                    Diagnostic(
                        Code.RETURN_WITHOUT_DETOUR,
                        _(
                            "this choice returns, but the reader can reach its scene "
                            "without a detour, so there is nowhere to return to; reach the "
                            "scene with 'detour:' or use goto"
                        ),
                        choice.location or _where(scene, story),
                    )
                )
    return problems


def variable_use(story: Story) -> tuple[set[str], set[str]]:
    """(names read anywhere, names set anywhere)."""
    reads: set[str] = set()
    sets: set[str] = set()
    for scene in story.scenes.values():
        for template in scene.templates():
            reads |= template.reads
        conditions = [p.condition for p in scene.text + (scene.revisit or ())]
        conditions += [b.condition for b in scene.goto]
        all_sets = list(scene.sets)
        for choice in scene.choices:
            conditions += [choice.condition, choice.disabled] + [b.condition for b in choice.goto]
            all_sets += choice.sets
        for condition in conditions:
            if condition is not None:
                reads |= condition.reads
        for name, value in all_sets:
            sets.add(name)
            reads |= value.reads
        if scene.reflect and scene.reflect.save_as:
            sets.add(scene.reflect.save_as)
    return reads, sets


def check_variables(story: Story) -> list[Diagnostic]:
    reads, sets = variable_use(story)
    problems = []
    for name, variable in story.variables.items():
        where = variable.location or Location(story.manifest)
        if name not in reads and name not in sets:
            unused = _("variable '{name}' is declared but never used").format(name=name)
            problems.append(Diagnostic(Code.UNUSED_VARIABLE, unused, where))
        elif name not in reads:
            problems.append(
                Diagnostic(
                    Code.VARIABLE_NEVER_READ,
                    _("variable '{name}' is set but never read: no condition or text uses it").format(name=name),
                    where,
                )
            )
    return problems
