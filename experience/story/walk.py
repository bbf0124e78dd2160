"""Random play-throughs: thousands of seeded readers, to find what no author can test by hand.

Each run starts at the beginning and picks among the available choices at random until it
reaches an ending. At a check-in before a deep scene it sometimes takes the gentler path; at a
reflection it sometimes answers. The report says which scenes and choices were never reached,
which endings were, and, most important, where a reader got stuck, with the path that led there
so the author can follow it.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .answers import record_answer
from .conditions import Expression
from .diagnostics import StoryRuntimeError
from .engine import State, advance, available, begin, needs_checkin, take
from .model import Choice, Scene, Story
from .safe_text import terminal_safe
from .text import format_value

WALK_ANSWER = "an answer written by a random walk"
DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_MAX_STEPS = 1000, 0, 2000  # also what `experience walk` does


@dataclass
class Problem:
    kind: str  # "stuck" or "error"
    scene: str
    message: str
    path: list[str]  # scene ids from the start to where it happened
    count: int = 1
    moves: list[str] = field(default_factory=list)  # how each step was taken: a choice's words, "continue"...
    variables: dict = field(default_factory=dict)  # the story's values at that moment


@dataclass
class WalkReport:
    runs: int
    seed: int
    max_steps: int
    reached: Counter[str] = field(default_factory=Counter)  # runs that saw each scene
    taken: Counter[str] = field(default_factory=Counter)  # times each choice was taken
    endings: Counter[str] = field(default_factory=Counter)
    lengths: list[int] = field(default_factory=list)
    problems: dict[tuple[str, str], Problem] = field(default_factory=dict)
    unfinished: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def never_reached(self, story: Story) -> list[str]:
        return [sid for sid in story.scenes if not self.reached[sid]]

    def never_taken(self, story: Story) -> list[str]:
        return [c.key for s in story.scenes.values() for c in s.choices if not self.taken[c.key]]

    def endings_never_reached(self, story: Story) -> list[str]:
        return [sid for sid in story.endings() if not self.endings[sid]]


def walk(
    story: Story,
    runs: int = DEFAULT_RUNS,
    seed: int = DEFAULT_SEED,
    max_steps: int = DEFAULT_MAX_STEPS,
    progress: Callable[[int], None] | None = None,
) -> WalkReport:
    """Play `runs` random readers through `story`. Deterministic for a given seed."""
    report = WalkReport(runs=runs, seed=seed, max_steps=max_steps)
    rng = random.Random(seed)
    pick = rng.choice
    chance = rng.random
    scenes = story.scenes
    conditions = {sid: paragraph_conditions(scene) for sid, scene in scenes.items()}
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
                outcome = _play(story, state, scenes, conditions, pick, chance, taken, max_steps)
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
                _note(report, "stuck", "no choice is available and the scene is not an ending", story, final)
            else:
                report.unfinished += 1
    finally:
        if enabled:
            gc.enable()
    report.seconds = time.perf_counter() - started
    return report


def _note(report: WalkReport, kind: str, message: str, story: Story, state: State | None) -> None:
    """Count a problem; the first time, keep the whole road that led there so it can be followed."""
    scene = state.scene if state is not None else "?"
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
    """How a reader got from one state to the next, in the story's own words."""
    scene = story.scenes[before.scene]
    if not scene.choices:
        return "return" if scene.returns else "continue"
    for choice in scene.choices:
        if choice.target == after.scene or (choice.returns and after.detours == before.detours[:-1]):
            return f"“{_short(choice.text.source)}”"
    return "gentler path"


def _short(text: str, limit: int = 32) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def paragraph_conditions(scene: Scene) -> tuple[Expression, ...]:
    """Conditions of a scene's paragraphs. Rendering text can only fail in these (placeholders
    are checked at load time and variations only pick), so the walk evaluates them and skips the
    string work: that halves the time of a play-through."""
    paragraphs = scene.text + (scene.revisit or ())
    return tuple(p.condition for p in paragraphs if p.condition is not None)


class _Stopped(Exception):
    """A play-through that met a runtime error, with the state it was in (for the report)."""

    def __init__(self, error: StoryRuntimeError, state: State):
        self.error, self.state = error, state


def _play(
    story: Story,
    state: State,
    scenes: Mapping[str, Scene],
    conditions: Mapping[str, tuple[Expression, ...]],
    pick: Callable[[list[Choice]], Choice],
    chance: Callable[[], float],
    taken: Counter[str],
    max_steps: int,
) -> tuple[State, str]:
    try:
        for _ in range(max_steps):
            scene = scenes[state.scene]
            for condition in conditions[state.scene]:  # the only part of text that can fail
                condition.evaluate(state.variables, state.visits)
            if scene.reflect is not None and scene.reflect.save_as and chance() < 0.5:
                state = record_answer(story, state, WALK_ANSWER)
            if scene.end:
                return state, "end"
            if scene.choices:
                options = available(story, state)
                if not options:
                    return state, "stuck"
                choice = pick(options)
                taken[choice.key] += 1
                target = choice.target
                gentle = target is not None and needs_checkin(story, state, target) and chance() < 0.3
                state = take(story, state, choice, gentler=gentle)
            elif scene.goto is not None:
                gentle = needs_checkin(story, state, scene.goto) and chance() < 0.3
                state = advance(story, state, gentler=gentle)
            elif scene.returns:
                state = advance(story, state)
            else:
                return state, "stuck"
        return state, "unfinished"
    except StoryRuntimeError as error:
        raise _Stopped(error, state) from error


# -- the report, in words ---------------------------------------------------------------------------
def format_report(story: Story, report: WalkReport, *, all_scenes: bool = False) -> str:
    lines: list[str] = []
    add = lines.append
    per_second = report.runs / report.seconds if report.seconds else 0
    add(
        f"{report.runs} random play-throughs of “{story.title}” (seed {report.seed}) "
        f"in {report.seconds:.2f} s ({per_second:,.0f}/s)"
    )
    finished = sum(report.endings.values())
    add(
        f"  finished: {finished}   stuck: {sum(p.count for p in report.problems.values() if p.kind == 'stuck')}   "
        f"errors: {sum(p.count for p in report.problems.values() if p.kind == 'error')}   "
        f"over {report.max_steps} steps: {report.unfinished}"
    )
    if report.lengths:
        lengths = sorted(report.lengths)
        add(
            f"  steps per play-through: shortest {lengths[0]}, median {statistics.median(lengths):g}, "
            f"mean {statistics.fmean(lengths):.1f}, longest {lengths[-1]}"
        )

    add("")
    add(f"Endings reached ({len(report.endings)} of {len(story.endings())}):")
    for sid in story.endings():
        count = report.endings[sid]
        add(f"  {sid:<40} {count:>7}  {100 * count / max(report.runs, 1):5.1f}%" if count else f"  {sid:<40}   never")

    problems = sorted(report.problems.values(), key=lambda p: (p.kind, p.scene))
    if problems:
        add("")
        add("Problems:")
        for p in problems:
            add(f"  {p.kind} at {p.scene} ({p.count}x): {p.message}")
            if p.path:
                add("    the first reader who met it came this way:")
                lines.extend(f"      {step}" for step in _road(p))
            if p.variables:
                values = ", ".join(
                    f"{name} = {format_value(value)!r}" if isinstance(value, str) else f"{name} = {format_value(value)}"
                    for name, value in p.variables.items()
                )
                add(f"    values then: {values}")

    missing = report.never_reached(story)
    add("")
    add(f"Scenes never reached: {len(missing) or 'none'}")
    for sid in missing:
        add(f"  {sid}")
    untaken = report.never_taken(story)
    add(f"Choices never taken: {len(untaken) or 'none'}")
    for key in untaken[:50]:
        scene_id, _, index = key.rpartition("#")
        choice = story.scenes[scene_id].choices[int(index) - 1]
        add(f"  {key}  “{choice.text.source[:60]}”")
    if len(untaken) > 50:
        add(f"  ... and {len(untaken) - 50} more")

    scene_ids = list(story.scenes)
    if all_scenes or len(scene_ids) <= 60:
        add("")
        add("How often each scene was reached (share of play-throughs):")
        for sid in scene_ids:
            add(f"  {sid:<40} {100 * report.reached[sid] / max(report.runs, 1):5.1f}%")
    else:
        add("")
        add("Least reached scenes (use --all for every scene):")
        for sid in sorted(scene_ids, key=lambda s: report.reached[s])[:20]:
            add(f"  {sid:<40} {100 * report.reached[sid] / max(report.runs, 1):5.1f}%")
    return terminal_safe("\n".join(lines))  # it quotes choices and expressions


def _road(problem: Problem, keep: int = 30) -> list[str]:
    """The path as lines of 'scene  —how→': all of it if short, else its start and its last steps."""
    steps = [f"{scene}  —{move}→" for scene, move in zip(problem.path, problem.moves, strict=False)] + [
        problem.path[-1]
    ]
    if len(steps) <= keep + 5:
        return steps
    return steps[:4] + [f"… {len(steps) - keep - 4} steps …"] + steps[-keep:]


def report_json(story: Story, report: WalkReport) -> dict:
    return {
        "runs": report.runs,
        "seed": report.seed,
        "seconds": report.seconds,
        "ok": report.ok,
        "endings": dict(report.endings),
        "endings_never_reached": report.endings_never_reached(story),
        "scenes_never_reached": report.never_reached(story),
        "choices_never_taken": report.never_taken(story),
        "unfinished": report.unfinished,
        "lengths": {
            "min": min(report.lengths, default=0),
            "max": max(report.lengths, default=0),
            "mean": statistics.fmean(report.lengths) if report.lengths else 0,
        },
        "reached": {sid: report.reached[sid] for sid in story.scenes},
        "problems": [
            {
                "kind": p.kind,
                "scene": p.scene,
                "message": p.message,
                "count": p.count,
                "path": p.path,
                "moves": p.moves,
                "variables": p.variables,
            }
            for p in report.problems.values()
        ],
    }


def tty_progress(total: int) -> Callable[[int], None] | None:
    if total < 2000 or not sys.stderr.isatty():
        return None
    last = [0.0]

    def show(done: int) -> None:
        now = time.monotonic()
        if now - last[0] > 0.2:
            last[0] = now
            sys.stderr.write(f"\r  walking... {done}/{total}")
            sys.stderr.flush()

    return show
