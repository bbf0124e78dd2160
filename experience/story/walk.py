"""Random play-throughs: thousands of seeded readers, to find what no author can test by hand.

Each run starts at the beginning and picks among the available choices at random until it
reaches an ending. At a check-in before a deep scene it sometimes takes the gentler path; at a
reflection it sometimes answers. The report (`walk_report`) says which scenes and choices were
never reached, which choices were offered but never picked, which endings were reached, and,
most important, where a reader got stuck, with the path that led there so the author can follow
it. With `seek`, each reader prefers the choices no reader has taken yet (as ChoiceScript's
randomtest can), so rare branches are covered in far fewer runs.
"""

from __future__ import annotations

import gc
import operator
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping

from ..i18n import _
from .answers import record_answer
from .diagnostics import StoryRuntimeError
from .engine import State, advance, begin, destination, needs_checkin, take
from .engine import offered as offered_in
from .model import ExitKind, Scene, Story
from .view import view
from .walk_report import (
    CHOSEN_GENTLER,
    CONTINUE,
    DETOUR,
    GENTLER,
    RETURN,
    STUCK,
    Problem,
    WalkReport,
    format_report,
    report_json,
)

__all__ = ["Problem", "WalkReport", "format_report", "report_json", "tty_progress", "walk"]

WALK_ANSWER = "an answer written by a random walk"
DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_MAX_STEPS = 1000, 0, 2000  # also what `experience walk` does
_key = operator.attrgetter("key")


def walk(
    story: Story,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    max_steps: int = DEFAULT_MAX_STEPS,
    progress: Callable[[int], None] | None = None,
    *,
    seek: bool = False,
) -> WalkReport:
    """Play `runs` random readers through `story`. Deterministic for a given seed."""
    report = WalkReport(runs=runs, seed=seed, max_steps=max_steps, seek=seek)
    rng = random.Random(seed)
    scenes = story.scenes
    renders = {sid for sid, scene in scenes.items() if can_fail_to_render(scene)}
    deep = {sid for sid, scene in scenes.items() if scene.is_deep}  # where a check-in may be asked
    answers = {sid for sid, scene in scenes.items() if scene.reflect is not None and scene.reflect.save_as}
    reached, taken, endings, lengths = report.reached, report.taken, report.endings, report.lengths
    started = time.perf_counter()
    enabled = gc.isenabled()
    gc.disable()  # states link only backwards: no cycles for the collector to find
    try:
        for run in range(runs):
            if progress is not None and run % 500 == 0:
                progress(run)
            state = begin(story, seed=run)
            try:
                outcome = _play(
                    story, state, scenes, renders, deep, answers, rng, seek, taken, report.offered, max_steps
                )
            except _Stopped as stopped:
                error = stopped.error
                _note(report, "error", error.args[0] if error.args else str(error), story, stopped.state)
                continue
            final, how = outcome
            reached.update(set(final.visits))
            lengths.append(final.step)
            if how == "end":
                endings[final.scene] += 1
            elif how == "stuck":
                _note(report, "stuck", STUCK, story, final)
            else:
                report.unfinished += 1
    except StoryRuntimeError as error:  # the start itself could not be entered (its set failed)
        _note(report, "error", error.args[0] if error.args else str(error), story, None)
    finally:
        if enabled:
            gc.enable()
    report.seconds = time.perf_counter() - started
    return report


def _note(report: WalkReport, kind: str, message: str, story: Story, state: State | None) -> None:
    """Count a problem; the first time, keep the whole road that led there so it can be followed."""
    scene = state.scene if state is not None else story.start
    key = (kind, scene)
    if key in report.problems:
        report.problems[key].count += 1
        return
    history = state.history() if state is not None else []
    report.problems[key] = Problem(
        kind,
        scene,
        message,
        [s.scene for s in history],
        moves=[_move(story, a, b) for a, b in zip(history, history[1:], strict=False)],
        variables=dict(state.variables) if state is not None else {},
    )


def _move(story: Story, before: State, after: State) -> str:
    """How a reader got from one state to the next, in the story's own words: the very choice
    they took (the state remembers it), even when another choice leads to the same scene."""
    scene = story.scenes[before.scene]
    if after.via is not None:
        choice = next(c for c in scene.choices if c.key == after.via)
        said = f"“{_short(choice.text.source)}”"
        ways = {e.target for e in scene.exits() if e.choice is choice}
    else:
        said = RETURN if scene.returns else DETOUR if scene.detour else CONTINUE
        ways = {e.target for e in scene.exits() if e.choice is None and e.kind is not ExitKind.GENTLER}
    if after.scene in ways or None in ways:  # where a return goes is not among the ways: trust it
        return said
    return said + CHOSEN_GENTLER if after.via is not None else GENTLER


def _short(text: str, limit: int = 32) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def can_fail_to_render(scene: Scene) -> bool:
    """Whether showing the scene can fail: some expression in its text divides. Only such scenes
    are rendered on a walk (the rest is checked at load time, and variations only pick), which
    halves the time of a play-through."""
    conditions = [p.condition for p in scene.text + (scene.revisit or ()) if p.condition is not None]
    return any(c.fallible for c in conditions) or any(t.fallible for t in scene.templates())


class _Stopped(Exception):
    """A play-through that met a runtime error, with the state it was in (for the report)."""

    def __init__(self, error: StoryRuntimeError, state: State):
        self.error, self.state = error, state


def _play(
    story: Story,
    state: State,
    scenes: Mapping[str, Scene],
    renders: set[str],
    deep: set[str],
    answers: set[str],
    rng: random.Random,
    seek: bool,
    taken: Counter[str],
    offered: set[str],
    max_steps: int,
) -> tuple[State, str]:
    chance, bits = rng.random, rng.getrandbits
    try:
        for _step in range(max_steps):
            here = state.scene
            scene = scenes[here]
            if here in renders:
                view(story, state)
            if here in answers and chance() < 0.5:
                state = record_answer(story, state, WALK_ANSWER)
            if scene.end:
                return state, "end"
            if scene.choices:
                options = offered_in(story, state)[0]
                if not options:
                    return state, "stuck"
                offered.update(map(_key, options))
                if seek:  # a choice no reader has taken yet, whenever there is one
                    options = [c for c in options if not taken[c.key]] or options
                # rng.choice(options), the very same draws (as Random._randbelow_with_getrandbits
                # makes them), without its two layers of calls
                n = len(options)
                k = n.bit_length()
                r = bits(k)
                while r >= n:
                    r = bits(k)
                choice = options[r]
                taken[choice.key] += 1
                target = choice.target
                if target is None and not choice.returns:
                    target = destination(story, state, choice)  # a goto with branches
                # needs_checkin asks only before a deep scene: most steps need not ask at all
                gentle = target in deep and needs_checkin(story, state, target) and chance() < 0.3
                state = take(story, state, choice, gentler=gentle)
            elif scene.continues:
                target = destination(story, state)
                gentle = target in deep and needs_checkin(story, state, target) and chance() < 0.3
                state = advance(story, state, gentler=gentle)
            else:
                return state, "stuck"
        return state, "unfinished"
    except StoryRuntimeError as error:
        raise _Stopped(error, state) from error


def tty_progress(total: int) -> Callable[[int], None] | None:
    if total < 2000 or not sys.stderr.isatty():
        return None
    last = [0.0]
    # Translators: shown on one line while a walk runs: "walking... 500/5000".
    walking = "\r" + _("  walking... {done}/{total}")

    def show(done: int) -> None:
        now = time.monotonic()
        if now - last[0] > 0.2:
            last[0] = now
            sys.stderr.write(walking.format(done=done, total=total))
            sys.stderr.flush()

    return show
