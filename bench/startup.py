"""Start-up: process start to the first scene on screen, against a minimal Textual app.

    python bench/startup.py [--runs N] [--story DIR]

Both are started the same way in a pseudo-terminal (see harness.py), alternately, N times each
after one warm-up; medians are compared. The player's figure is for a returning reader: its
first screen ("welcome back") is drawn, answered at once, and the clock stops when the scene is
drawn. A new reader's welcome screen is shown for information.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import ROOT, median, ms, run, verdict

GOAL = 1.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--story", default=str(ROOT / "scenes"))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="experience-bench-"))
    saved = work / "saved"
    _make_save(args.story, saved)
    minimal, returning, welcome = [], [], []
    try:
        for i in range(args.runs + 1):
            started, lines = run("minimal_start.py")
            m = float(lines[0]) - started
            started, lines = run("player_start.py", args.story, str(saved))
            r_welcome_back, r_scene = (float(x) - started for x in lines[:2])
            fresh = work / f"fresh{i}"
            started, lines = run("player_start.py", args.story, str(fresh))
            w = float(lines[0]) - started
            if i:  # the first round warms the caches
                minimal.append(m)
                returning.append(r_scene)
                welcome.append(w)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor, scene = median(minimal), median(returning)
    print(f"start-up, median of {args.runs} runs each, in a {100}x{30} pseudo-terminal")
    print(f"  minimal Textual app on screen        {ms(floor)}")
    print(f"  player: first scene on screen         {ms(scene)}   (returning reader, via 'welcome back')")
    print(f"  player: welcome on screen             {ms(median(welcome))}   (new reader, for information)")
    print(f"  ratio, first scene / minimal app: {verdict(scene / floor, GOAL)}")


def _make_save(story: str, data_dir: Path) -> None:
    """A reader who has begun the story and taken one step, made through the real code."""
    code = (
        "import sys; from experience.story import load_story; from experience.progress.store import Store;"
        "from experience.progress.session import Session;"
        "s = Session.resume(load_story(sys.argv[1]), Store.open(__import__('pathlib').Path(sys.argv[2])), 'default');"
        "v = s.view(); s.start(); (s.choose(v.choices[0][0]) if v.choices else s.advance())"
    )
    subprocess.run([sys.executable, "-c", code, story, str(data_dir)], check=True, cwd=ROOT)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
