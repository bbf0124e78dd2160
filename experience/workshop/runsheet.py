"""The printable run-sheet: a facilitator's plan for a session, generated from the story files.

Timings, facilitator notes, content notes, pause points and reflections, movement by movement,
with a running clock. It is built from the same YAML the participants play, so it can never
disagree with the session. Markdown by default; HTML (print-friendly) when asked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from ..story.model import Chapter, ExitKind, Scene, Story
from ..story.safe_text import terminal_safe


@dataclass
class SceneEntry:
    scene: Scene
    prompt: str | None
    pause_point: bool

    @property
    def notable(self) -> bool:
        s = self.scene
        return bool(s.minutes or s.facilitator or s.is_deep or s.content_note or self.prompt or s.end)

    @property
    def name(self) -> str:
        return self.scene.title or self.scene.name

    def badges(self) -> list[tuple[str, str]]:
        """What stands beside the scene's name, as (kind, text): the formats style each kind."""
        s = self.scene
        out = [("id", s.id)]
        if s.minutes:
            out.append(("plain", _minutes(s.minutes)))
        if s.is_deep:
            out.append(("deep", "deep"))
        elif s.intensity:
            out.append(("plain", s.intensity))
        if s.end:
            out.append(("plain", "an ending"))
        return out

    def facts(self) -> list[tuple[str, str, str]]:
        """What a facilitator should know here, in reading order, as (label, text, kind): kind
        says how each format shows the text ("plain", "quote" or "id")."""
        s = self.scene
        out = []
        if s.content_note:
            out.append(("Content note", s.content_note, "plain"))
        if self.prompt:
            out.append(("Reflection", self.prompt, "quote"))
        if self.pause_point:
            out.append(("Pause point", "a breathing pause is one choice away here.", "plain"))
        if s.gentler:
            out.append(("Gentler path", s.gentler, "id"))
        if s.facilitator:
            out.append(("Facilitator", " ".join(s.facilitator.split()), "plain"))
        return out


def also_in_chapter(entry: ChapterEntry) -> list[str]:
    """The scenes with nothing to note, by name, marked where a pause is one choice away."""
    return [e.name + (" (pause point)" if e.pause_point else "") for e in entry.scenes if not e.notable]


@dataclass
class ChapterEntry:
    chapter: Chapter
    minutes: float
    scenes: list[SceneEntry]


@dataclass
class MovementEntry:
    name: str
    chapters: list[ChapterEntry] = field(default_factory=list)
    start: float = 0.0

    @property
    def minutes(self) -> float:
        return sum(c.minutes for c in self.chapters)


@dataclass
class RunSheet:
    title: str
    movements: list[MovementEntry]
    scenes: int
    chapters: int
    side_paths: list[ChapterEntry] = field(default_factory=list)  # reached only by detours: any time

    @property
    def total_minutes(self) -> float:
        return sum(m.minutes for m in self.movements)


def build(story: Story) -> RunSheet:
    """Movements in the order a reader meets them. Chapters reached only by a detour (a pause)
    can happen at any moment, so they are listed apart and kept out of the clock."""
    movements: dict[str, MovementEntry] = {}
    side_paths: list[ChapterEntry] = []
    for chapter in story.chapters.values():
        scenes = [story.scenes[sid] for sid in chapter.scenes]
        minutes = chapter.minutes or sum(s.minutes or 0 for s in scenes)
        entries = [
            SceneEntry(
                s,
                s.reflect.prompt.source if s.reflect else None,
                any(way.kind is ExitKind.DETOUR for way in s.exits()),
            )
            for s in scenes
        ]
        entry = ChapterEntry(chapter, minutes, entries)
        if chapter.first_scene not in story.main_path:  # entered by a detour, like the pause
            side_paths.append(entry)
            continue
        name = chapter.movement or chapter.title
        movements.setdefault(name, MovementEntry(name)).chapters.append(entry)
    clock = 0.0
    for movement in movements.values():
        movement.start = clock
        clock += movement.minutes
    return RunSheet(story.title, list(movements.values()), len(story.scenes), len(story.chapters), side_paths)


def _clock(minutes: float) -> str:
    whole = int(round(minutes))
    return f"{whole // 60}:{whole % 60:02d}"


def _minutes(value: float) -> str:
    return f"{value:g} min" if value else "no time set"


CARE = [
    "Everyone can pause at any moment (the p key), step out with their progress saved, or stop "
    "for today. Say so at the start, and mean it: stopping is never failing.",
    "Participants' answers are theirs. You will never see them, and you should not ask anyone "
    "to share what they wrote.",
    "This is not therapy. Have local support lines to hand (the program shows them when someone "
    "steps out), and know who to call if someone is in crisis.",
    "Before each deep scene, the program asks each participant whether to go on, take a gentler "
    "path, pause or stop. Pause points below are where a breathing pause is one choice away.",
]


# -- Markdown -------------------------------------------------------------------------------------
def to_markdown(sheet: RunSheet, *, today: date | None = None) -> str:
    day = (today or date.today()).isoformat()
    out = [
        f"# Run-sheet: {sheet.title}",
        "",
        f"**Total running time:** {_minutes(sheet.total_minutes)} ({_clock(sheet.total_minutes)}), "
        f"{len(sheet.movements)} movements, {sheet.chapters} chapters, {sheet.scenes} scenes. "
        f"Generated from the story files on {day}.",
        "",
        "## Before you begin",
        "",
    ]
    out += [f"- {line}" for line in CARE]
    out += ["", "## Timeline", "", "| starts | movement | time |", "| --- | --- | --- |"]
    for movement in sheet.movements:
        out.append(f"| {_clock(movement.start)} | {movement.name} | {_minutes(movement.minutes)} |")
    out.append(f"| {_clock(sheet.total_minutes)} | end | |")
    for number, movement in enumerate(sheet.movements, start=1):
        out += ["", f"## {number}. {movement.name} ({_minutes(movement.minutes)}, from {_clock(movement.start)})"]
        for entry in movement.chapters:
            out += _chapter_markdown(entry)
    if sheet.side_paths:
        out += [
            "",
            "## Side paths, open at any time",
            "",
            "Participants reach these from the pause points above and come back to where they were.",
        ]
        for entry in sheet.side_paths:
            out += _chapter_markdown(entry)
    return "\n".join(out) + "\n"


def movement_markdown(sheet: RunSheet, index: int) -> str:
    """One movement's part of the run-sheet, as the facilitator's console shows it."""
    movement = sheet.movements[index]
    out = [f"## {index + 1}. {movement.name} ({_minutes(movement.minutes)}, from {_clock(movement.start)})"]
    for entry in movement.chapters:
        out += _chapter_markdown(entry)
    return terminal_safe("\n".join(out)) + "\n"  # the console draws it as it is: the author's words


def _chapter_markdown(entry: ChapterEntry) -> list[str]:
    chapter = entry.chapter
    out = ["", f"### {chapter.title} (`{chapter.id}`, {_minutes(entry.minutes)})"]
    if chapter.facilitator:
        out += ["", f"> {' '.join(chapter.facilitator.split())}"]
    for scene_entry in (e for e in entry.scenes if e.notable):
        out += ["", *_scene_markdown(scene_entry)]
    quiet = also_in_chapter(entry)
    if quiet:
        out += ["", f"Also in this chapter: {', '.join(quiet)}."]
    return out


def _scene_markdown(entry: SceneEntry) -> list[str]:
    styles = {"id": "`{}`", "deep": "**{}**", "plain": "{}"}
    badges = " · ".join(styles[kind].format(text) for kind, text in entry.badges())
    lines = [f"#### {entry.name} · {badges}"]
    for label, text, kind in entry.facts():
        shown = {"quote": "“{}”", "id": "`{}`", "plain": "{}"}[kind].format(text)
        if label == "Reflection":
            lines.append(f"- **{label}** (private, optional): {shown}")
        else:
            lines.append(f"- **{label}:** {shown}")
    return lines


# -- HTML -----------------------------------------------------------------------------------------
_STYLE = """
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #2b2724; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; color: #4a3f37; line-height: 1.25; }
h2 { border-bottom: 1px solid #d9cfc4; padding-bottom: .2rem; margin-top: 2.2rem; }
h4 { margin-bottom: .3rem; }
blockquote { margin: .5rem 0; padding: .4rem .9rem; background: #f6f1ea; border-left: 3px solid #b9a58f; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem .2rem 0; text-align: left; }
.deep { color: #6b4c7a; font-weight: bold; } .meta { color: #6b6259; font-size: .9em; }
ul { margin-top: .2rem; } code { font-size: .85em; color: #6b6259; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section.scene { break-inside: avoid; } }
"""


def to_html(sheet: RunSheet, *, today: date | None = None) -> str:
    e = html.escape
    day = (today or date.today()).isoformat()
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Run-sheet: {e(sheet.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Run-sheet: {e(sheet.title)}</h1>",
        f"<p><strong>Total running time:</strong> {e(_minutes(sheet.total_minutes))} "
        f"({_clock(sheet.total_minutes)}), {len(sheet.movements)} movements, {sheet.chapters} chapters, "
        f"{sheet.scenes} scenes. <span class=meta>Generated from the story files on {day}.</span></p>",
        "<h2>Before you begin</h2><ul>",
        *(f"<li>{e(line)}</li>" for line in CARE),
        "</ul>",
        "<h2>Timeline</h2><table><tr><th>starts</th><th>movement</th><th>time</th></tr>",
    ]
    for movement in sheet.movements:
        out.append(
            f"<tr><td>{_clock(movement.start)}</td><td>{e(movement.name)}</td>"
            f"<td>{e(_minutes(movement.minutes))}</td></tr>"
        )
    out.append(f"<tr><td>{_clock(sheet.total_minutes)}</td><td>end</td><td></td></tr></table>")
    for number, movement in enumerate(sheet.movements, start=1):
        out.append(
            f"<h2>{number}. {e(movement.name)} <span class=meta>({e(_minutes(movement.minutes))}, "
            f"from {_clock(movement.start)})</span></h2>"
        )
        for entry in movement.chapters:
            out += _chapter_html(entry)
    if sheet.side_paths:
        out.append(
            "<h2>Side paths, open at any time</h2><p>Participants reach these from the pause points "
            "above and come back to where they were.</p>"
        )
        for entry in sheet.side_paths:
            out += _chapter_html(entry)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _chapter_html(entry: ChapterEntry) -> list[str]:
    e = html.escape
    chapter = entry.chapter
    out = [f"<h3>{e(chapter.title)} <span class=meta>({e(_minutes(entry.minutes))})</span></h3>"]
    if chapter.facilitator:
        out.append(f"<blockquote>{e(' '.join(chapter.facilitator.split()))}</blockquote>")
    out += [_scene_html(s) for s in entry.scenes if s.notable]
    quiet = also_in_chapter(entry)
    if quiet:
        out.append(f"<p class=meta>Also in this chapter: {e(', '.join(quiet))}.</p>")
    return out


def _scene_html(entry: SceneEntry) -> str:
    e = html.escape
    styles = {"id": "<code>{}</code>", "deep": "<span class=deep>{}</span>", "plain": "{}"}
    badges = " · ".join(styles[kind].format(e(text)) for kind, text in entry.badges())
    items = []
    for label, text, kind in entry.facts():
        shown = {"quote": "“{}”", "id": "<code>{}</code>", "plain": "{}"}[kind].format(e(text))
        if label == "Reflection":
            items.append(f"<li><strong>{label}</strong> (private, optional): {shown}</li>")
        else:
            items.append(f"<li><strong>{label}:</strong> {shown}</li>")
    body = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<section class=scene><h4>{e(entry.name)} <span class=meta>· {badges}</span></h4>{body}</section>"
