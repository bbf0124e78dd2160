"""How fast the story core is, as ratios against baselines measured in the same run.

    python bench/bench_story.py            # full run (1,000 and 10,000 scenes)
    python bench/bench_story.py --quick    # smaller, for a smoke test

Prints:
- check ÷ bare load: `experience check` of a generated story against `yaml.load(CSafeLoader)` of
  the same files (goal ≤ 2 at 10,000 scenes). The checker does far more than load (located errors,
  duplicate keys, expression compilation, inline variations, reachability), so this says what that
  care costs. The story uses every construct of format 2 (see `generate`).
- 10,000 ÷ 1,000: how check time grows with story size (goal ≤ 11: linear).
- walk play-throughs per second on the bundled story (goal ≥ 10,000/s; ChoiceScript's randomtest
  does about 3,600/s), and per step.
Each timing is the best of several repeats, to keep other load on the machine out of the figures.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from experience.bundled import bundled_story
from experience.story import check_story, load_story
from experience.story.walk import walk

SCENES_PER_CHAPTER = 100
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def generate(root: Path, scenes: int, seed: int = 1) -> Path:
    """A story shaped like a real one: prose, two or three choices, conditions, sets, reflections,
    and what format 2 added, as often as a story that uses it freely would: an inline variation
    and an expression in every scene's text, a set on entry in every fifth scene, a goto with
    branches in every fourth, a detour that goes on elsewhere (`then`) in every seventh, a choice
    shown but not selectable in every third, and tags."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    chapters = max(1, scenes // SCENES_PER_CHAPTER)
    (root / "story.yaml").write_text(
        "title: Generated\nformat: 2\nstart: c0/s0\nwelcome: A generated story.\n"
        "variables:\n  warmth: 0\n  role: ''\n  steady: false\n  note: ''\n"
    )
    words = "the evening light rests on the table and you notice your breath slowing as the room grows quiet"
    vocabulary = words.split()
    for c in range(chapters):
        lines = [f"title: Chapter {c}", f"movement: Movement {c % 4}", "scenes:"]
        for s in range(SCENES_PER_CHAPTER - 1):
            last = c == chapters - 1 and s == SCENES_PER_CHAPTER - 2
            text = " ".join(rng.choice(vocabulary) for _ in range(60))
            lines += [
                f"  s{s}:",
                f"    title: Scene {s}",
                "    text: |",
                f"      {text}",
                "      You have {warmth}, and {100 - warmth} to go. You walk {if steady: slowly|quickly}"
                "{sequence: .|, again.}",
            ]
            if s % 5 == 1:
                lines += ["    set: {warmth: warmth + 1}"]
            if s % 10 == 3:
                lines += ["    reflect:", "      prompt: What do you notice?", "      save_as: note"]
            if s % 10 == 7:
                lines += ["    tags: [quiet, group]"]
            if last:
                lines += ["    end: true"]
                continue
            nxt = f"s{s + 1}" if s + 1 < SCENES_PER_CHAPTER - 1 else f"c{c + 1}/s0"
            first_goto = (
                [f"        goto: [{{if: warmth > 5, to: {nxt}}}, {{to: {nxt}}}]"]
                if s % 4 == 2
                else [f"        goto: {nxt}"]
            )
            lines += [
                "    choices:",
                "      - text: Stay a while with this feeling.",
                *first_goto,
                "        set: {warmth: warmth + 1}",
                "      - text: Let it pass gently.",
                f"        goto: {nxt}",
                "        if: warmth > 2 and not steady",
                "        set: {steady: true, role: '\"keeper\"'}",
            ]
            if s % 3 == 0:
                lines += [
                    "      - text: Look back once.",
                    f"        goto: s{max(s - 1, 0)}",
                    "        once: true",
                    '        if: seen("s0") or role == "keeper" or note != ""',
                    "        disabled_if: warmth > 8",
                    "        reason: Not now.",
                ]
            if s % 7 == 4:
                lines += ["      - text: Pause here.", "        detour: pause", f"        then: {nxt}"]
        lines += ["  pause:", "    text: Breathe, {capitalize(role)}.", "    return: true"]
        (root / f"c{c}.yaml").write_text("\n".join(lines) + "\n")
    return root


def interleaved(repeats: int, *timed: tuple[object, int]) -> list[float]:
    """The best CPU time per call of each (function, calls per timing), timed in turn, so that a
    change in the load on the machine during the run weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in timed]
    for _ in range(repeats):
        for found, (fn, inner) in zip(times, timed, strict=True):
            found.append(best(fn, 1, inner))
    return [min(found) for found in times]


def best(fn, repeats: int, inner: int = 1) -> float:
    """The best of `repeats` timings of `inner` calls, per call, in CPU seconds of this process
    (so that other programs on the machine disturb the figures less than wall time would)."""
    times = []
    for _ in range(repeats):
        gc.collect()
        started = time.process_time()
        for _ in range(inner):
            fn()
        times.append((time.process_time() - started) / inner)
    return min(times)


def bare_load(root: Path) -> None:
    for path in sorted(root.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def checked(root: Path) -> None:
    result = check_story(root)
    assert result.story is not None, [str(d) for d in result.diagnostics[:5]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller stories and fewer runs")
    args = parser.parse_args()
    small, large = (200, 2000) if args.quick else (1000, 10000)
    repeats = 2 if args.quick else 5
    print(
        f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} ({'C' if LOADER is not yaml.SafeLoader else 'pure Python'} loader)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        small_root = generate(Path(tmp) / "small", small)
        large_root = generate(Path(tmp) / "large", large)
        size = sum(p.stat().st_size for p in large_root.glob("*.yaml"))
        t_load_large, t_check_large, t_check_small = interleaved(
            repeats,
            (lambda: bare_load(large_root), 1),
            (lambda: checked(large_root), 1),
            (lambda: checked(small_root), large // small),
        )

    print(
        f"\ncheck, {large:,} scenes ({size / 1e6:.1f} MB):  {t_check_large:.3f} s   bare yaml.load: {t_load_large:.3f} s"
    )
    print(f"  check ÷ bare load          {t_check_large / t_load_large:5.2f}   (goal ≤ 2)")
    print(f"check, {small:,} scenes:  {t_check_small:.3f} s")
    print(
        f"  {large:,} ÷ {small:,} scenes      {t_check_large / t_check_small:5.2f}   (goal ≤ {large / small + 1:g}: linear)"
    )

    story = load_story(bundled_story())
    runs = 2000 if args.quick else 20000
    walk(story, runs=200)  # warm up
    report = walk(story, runs=runs, seed=1)
    per_second = runs / report.seconds
    steps = sum(report.lengths)
    print(f"\nwalk, bundled story ({len(story.scenes)} scenes), {runs:,} play-throughs in {report.seconds:.2f} s")
    print(f"  play-throughs per second   {per_second:,.0f}   (goal ≥ 10,000; ChoiceScript randomtest ~3,600)")
    print(
        f"  steps per second           {steps / report.seconds:,.0f}   (mean {steps / runs:.1f} steps a play-through)"
    )


if __name__ == "__main__":
    main()
