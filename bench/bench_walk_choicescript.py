"""`experience walk` against ChoiceScript's randomtest: the same story, 10,000 play-throughs each.

    python bench/bench_walk_choicescript.py --choicescript PATH    # PATH: a ChoiceScript checkout
    python bench/bench_walk_choicescript.py --choicescript PATH --runs 2000 --repeats 1

ChoiceScript (its code and its sample game) is under a non-commercial licence, so none of it is
in this repository: the bench generates one story in both formats (scene files for ChoiceScript,
a story folder for us), copies the few scripts randomtest needs from the checkout into a scratch
folder beside the generated game, and runs both as whole processes, as an author would:

    experience walk STORY -n 10000 --seed 0
    node randomtest.js num=10000 game=bench seed=0 showCoverage=false showChoices=false avoidUsedOptions=false

(randomtest with the least output it can give, and choosing uniformly at random as walk does.)
It prints both times (the best of --repeats), and the ratio (goal: walk ≥ 10 × as fast).

The story is shaped like ChoiceScript's own sample game, larger: chapters of scenes with prose
and a value in it, a paragraph shown on a condition, two or three choices with conditions and
changes to numbers, flags and text, a side path that comes back (`detour`/`*gosub`), a move to
the next chapter (`*goto_scene`), and endings. Every road goes forward, so the number of steps a
play-through takes does not depend on how either tool picks among choices.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 10.0
#: What randomtest loads from a checkout (see the `load(...)` calls at the top of randomtest.js).
CHOICESCRIPT_FILES = (
    "randomtest.js",
    "headless.js",
    "seedrandom.js",
    "web/scene.js",
    "web/navigator.js",
    "web/util.js",
)
GAME = "bench"
WORDS = ("rain", "on", "the", "road", "and", "a", "long", "way", "yet", "to", "go", "before", "the", "river")


# -- one story, as plain data ---------------------------------------------------------------------------
@dataclass
class Option:
    text: str
    goto: str | None = None  # "scene" in this chapter, or "chapter/scene"
    detour: str | None = None  # a pause scene in this chapter, that comes back
    condition: tuple[str, str, int] | None = None  # (variable, operator, number)
    flag: str | None = None  # shown only while this flag is false
    add: tuple[str, int] | None = None  # (variable, amount)
    sets_flag: str | None = None
    sets_text: tuple[str, str] | None = None  # (variable, word)


@dataclass
class Page:
    name: str
    prose: tuple[str, ...]  # paragraphs
    aside: tuple[str, int, str] | None = None  # (variable, at least, sentence): a conditional paragraph
    options: list[Option] = field(default_factory=list)
    end: bool = False
    returns: bool = False


@dataclass
class Book:
    numbers: dict[str, int]
    flags: list[str]
    texts: list[str]
    chapters: dict[str, list[Page]]


def generate(chapters: int = 4, scenes: int = 12, paragraphs: int = 3, seed: int = 1) -> Book:
    rng = random.Random(seed)
    numbers = {"strength": 50, "leadership": 50}
    flags, texts = ["rested"], ["role"]
    book: dict[str, list[Page]] = {}
    for c in range(chapters):
        pages: list[Page] = []
        for s in range(scenes):
            prose = [" ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "." for _ in range(paragraphs)]
            prose[-1] += " Your strength is {strength}."
            page = Page(f"s{s}", tuple(prose))
            if s % 2 == 1:
                page.aside = ("leadership", 55, "People have started to listen to you.")
            last_chapter = c == chapters - 1
            if last_chapter and s == scenes - 1:
                page.end = True
                pages.append(page)
                continue
            ahead = f"s{s + 1}" if s + 1 < scenes else f"c{c + 1}/s0"
            leap = f"s{s + 2}" if s + 2 < scenes else ahead
            if last_chapter and s + 2 == scenes:
                leap = f"s{scenes}"  # the second ending
            page.options = [
                Option("Push on through the rain.", goto=ahead, add=("strength", 10)),
                Option(
                    "Send word to the others.",
                    goto=leap,
                    condition=("strength", ">", 40),
                    add=("leadership", 5),
                    sets_text=("role", "leader"),
                ),
            ]
            if s % 3 == 0:
                page.options.append(
                    Option("Stop and rest a moment.", detour=f"p{s}", flag="rested", sets_flag="rested")
                )
                pages.append(page)
                pages.append(Page(f"p{s}", ("You sit by the road for a while, {role}. The wind drops.",), returns=True))
                continue
            pages.append(page)
        if c == chapters - 1:
            # a second ending, for the readers who leapt past the last scene
            pages.append(Page(f"s{scenes}", ("The road ends at a quiet house.",), end=True))
        book[f"c{c}"] = pages
    return Book(numbers, flags, texts, book)


# -- in our format ----------------------------------------------------------------------------------------
def write_ours(book: Book, root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    manifest = ["title: Generated for the walk bench", "start: c0/s0", "variables:"]
    manifest += [f"  {name}: {value}" for name, value in book.numbers.items()]
    manifest += [f"  {name}: false" for name in book.flags]
    manifest += [f'  {name}: ""' for name in book.texts]
    (root / "story.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    for chapter, pages in book.chapters.items():
        lines = [f"title: Chapter {chapter}", "scenes:"]
        for page in pages:
            lines.append(f"  {page.name}:")
            lines += ["    text:", *[f"      - {paragraph}" for paragraph in page.prose]]
            if page.aside:
                name, least, sentence = page.aside
                lines += [f"      - if: {name} >= {least}", f"        text: {sentence}"]
            if page.end:
                lines.append("    end: true")
            elif page.returns:
                lines.append("    return: true")
            else:
                lines.append("    choices:")
                for option in page.options:
                    lines += _our_option(option)
        (root / f"{chapter}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _our_option(option: Option) -> list[str]:
    lines = [f"      - text: {option.text}"]
    lines.append(f"        goto: {option.goto}" if option.goto else f"        detour: {option.detour}")
    conditions = []
    if option.condition:
        conditions.append(" ".join(map(str, option.condition)))
    if option.flag:
        conditions.append(f"not {option.flag}")
    if conditions:
        lines.append(f"        if: {' and '.join(conditions)}")
    sets = []
    if option.add:
        sets.append(f"{option.add[0]}: {option.add[0]} + {option.add[1]}")
    if option.sets_flag:
        sets.append(f"{option.sets_flag}: true")
    if option.sets_text:
        sets.append(f"{option.sets_text[0]}: '\"{option.sets_text[1]}\"'")
    if sets:
        lines.append("        set: {" + ", ".join(sets) + "}")
    return lines


# -- in ChoiceScript's ------------------------------------------------------------------------------------
def write_choicescript(book: Book, folder: Path) -> Path:
    """The same story as ChoiceScript scene files in `folder` (web/<game>/scenes)."""
    folder.mkdir(parents=True, exist_ok=True)
    chapters = list(book.chapters)
    startup = ["*title Generated for the walk bench", "*scene_list", *[f"  {c}" for c in ["startup", *chapters]], ""]
    startup += [f"*create {name} {value}" for name, value in book.numbers.items()]
    startup += [f"*create {name} false" for name in book.flags]
    startup += [f'*create {name} ""' for name in book.texts]
    startup += ["", f"*goto_scene {chapters[0]} s0", ""]
    (folder / "startup.txt").write_text("\n".join(startup), encoding="utf-8")
    for chapter, pages in book.chapters.items():
        lines: list[str] = []
        for page in pages:
            lines.append(f"*label {page.name}")
            for paragraph in page.prose:
                lines += [paragraph.replace("{", "${"), ""]
            if page.aside:
                name, least, sentence = page.aside
                lines += [f"*if {name} >= {least}", f"  {sentence}", ""]
            if page.end:
                lines += ["*ending", ""]
            elif page.returns:
                lines += ["*page_break", "*return", ""]
            else:
                lines.append("*choice")
                for option in page.options:
                    lines += _their_option(option, page.name)
                lines.append("")
        (folder / f"{chapter}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def _their_option(option: Option, here: str) -> list[str]:
    conditions = []
    if option.condition:
        conditions.append("({} {} {})".format(*option.condition))
    if option.flag:
        conditions.append(f"(not ({option.flag}))")
    head = f"  #{option.text}"
    if conditions:
        test = conditions[0] if len(conditions) == 1 else f"({' and '.join(conditions)})"
        head = f"  *if {test} #{option.text}"
    body = []
    if option.add:
        body.append(f"    *set {option.add[0]} +{option.add[1]}")
    if option.sets_flag:
        body.append(f"    *set {option.sets_flag} true")
    if option.sets_text:
        body.append(f'    *set {option.sets_text[0]} "{option.sets_text[1]}"')
    if option.detour:
        body += [f"    *gosub {option.detour}", f"    *goto {here}"]
    elif option.goto and "/" in option.goto:
        chapter, scene = option.goto.split("/")
        body.append(f"    *goto_scene {chapter} {scene}")
    else:
        body.append(f"    *goto {option.goto}")
    return [head, *body]


# -- running both -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Timing:
    wall: float  # seconds, as the author waits
    cpu: float  # user and system seconds of the process and its threads: steadier on a busy machine


def best_of(repeats: int, command: list[str], cwd: Path, check) -> Timing:
    """The best wall time and the best processor time of `repeats` runs of `command`."""
    walls, cpus = [], []
    for _ in range(repeats):
        with tempfile.TemporaryFile() as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, timeout=600)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            out.seek(0)
            check(done.returncode, out.read().decode("utf-8", "replace"))
    return Timing(min(walls), min(cpus))


def _ours_ok(code: int, output: str) -> None:
    if code != 0:
        raise SystemExit(f"experience walk found problems or failed (exit {code}):\n{output[-3000:]}")


def _theirs_ok(code: int, output: str) -> None:
    if code != 0 or "RANDOMTEST PASSED" not in output:
        raise SystemExit(f"randomtest failed (exit {code}):\n{output[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--choicescript", type=Path, required=True, metavar="PATH", help="a ChoiceScript checkout")
    parser.add_argument("--runs", type=int, default=10_000, help="play-throughs for each tool (default 10,000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each tool; the best counts (default 3)")
    parser.add_argument("--chapters", type=int, default=4)
    parser.add_argument("--scenes", type=int, default=12, help="scenes in each chapter, besides pauses")
    parser.add_argument("--paragraphs", type=int, default=3, help="paragraphs of prose in each scene (default 3)")
    args = parser.parse_args()
    checkout = args.choicescript.resolve()
    missing = [name for name in CHOICESCRIPT_FILES if not (checkout / name).is_file()]
    if missing:
        raise SystemExit(f"{checkout} is not a ChoiceScript checkout: {', '.join(missing)} not found")
    node = shutil.which("node")
    if node is None:
        raise SystemExit("randomtest runs on Node.js: install node and try again")

    book = generate(args.chapters, args.scenes, args.paragraphs)
    with tempfile.TemporaryDirectory(prefix="experience-walk-bench-") as scratch:
        ours = write_ours(book, Path(scratch) / "ours")
        folder = Path(scratch) / "choicescript"
        for name in CHOICESCRIPT_FILES:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(checkout / name, folder / name)
        write_choicescript(book, folder / "web" / GAME / "scenes")

        walk_command = [sys.executable, "-m", "experience", "walk", str(ours), "-n", str(args.runs), "--seed", "0"]
        random_command = [
            node,
            "randomtest.js",
            f"num={args.runs}",
            f"game={GAME}",
            "seed=0",
            "showCoverage=false",
            "showChoices=false",
            "avoidUsedOptions=false",
        ]
        scenes = sum(len(pages) for pages in book.chapters.values())
        print(
            f"A generated story of {scenes} scenes in {len(book.chapters)} chapters; {args.runs:,} play-throughs each"
        )
        print(
            f"  node {subprocess.run([node, '--version'], capture_output=True, text=True).stdout.strip()}, "
            f"Python {sys.version.split()[0]}; best of {args.repeats}, whole processes"
        )
        theirs = best_of(args.repeats, random_command, folder, _theirs_ok)
        ours = best_of(args.repeats, walk_command, ROOT, _ours_ok)
    print(f"  ChoiceScript randomtest   {theirs.wall:6.2f} s   ({theirs.cpu:.2f} s of processor time)")
    print(f"  experience walk           {ours.wall:6.2f} s   ({ours.cpu:.2f} s of processor time)")
    ratio = theirs.wall / ours.wall
    print(f"  walk is {ratio:.1f} × as fast   (goal ≥ {GOAL:g}: {'met' if ratio >= GOAL else 'NOT met'})")
    print(f"  in processor time, {theirs.cpu / ours.cpu:.1f} ×")


if __name__ == "__main__":
    main()
