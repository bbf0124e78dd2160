"""The walk's results for the bundled journey, pinned: making the walk faster must not change
what it finds. The pin is the whole report as `experience walk --all` prints it (its time left
out), and a digest of what each reader did (how long each play-through was, how often each choice
was taken), so a change in any one reader's road shows, not only a change in the totals.

To re-pin after a deliberate change to the journey or the walk:
    python -m tests.story.test_walk_pinned
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from experience.bundled import bundled_story
from experience.story import load_story
from experience.story.walk import format_report, walk

PINS = Path(__file__).parent / "pins"
MODES = {"random": False, "seek": True}


def pinned_report(seek: bool) -> str:
    story = load_story(bundled_story())
    report = walk(story, runs=1000, seed=0, seek=seek)
    report.seconds = 0.0
    readers = json.dumps(
        {"lengths": report.lengths, "taken": sorted(report.taken.items()), "offered": sorted(report.offered)}
    )
    digest = hashlib.sha256(readers.encode()).hexdigest()
    return f"{format_report(story, report, all_scenes=True)}\nreaders: {digest}\n"


@pytest.mark.parametrize("mode", MODES)
def test_the_walk_of_the_bundled_journey_is_what_it_was(mode):
    assert pinned_report(MODES[mode]) == (PINS / f"journey-walk-{mode}.txt").read_text(encoding="utf-8")


if __name__ == "__main__":
    for name, seek in MODES.items():
        (PINS / f"journey-walk-{name}.txt").write_text(pinned_report(seek), encoding="utf-8")
