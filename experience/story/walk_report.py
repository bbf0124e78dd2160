"""The report of a walk, as numbers (`WalkReport`), in words (`format_report`) and as JSON.

It tells apart a choice that was never offered (its scene was never reached, or never with the
choice available) from one that was offered and never picked: the first is about the story's
conditions, the second only about chance, and more runs (or `--seek`) settle it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from .model import Story
from .safe_text import terminal_safe
from .text import format_value


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
    seek: bool = False
    reached: Counter[str] = field(default_factory=Counter)  # runs that saw each scene
    taken: Counter[str] = field(default_factory=Counter)  # times each choice was taken
    offered: set[str] = field(default_factory=set)  # choices that were available at least once
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

    def never_offered(self, story: Story) -> list[str]:
        return [key for key in self.never_taken(story) if key not in self.offered]

    def offered_never_taken(self, story: Story) -> list[str]:
        return [key for key in self.never_taken(story) if key in self.offered]

    def endings_never_reached(self, story: Story) -> list[str]:
        return [sid for sid in story.endings() if not self.endings[sid]]


def format_report(story: Story, report: WalkReport, *, all_scenes: bool = False) -> str:
    lines: list[str] = []
    add = lines.append
    per_second = report.runs / report.seconds if report.seconds else 0
    add(
        f"{report.runs} random play-throughs of “{story.title}” (seed {report.seed}"
        f"{', seeking untried choices' if report.seek else ''}) in {report.seconds:.2f} s ({per_second:,.0f}/s)"
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
    _choices(
        lines,
        story,
        "Choices never offered (their scene was never reached, or never with them available)",
        report.never_offered(story),
    )
    _choices(lines, story, "Choices offered but never taken", report.offered_never_taken(story))

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


def _choices(lines: list[str], story: Story, heading: str, keys: list[str], limit: int = 50) -> None:
    lines.append(f"{heading}: {len(keys) or 'none'}")
    for key in keys[:limit]:
        scene_id, _, index = key.rpartition("#")
        choice = story.scenes[scene_id].choices[int(index) - 1]
        lines.append(f"  {key}  “{choice.text.source[:60]}”")
    if len(keys) > limit:
        lines.append(f"  ... and {len(keys) - limit} more")


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
        "seek": report.seek,
        "choices_never_taken": report.never_taken(story),
        "choices_never_offered": report.never_offered(story),
        "choices_offered_never_taken": report.offered_never_taken(story),
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
