"""Checks that need the whole story: reachability, stranded readers, detours, variable use.

The loader has already checked each file's shape and resolved every reference; what is left are
questions about the story as a graph. Warnings here are about what a reader might meet, so they
name the scene and say what to do about it.
"""

from __future__ import annotations

from .codes import Code
from .diagnostics import Diagnostic, Location
from .model import Choice, Scene, Story, reachable
from .safety import check_safety  # the care lint lives apart: its rules are its own topic


def validate(story: Story, *, complete: bool = True) -> list[Diagnostic]:
    """Story-wide checks. With `complete=False` (a file could not be read, or a scene or an
    expression had errors and was left out) the checks that would only produce noise about the
    missing parts are skipped."""
    problems: list[Diagnostic] = []
    problems += check_returns(story)
    if complete:  # a choice whose condition had an error looks unconditional: no false alarms
        problems += check_stranding(story)
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
            f"scene '{sid}' can never be reached from the start ({story.start})",
            _where(scene, story),
        )
        for sid, scene in story.scenes.items()
        if sid not in found
    ]


def _always_available(choice: Choice) -> bool:
    condition = choice.condition
    return not choice.once and (condition is None or (condition.is_constant and bool(condition.evaluate({}, {}))))


def check_stranding(story: Story) -> list[Diagnostic]:
    problems = []
    for scene in story.scenes.values():
        if not scene.choices:
            continue
        if any(_always_available(c) for c in scene.choices if not c.fallback):
            for choice in scene.choices:
                if choice.fallback:
                    problems.append(
                        Diagnostic(
                            Code.FALLBACK_NEVER_SHOWN,
                            f"choice {choice.index} is a fallback, but another choice here is always "
                            "available, so it can never be shown; remove 'fallback: true' or give the others "
                            "conditions",
                            choice.location or _where(scene, story),
                        )
                    )
            continue
        safe = any(_always_available(c) for c in scene.choices)
        if not safe:
            problems.append(
                Diagnostic(
                    Code.READER_MAY_BE_STRANDED,
                    f"every choice in scene '{scene.name}' has a condition or is once-only, so a reader "
                    "could find none available; add a choice without 'if', or one with 'fallback: true'",
                    _where(scene, story),
                )
            )
    return problems


def check_variations(story: Story) -> list[Diagnostic]:
    """A scene with `revisit` shows `text` only on the first visit, so variations there never vary."""
    problems = []
    for scene in story.scenes.values():
        if scene.revisit is None:
            continue
        for paragraph in scene.text:
            if len(paragraph.variants) > 1:
                problems.append(
                    Diagnostic(
                        Code.VARIATION_NEVER_SHOWN,
                        f"this {paragraph.mode} can only ever show its first paragraph: scene '{scene.name}' has "
                        "'revisit', so 'text' is read on the first visit only; move the variations into 'revisit'",
                        paragraph.location or _where(scene, story),
                    )
                )
    return problems


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
                    f"scene '{scene.name}' returns, but the reader can reach it "
                    "without a detour, so there is nowhere to return to; reach it with "
                    "'detour:' or use goto",
                    _where(scene, story),
                )
            )
        for choice in scene.choices:
            if choice.returns:
                problems.append(
                    Diagnostic(
                        Code.RETURN_WITHOUT_DETOUR,
                        "this choice returns, but the reader can reach its scene "
                        "without a detour, so there is nowhere to return to; reach the "
                        "scene with 'detour:' or use goto",
                        choice.location or _where(scene, story),
                    )
                )
    return problems


def variable_use(story: Story) -> tuple[set[str], set[str]]:
    """(names read anywhere, names set anywhere)."""
    reads: set[str] = set()
    sets: set[str] = set()
    for scene in story.scenes.values():
        for paragraph in scene.text + (scene.revisit or ()):
            if paragraph.condition:
                reads |= paragraph.condition.reads
            for variant in paragraph.variants:
                reads |= variant.names
        if scene.reflect:
            reads |= scene.reflect.prompt.names
            if scene.reflect.save_as:
                sets.add(scene.reflect.save_as)
        for choice in scene.choices:
            reads |= choice.text.names
            if choice.condition:
                reads |= choice.condition.reads
            for name, value in choice.sets:
                sets.add(name)
                reads |= value.reads
    return reads, sets


def check_variables(story: Story) -> list[Diagnostic]:
    reads, sets = variable_use(story)
    problems = []
    for name, variable in story.variables.items():
        where = variable.location or Location(story.manifest)
        if name not in reads and name not in sets:
            problems.append(Diagnostic(Code.UNUSED_VARIABLE, f"variable '{name}' is declared but never used", where))
        elif name not in reads:
            problems.append(
                Diagnostic(
                    Code.VARIABLE_NEVER_READ,
                    f"variable '{name}' is set but never read: no condition or text uses it",
                    where,
                )
            )
    return problems
