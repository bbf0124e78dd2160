"""Saving an answer: the transaction and its checkpoint, against SQLite's own fully durable commit.

    python bench/answer.py [--answers N] [--rounds R]

`Session.answer` is followed by a checkpoint (progress/store.py), so that the database file
itself holds the journal and not only its write-ahead log. A checkpoint flushes to the disk, so
its cost is mostly the disk's. The baseline, measured in the same run, is the same answers saved
with `synchronous = FULL` and no checkpoint: what SQLite itself charges for a commit that is on
the disk when it returns. Answers without the checkpoint (as before) and a plain step are shown
for scale. R rounds of N answers, each in a fresh data folder; medians are compared. No terminal
is involved: this is the store.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import median, ms, verdict  # noqa: E402 - after the path is set

from experience.progress.session import Session  # noqa: E402
from experience.progress.store import Store  # noqa: E402
from experience.story import load_story  # noqa: E402

# A checkpoint flushes the log and then the database, where a fully durable commit flushes the log
# alone: about twice as much, and an answer is saved once a question, at a person's pace.
GOAL = 3.0
SMALL = ROOT / "tests" / "player" / "stories" / "small"
ANSWER = "I need to rest, and to be held without having to ask for it. " * 8


def timings(answers: int, *, checkpoint: bool = True, full_sync: bool = False) -> tuple[list[float], list[float]]:
    """Seconds per answer saved, and per plain step, in a fresh data folder."""
    folder = Path(tempfile.mkdtemp(prefix="experience-bench-"))
    story = load_story(SMALL)
    store = Store.open(folder)
    if not checkpoint:
        store.checkpoint = lambda: False  # type: ignore[method-assign] - left out, to compare
    if full_sync:
        store._conn.execute("PRAGMA synchronous = FULL")  # the baseline: every commit flushed
    try:
        session = Session.resume(story, store, "bench", seed=0)
        session.start()
        saved, stepped = [], []
        for n in range(answers):
            door = next(c for c, label in session.view().choices if label == "Open the door.")
            start = time.perf_counter()
            session.choose(door)
            stepped.append(time.perf_counter() - start)
            start = time.perf_counter()
            session.answer(f"{ANSWER} ({n})")
            saved.append(time.perf_counter() - start)
            session.back()
        return saved, stepped
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with_checkpoint: list[float] = []
    without: list[float] = []
    steps: list[float] = []
    durable: list[float] = []
    for _ in range(args.rounds):
        durable += timings(args.answers, checkpoint=False, full_sync=True)[0]
        saved, stepped = timings(args.answers, checkpoint=False)
        without += saved
        steps += stepped
        with_checkpoint += timings(args.answers)[0]
    print(f"saving an answer, median of {len(without)} answers each ({args.rounds} rounds)")
    print(f"  an answer with synchronous=FULL (baseline):  {ms(median(durable))}")
    print(f"  a plain step, for scale:                     {ms(median(steps))}")
    print(f"  an answer without its checkpoint:            {ms(median(without))}")
    print(f"  an answer as saved, with its checkpoint:     {ms(median(with_checkpoint))}")
    print(f"  ratio, as saved / fully durable commit: {verdict(median(with_checkpoint) / median(durable), GOAL)}")


if __name__ == "__main__":
    main()
