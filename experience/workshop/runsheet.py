"""The printable run-sheet: a facilitator's plan for a session, generated from the story files.

Timings, facilitator notes, content notes, pause points and reflections, movement by movement,
with a running clock. It is built from the same YAML the participants play, so it can never
disagree with the session. Markdown here (the console shows it too); HTML in runsheet_html.py;
the words around the story's, in the language in use, in runsheet_words.py; a plan for the
minutes available in plan.py.

A story with more than one way through (story/routes.py) has a run-sheet for each: the movements
are always all there, numbered as the gates number them, and those a way leaves out say so.
Every word from the story is escaped for the format it goes into: an author's `<b>` is shown,
never obeyed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

from ..i18n import Words, _, pgettext
from ..story.model import DEEP, Chapter, ExitKind, Scene, Story
from ..story.routes import route_chapters, route_names
from ..story.safe_text import terminal_safe
from .runsheet_words import (
    BEFORE,
    CARE,
    CLOSING,
    NOT_ON_THIS_WAY,
    PRIVATE,
    SIDE_PATHS,
    SIDE_PATHS_SAID,
    TALK,
    TIMELINE,
    WELCOME,
    also_text,
    chapter_text,
    clock_text,
    intensity_text,
    left_out_text,
    minutes_text,
    movement_heading_text,
    quoted,
    skipped_text,
    timeline_headings,
    title_text,
    totals_text,
    ways_text,
)

OPENING_WORDS = 6  # an untitled scene is named by the first few words of its text


@dataclass
class SceneEntry:
    scene: Scene
    prompt: str | None
    pause_point: bool

    @property
    def notable(self) -> bool:
        s = self.scene
        return bool(s.minutes or s.facilitator or s.is_deep or s.content_note or self.prompt or s.end or s.tags)

    @property
    def name(self) -> str:
        """The scene's title, or else its opening words, never its id: the id is shown beside."""
        return self.scene.title or opening_words(self.scene) or self.scene.name

    def badges(self) -> list[tuple[str, str]]:
        """What stands beside the scene's name, as (kind, text): the formats style each kind."""
        s = self.scene
        out = [("id", s.id)]
        if s.minutes:
            out.append(("plain", minutes_text(s.minutes)))
        if s.is_deep:
            out.append(("deep", intensity_text(DEEP)))
        elif s.intensity:
            out.append(("plain", intensity_text(s.intensity)))
        if s.end:
            out.append(("plain", _("an ending")))
        out += [("id", f"#{tag}") for tag in s.tags]  # the story's own tags, for finding the scene
        return out

    def facts(self) -> list[tuple[str, str, str]]:
        """What a facilitator should know here, in reading order, as (label, text, kind): kind
        says how each format shows the text ("plain", "quote" or "id"; a quote is the reflection,
        said to be private and optional)."""
        s = self.scene
        out = []
        if s.content_note:
            out.append((_("Content note"), s.content_note, "plain"))
        if self.prompt:
            out.append((_("Reflection"), self.prompt, "quote"))
        if self.pause_point:
            out.append((_("Pause point"), _("a breathing pause is one choice away here."), "plain"))
        if s.gentler:
            out.append((_("Gentler path"), s.gentler, "id"))
        if s.facilitator:
            # Translators: the label before the author's note for the person facilitating the session.
            out.append((pgettext("run-sheet label", "Facilitator"), " ".join(s.facilitator.split()), "plain"))
        return out


def opening_words(scene: Scene) -> str:
    """“The first few words…” of a scene's text, without its Markdown."""
    if not scene.text or not scene.text[0].variants:
        return ""
    words = re.sub(r"[*_`#>]", "", scene.text[0].variants[0].source).split()
    if not words:
        return ""
    more = "…" if len(words) > OPENING_WORDS else ""
    return quoted(" ".join(words[:OPENING_WORDS]).rstrip(".,;:") + more)


def also_in_chapter(entry: ChapterEntry) -> list[str]:
    """The scenes with nothing to note, by name, marked where a pause is one choice away."""
    return [
        _("{scene} (pause point)").format(scene=e.name) if e.pause_point else e.name
        for e in entry.scenes
        if not e.notable
    ]


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
    left_out: list[ChapterEntry] = field(default_factory=list)  # by the way through this sheet follows

    @property
    def minutes(self) -> float:
        return sum(c.minutes for c in self.chapters)

    @property
    def skipped(self) -> bool:
        """The way through this sheet follows does not come here at all."""
        return not self.chapters


@dataclass(frozen=True)
class Slot:
    """One line of the timeline: a movement (its number), or time beside the story (None)."""

    start: float
    label: Words  # a movement's name, or what the time beside the story is for (in the language in use)
    minutes: float
    movement: int | None = None


@dataclass(frozen=True)
class Way:
    """One way through the story, with its time and the movements it comes to."""

    name: str
    minutes: float
    movements: tuple[str, ...]


@dataclass
class RunSheet:
    title: str
    movements: list[MovementEntry]
    scenes: int
    chapters: int
    side_paths: list[ChapterEntry] = field(default_factory=list)  # reached only by detours: any time
    route: str | None = None  # the way through this sheet follows; None: all of the story
    ways: tuple[Way, ...] = ()  # every way through, when the story offers more than one
    timeline: list[Slot] = field(default_factory=list)

    @property
    def total_minutes(self) -> float:
        return sum(m.minutes for m in self.movements)

    @property
    def planned(self) -> list[tuple[int, MovementEntry]]:
        """The movements this sheet comes to, with their numbers (from 0)."""
        return [(i, m) for i, m in enumerate(self.movements) if not m.skipped]

    @property
    def end(self) -> float:
        return self.timeline[-1].start + self.timeline[-1].minutes if self.timeline else 0.0


def build(story: Story, *, route: str | None = None) -> RunSheet:
    """Movements in the order a reader meets them. Chapters reached only by a detour (a pause)
    can happen at any moment, so they are listed apart and kept out of the clock. With `route`,
    the chapters that way does not come to are set aside in their movement (`left_out`)."""
    sheet = _sheet(story, route)
    names = route_names(story)
    if len(names) > 1:
        sheet.ways = tuple(_way(sheet if name == route else _sheet(story, name), name) for name in names)
    return sheet


def _sheet(story: Story, route: str | None) -> RunSheet:
    on_route = route_chapters(story, route) if route is not None else None
    movements: dict[str, MovementEntry] = {}
    side_paths: list[ChapterEntry] = []
    for chapter in story.chapters.values():
        scenes = [story.scenes[sid] for sid in chapter.scenes]
        minutes = chapter.minutes or sum(s.minutes or 0 for s in scenes)
        entries = [
            SceneEntry(
                s,
                s.reflect.prompt.source if s.reflect else None,
                any(way.kind is ExitKind.DETOUR and way.choice is not None for way in s.exits()),
            )
            for s in scenes
        ]
        entry = ChapterEntry(chapter, minutes, entries)
        if chapter.first_scene not in story.main_path:  # entered by a detour, like the pause
            side_paths.append(entry)
            continue
        name = chapter.movement or chapter.title
        movement = movements.setdefault(name, MovementEntry(name))
        (movement.chapters if on_route is None or chapter.id in on_route else movement.left_out).append(entry)
    sheet = RunSheet(
        story.title, list(movements.values()), len(story.scenes), len(story.chapters), side_paths, route=route
    )
    sheet.timeline = timeline(sheet)
    return sheet


def _way(sheet: RunSheet, name: str) -> Way:
    return Way(name, sheet.total_minutes, tuple(m.name for _, m in sheet.planned))


def timeline(sheet: RunSheet, beside: dict[int | None, float] | None = None) -> list[Slot]:
    """The movements in turn with a running clock, setting each movement's start. `beside`
    gives minutes of time beside the story: before the first movement (key None), and after
    each movement (its number); plan.py says what that time is for."""
    beside = beside or {}
    slots, clock = [], 0.0
    if beside.get(None):
        slots.append(Slot(clock, WELCOME, beside[None]))
        clock += beside[None]
    planned = sheet.planned
    for place, (number, movement) in enumerate(planned):
        movement.start = clock
        slots.append(Slot(clock, movement.name, movement.minutes, number))
        clock += movement.minutes
        if beside.get(number):
            slots.append(Slot(clock, TALK if place < len(planned) - 1 else CLOSING, beside[number]))
            clock += beside[number]
    return slots


# -- Markdown -------------------------------------------------------------------------------------
def md(text: str) -> str:
    """Words from the story, safe in Markdown: HTML shown as text, never passed through, and
    nothing that would end a table cell."""
    return html.escape(text, quote=False).replace("|", "\\|")


Intro = tuple[str, list[str]]  # a heading and its paragraphs, in plain words (a plan's: plan.py)


def to_markdown(sheet: RunSheet, *, today: date | None = None, intro: Intro | None = None) -> str:
    """The whole run-sheet; `intro` goes after the totals (a plan for the time available)."""
    label, totals, made = totals_text(sheet, today or date.today())
    out = [f"# {md(title_text(sheet))}", "", f"**{md(label)}** {totals} {made}"]
    if sheet.ways:
        ways, chooses, listed_ways = ways_text(sheet)
        out += ["", f"**{ways}** {chooses} {md(listed_ways)}."]
    if intro is not None:
        heading, paragraphs = intro
        out += ["", f"## {md(heading)}"]
        for paragraph in paragraphs:
            out += ["", md(paragraph)]
    out += ["", f"## {BEFORE}", ""]
    out += [f"- {line}" for line in CARE]
    starts, movement, time, end = timeline_headings()
    out += ["", f"## {TIMELINE}", "", f"| {starts} | {movement} | {time} |", "| --- | --- | --- |"]
    for slot in sheet.timeline:
        label = md(str(slot.label)) if slot.movement is not None else f"*{md(str(slot.label))}*"
        out.append(f"| {clock_text(slot.start)} | {label} | {minutes_text(slot.minutes)} |")
    out.append(f"| {clock_text(sheet.end)} | {end} | |")
    for number in range(len(sheet.movements)):
        out += ["", *movement_markdown(sheet, number).rstrip("\n").split("\n")]
    if sheet.side_paths:
        out += ["", f"## {SIDE_PATHS}", "", str(SIDE_PATHS_SAID)]
        for entry in sheet.side_paths:
            out += _chapter_markdown(entry)
    return "\n".join(out) + "\n"


def movement_markdown(sheet: RunSheet, index: int) -> str:
    """One movement's part of the run-sheet, as the facilitator's console shows it."""
    movement = sheet.movements[index]
    if movement.skipped:
        out = [f"## {index + 1}. {md(movement.name)} {NOT_ON_THIS_WAY}"]
        out += ["", md(skipped_text(sheet, _chapter_names(movement.left_out)))]
        return terminal_safe("\n".join(out)) + "\n"
    out = [f"## {index + 1}. {md(movement.name)} ({movement_heading_text(movement)})"]
    for entry in movement.chapters:
        out += _chapter_markdown(entry)
    if movement.left_out:
        out += ["", md(left_out_text(sheet, _chapter_names(movement.left_out)))]
    return terminal_safe("\n".join(out)) + "\n"  # the console draws it as it is: the author's words


def _chapter_names(chapters: list[ChapterEntry]) -> str:
    return ", ".join(chapter_text(c) for c in chapters)


def _chapter_markdown(entry: ChapterEntry) -> list[str]:
    chapter = entry.chapter
    out = ["", f"### {md(chapter.title)} (`{chapter.id}`, {minutes_text(entry.minutes)})"]
    if chapter.facilitator:
        out += ["", f"> {md(' '.join(chapter.facilitator.split()))}"]
    for scene_entry in (e for e in entry.scenes if e.notable):
        out += ["", *_scene_markdown(scene_entry)]
    quiet = also_in_chapter(entry)
    if quiet:
        out += ["", md(also_text(", ".join(quiet)))]
    return out


def _scene_markdown(entry: SceneEntry) -> list[str]:
    styles = {"id": "`{}`", "deep": "**{}**", "plain": "{}"}
    badges = " · ".join(styles[kind].format(text if kind == "id" else md(text)) for kind, text in entry.badges())
    lines = [f"#### {md(entry.name)} · {badges}"]
    for label, text, kind in entry.facts():
        shown = quoted(md(text)) if kind == "quote" else f"`{text}`" if kind == "id" else md(text)
        if kind == "quote":
            lines.append(f"- **{label}** {PRIVATE}: {shown}")
        else:
            lines.append(f"- **{label}:** {shown}")
    return lines
