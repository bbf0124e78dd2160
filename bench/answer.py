"""Saving an answer: the transaction and its checkpoint, against what making data durable costs.

    python bench/answer.py [--answers N] [--rounds R]

`Session.answer` is followed by a checkpoint (progress/store.py), so that the database file
itself holds the journal and not only its write-ahead log. A checkpoint flushes the log and the
database to the disk, so its cost is the disk's, not the program's: the baseline is one write of
a page and its fsync, in the same folder, in the same run. The same answers are also saved with
the checkpoint left out, and a plain step is shown, for scale. R rounds of N answers, medians.
No terminal is involved: this is the store.
"""

from __future__ import annotations

import argparse
import os
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

# A checkpoint flushes three times (the log, the database, the log again as it restarts), each over
# scattered pages, so it costs several one-page flushes; an answer is saved once a question, at a
# person's pace, where ten of them (a few milliseconds on a laptop's disk) go unnoticed.
GOAL = 10.0
SMALL = ROOT / "tests" / "player" / "stories" / "small"
ANSWER = "I need to rest, and to be held without having to ask for it. " * 8


def timings(answers: int, *, checkpoint: bool) -> tuple[list[float], list[float]]:
    """Seconds per answer saved, and per plain step, in a fresh data folder."""
    folder = Path(tempfile.mkdtemp(prefix="experience-bench-"))
    story = load_story(SMALL)
    store = Store.open(folder)
    if not checkpoint:
        store.checkpoint = lambda: False  # type: ignore[method-assign] - the baseline leaves it out
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


def fsyncs(times: int) -> list[float]:
    """Seconds to write one page to a file and fsync it, in a fresh folder on the same disk."""
    folder = Path(tempfile.mkdtemp(prefix="experience-bench-"))
    out = []
    try:
        with open(folder / "page", "wb") as file:
            for _ in range(times):
                start = time.perf_counter()
                file.seek(0)
                file.write(bytes(4096))
                file.flush()
                os.fsync(file.fileno())
                out.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


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
        durable += fsyncs(args.answers)
        saved, stepped = timings(args.answers, checkpoint=False)
        without += saved
        steps += stepped
        saved, _ = timings(args.answers, checkpoint=True)
        with_checkpoint += saved
    print(f"saving an answer, median of {len(without)} answers each ({args.rounds} rounds)")
    print(f"  one page written and fsynced (baseline):     {ms(median(durable))}")
    print(f"  a plain step, for scale:                     {ms(median(steps))}")
    print(f"  an answer without its checkpoint:            {ms(median(without))}")
    print(f"  an answer as saved, with its checkpoint:     {ms(median(with_checkpoint))}")
    print(f"  ratio, answer as saved / one fsync: {verdict(median(with_checkpoint) / median(durable), GOAL)}")


if __name__ == "__main__":
    main()
