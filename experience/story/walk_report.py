"""The report of a walk, as numbers (`WalkReport`), in words (`format_report`) and as JSON.

It tells apart a choice that was never offered (its scene was never reached, or never with the
choice available) from one that was offered and never picked: the first is about the story's
conditions, the second only about chance, and more runs (or `--seek`) settle it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..i18n import N_, _, babel_locale, ngettext
from .model import Story
from .safe_text import terminal_safe
from .text import format_value

# How a step was taken, and why a reader stopped: kept in English in the report's numbers (and so
# in its JSON, the same in every language), said in the language in use in its words.
RETURN, DETOUR, CONTINUE, GENTLER = N_("return"), N_("detour"), N_("continue"), N_("gentler path")
CHOSEN_GENTLER = ", gentler path"  # after a choice's words: the choice, then the gentler path
STUCK = N_("no choice is available and the scene is not an ending")


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
    # Translators: the first line of a walk's report; {title} is the story's, {seed} a number,
    # {seconds} like 0.42 and {rate} like 2,400 (play-throughs each second).
    heading = (
        ngettext(
            "{runs} random play-through of “{title}” (seed {seed}, seeking untried choices) in {seconds} s ({rate}/s)",
            "{runs} random play-throughs of “{title}” (seed {seed}, seeking untried choices) in {seconds} s ({rate}/s)",
            report.runs,
        )
        if report.seek
        else ngettext(
            "{runs} random play-through of “{title}” (seed {seed}) in {seconds} s ({rate}/s)",
            "{runs} random play-throughs of “{title}” (seed {seed}) in {seconds} s ({rate}/s)",
            report.runs,
        )
    )
    add(
        heading.format(
            runs=report.runs,
            title=story.title,
            seed=report.seed,
            seconds=_number(report.seconds, "0.00"),
            rate=_number(round(per_second), "#,##0"),
        )
    )
    finished = sum(report.endings.values())
    # Translators: counts of play-throughs, on one line of the walk's report, spaced apart.
    add(
        _("  finished: {finished}   stuck: {stuck}   errors: {errors}   over {steps} steps: {over}").format(
            finished=finished,
            stuck=sum(p.count for p in report.problems.values() if p.kind == "stuck"),
            errors=sum(p.count for p in report.problems.values() if p.kind == "error"),
            steps=report.max_steps,
            over=report.unfinished,
        )
    )
    if report.lengths:
        lengths = sorted(report.lengths)
        add(
            _("  steps per play-through: shortest {shortest}, median {median}, mean {mean}, longest {longest}").format(
                shortest=lengths[0],
                median=_number(statistics.median(lengths), "0.#"),
                mean=_number(statistics.fmean(lengths), "0.0"),
                longest=lengths[-1],
            )
        )

    add("")
    add(
        _("Endings reached ({reached} of {endings}):").format(reached=len(report.endings), endings=len(story.endings()))
    )
    never = _("never")
    for sid in story.endings():
        count = report.endings[sid]
        add(f"  {sid:<40} {count:>7}  {_share(count, report.runs)}" if count else f"  {sid:<40}   {never}")

    problems = sorted(report.problems.values(), key=lambda p: (p.kind, p.scene))
    if problems:
        add("")
        add(_("Problems:"))
        for p in problems:
            add(_problem_line(p))
            if p.path:
                add(_("    the first reader who met it came this way:"))
                lines.extend(f"      {step}" for step in _road(p))
            if p.variables:
                values = ", ".join(
                    f"{name} = {format_value(value)!r}" if isinstance(value, str) else f"{name} = {format_value(value)}"
                    for name, value in p.variables.items()
                )
                add(_("    values then: {values}").format(values=values))

    missing = report.never_reached(story)
    add("")
    add(_("Scenes never reached: {count}").format(count=len(missing) or _("none")))
    for sid in missing:
        add(f"  {sid}")
    _choices(
        lines,
        story,
        _("Choices never offered (their scene was never reached, or never with them available): {count}"),
        report.never_offered(story),
    )
    _choices(lines, story, _("Choices offered but never taken: {count}"), report.offered_never_taken(story))

    scene_ids = list(story.scenes)
    if all_scenes or len(scene_ids) <= 60:
        add("")
        add(_("How often each scene was reached (share of play-throughs):"))
        for sid in scene_ids:
            add(f"  {sid:<40} {_share(report.reached[sid], report.runs)}")
    else:
        add("")
        add(_("Least reached scenes (use --all for every scene):"))
        for sid in sorted(scene_ids, key=lambda s: report.reached[s])[:20]:
            add(f"  {sid:<40} {_share(report.reached[sid], report.runs)}")
    return terminal_safe("\n".join(lines))  # it quotes choices and expressions


def _share(count: int, runs: int) -> str:
    """A share of the runs as the locale writes a percentage (29.2% in English, 29,2 % in Spanish),
    right-aligned as the tables have it."""
    from babel.numbers import format_percent

    return f"{format_percent(count / max(runs, 1), format='0.0%', locale=babel_locale()):>6}"


def _number(value: float, pattern: str) -> str:
    """A number as the language in use writes it (`0,42` in Spanish, `0.42` in English)."""
    from babel.numbers import format_decimal  # only when a report is written: walking stays light

    return format_decimal(value, format=pattern, locale=babel_locale())


def _problem_line(problem: Problem) -> str:
    """A problem's heading: what, where, how often, and the message (a stuck reader's in the
    language in use; an error's as the story's code said it)."""
    message = _(problem.message) if problem.kind == "stuck" else problem.message
    # Translators: {count} is how many play-throughs met the problem; {scene} a scene's id.
    said = (
        _("  stuck at {scene} ({count}x): {message}")
        if problem.kind == "stuck"
        else _("  error at {scene} ({count}x): {message}")
    )
    return said.format(scene=problem.scene, count=problem.count, message=message)


def _choices(lines: list[str], story: Story, heading: str, keys: list[str], limit: int = 50) -> None:
    """`heading` (with its `{count}`), then each choice with its words."""
    lines.append(heading.format(count=len(keys) or _("none")))
    for key in keys[:limit]:
        scene_id, _hash, index = key.rpartition("#")
        choice = story.scenes[scene_id].choices[int(index) - 1]
        lines.append(f"  {key}  “{choice.text.source[:60]}”")
    if len(keys) > limit:
        lines.append(_("  ... and {count} more").format(count=len(keys) - limit))


def shown_move(move: str) -> str:
    """How a step was taken (as the report keeps it, in English) in the language in use: a
    choice's own words stay as the story has them."""
    if move.startswith("“"):
        if move.endswith(CHOSEN_GENTLER):
            # Translators: a choice's words (quoted), then that the reader took the gentler path.
            return _("{choice}, gentler path").format(choice=move.removesuffix(CHOSEN_GENTLER))
        return move
    return _(move)


def _road(problem: Problem, keep: int = 30) -> list[str]:
    """The path as lines of 'scene  —how→': all of it if short, else its start and its last steps."""
    steps = [f"{scene}  —{shown_move(move)}→" for scene, move in zip(problem.path, problem.moves, strict=False)] + [
        problem.path[-1]
    ]
    if len(steps) <= keep + 5:
        return steps
    skipped = len(steps) - keep - 4
    return (
        steps[:4] + [ngettext("… {count} step …", "… {count} steps …", skipped).format(count=skipped)] + steps[-keep:]
    )


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
