"""What reading a story in another language costs, as ratios against baselines measured in the same run.

    python bench/bench_translation.py

Prints, for the bundled journey and its Spanish translation (scenes/locale/es.po):
- load in Spanish ÷ load in English: the PO file read by Babel, every string looked up and its
  `{…}` compared, on top of the ordinary load (goal ≤ 2).
- Babel's first import ÷ an English load: what only a translated load pays, once per process.
- experience strings ÷ load in English: extracting every string, writing the template and
  merging the PO file (files are compared, not rewritten, when nothing changed).
Each timing is the best of several repeats, to keep other load on the machine out of the figures.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from experience.bundled import bundled_story
from experience.story import check_story
from experience.story.string_table import collect, write_string_table

REPEATS = 7


def best(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def babel_import_seconds() -> float:
    """A fresh interpreter importing Babel's PO reader, less one importing nothing."""
    code = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"

    def fresh(statement: str) -> float:
        out = subprocess.run([sys.executable, "-c", code.format(statement)], capture_output=True, text=True, check=True)
        return float(out.stdout)

    return min(fresh("import babel.messages.pofile") for _ in range(3)) - min(fresh("pass") for _ in range(3))


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(shutil.copytree(bundled_story(), Path(scratch) / "scenes"))
        english = best(lambda: check_story(root))
        spanish = best(lambda: check_story(root, "es"))
        result, strings = collect(root)
        assert result.story is not None
        story = result.story

        def strings_command() -> None:
            _, found = collect(root)
            write_string_table(root, story.title, story.id, found)

        table = best(strings_command, repeats=3)
        babel = babel_import_seconds()
    print(f"bundled journey: {len(story.scenes)} scenes, {len(strings)} strings")
    print(f"load in English            {english * 1000:7.1f} ms")
    print(f"load in Spanish            {spanish * 1000:7.1f} ms   ÷ English {spanish / english:5.2f}  (goal ≤ 2)")
    print(f"Babel's first import       {babel * 1000:7.1f} ms   ÷ English {babel / english:5.2f}  (once a process)")
    print(f"experience strings         {table * 1000:7.1f} ms   ÷ English {table / english:5.2f}")


if __name__ == "__main__":
    main()
