"""A step: the key's action to the next scene on screen, against a minimal app updating a Static.

    python bench/step.py [--steps N] [--rounds R]

Each app reports when it started each step (the player calls what the "1" key calls; the minimal
app updates a Static); the harness notes when the new words arrived on the pseudo-terminal. So
"after the refresh" means after the refresh has been written to the terminal, for both alike.
The player's step includes the engine, the database transaction (WAL, synchronous=NORMAL), laying
out the new scene's Markdown and its choices. Medians of all steps are compared.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from harness import arrival, median, ms, run, verdict

GOAL = 4.0
LOOP = Path(__file__).resolve().parent / "stories" / "loop"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    minimal: list[float] = []
    player: list[float] = []
    for _ in range(args.rounds):
        timeline: list[tuple[float, bytes]] = []
        _, lines = run("minimal_step.py", str(args.steps), timeline=timeline)
        minimal += _latencies(lines, timeline, (b"Morning comes", b"Picture an ordinary"))
        data = Path(tempfile.mkdtemp(prefix="experience-bench-"))
        timeline = []
        try:
            _, lines = run("player_step.py", str(LOOP), str(data), str(args.steps), timeline=timeline)
        finally:
            shutil.rmtree(data, ignore_errors=True)
        player += _latencies(lines, timeline, (b"The next morning", b"An ordinary evening"))

    floor, step = median(minimal), median(player)
    p90 = sorted(player)[int(len(player) * 0.9)]
    print(f"a step, median of {len(player)} steps each ({args.rounds} runs), in a 100x30 pseudo-terminal")
    print(f"  minimal app: Static updated and refreshed     {ms(floor)}")
    print(f"  player: key action to next scene drawn         {ms(step)}   (90th percentile {ms(p90).strip()})")
    print(f"  ratio, player step / minimal update: {verdict(step / floor, GOAL)}")


def _latencies(lines: list[str], timeline: list[tuple[float, bytes]], markers: tuple[bytes, bytes]) -> list[float]:
    out = []
    for index, start in enumerate(float(x) for x in lines):
        seen = arrival(timeline, start, markers[index % 2])
        if seen is None:
            raise RuntimeError(f"step {index + 1} never reached the screen")
        out.append(seen - start)
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
