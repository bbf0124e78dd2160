"""A picture of the branching: Mermaid or Graphviz DOT, and the numbers behind each movement.

Chapters are clusters; the start is bold; endings have a double border; deep scenes are shaded.
A choice with a condition (or once-only, or a fallback), like a branch of a `goto` with an `if`,
is a dashed line, because a reader may never take it; a detour is dotted, and so is where it goes
on to (its `then`); the gentler path offered before a deep scene is grey.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _, lazy, ngettext
from .model import Exit, ExitKind, Scene, Story
from .safe_text import terminal_safe

READING_WORDS_PER_MINUTE = 200  # unhurried reading, as this material asks for


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # "goto", "conditional", "fallback", "detour", "then", "continue", "gentler"
    label: str = ""


def edges(story: Story, *, labels: bool = False) -> list[Edge]:
    """Every arrow of the picture. Several choices between the same two scenes (four ways of
    saying how the evening feels, say) make one arrow, their words joined when labelled."""
    merged: dict[tuple[str, str, str], list[str]] = {}
    for edge in _all_edges(story, labels=labels):
        merged.setdefault((edge.source, edge.target, edge.kind), []).append(edge.label)
    return [
        Edge(source, target, kind, " / ".join(label for label in found if label))
        for (source, target, kind), found in merged.items()
    ]


def _all_edges(story: Story, *, labels: bool) -> list[Edge]:
    out: list[Edge] = []
    for scene in story.scenes.values():
        for way in scene.exits():
            if way.target is None:
                continue  # a return: where it goes depends on where the detour began
            out.append(Edge(way.source, way.target, _drawn_as(way), _edge_label(way, labels)))
    return out


def _drawn_as(way: Exit) -> str:
    """The arrow's kind: how sure a reader is to be offered this way."""
    if way.kind is ExitKind.DETOUR:
        return "detour"
    if way.choice is not None and way.choice.fallback:
        return "fallback"  # its own arrow: merged with others it would vanish
    if way.kind in (ExitKind.GOTO, ExitKind.CONTINUE) and way.conditional:
        return "conditional"
    return way.kind.value  # "goto", "continue", "then" or "gentler"


def _edge_label(way: Exit, labels: bool) -> str:
    """The words on an arrow: the program's own ("gentler path", "if ...") in the language in
    use, the story's as the story has them."""
    if way.kind is ExitKind.GENTLER:
        return _("gentler path")
    if not labels:
        return ""
    words = _short(way.choice.text.source) if way.choice is not None else ""
    if way.condition is not None:
        condition = _short(way.condition.source)
        # Translators: on an arrow of the graph: a choice's words, then the condition it needs.
        words = (
            _("{choice} (if {condition})").format(choice=words, condition=condition)
            if words
            else _("if {condition}").format(condition=condition)
        )
    return words


# the words on an arrow of each kind that the story gives none for
_KIND_LABELS = {
    "detour": lazy("detour"),
    "then": lazy("after the detour"),
    "fallback": lazy("otherwise"),
    "gentler": lazy("gentler path"),
}


def _kind_label(edge: Edge) -> str:
    return edge.label or str(_KIND_LABELS.get(edge.kind, ""))


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(scene: Scene) -> str:
    """A scene's name in the picture; one that leads back from a detour says so, since where it
    returns to depends on where the reader came from and cannot be drawn as an arrow."""
    label = scene.title or scene.name
    if any(way.kind is ExitKind.RETURN for way in scene.exits()):
        label += " ↩"
    return label


# -- Mermaid --------------------------------------------------------------------------------------
def _mermaid_id(scene_id: str) -> str:
    return "s_" + re.sub(r"[^A-Za-z0-9_]", "_", scene_id)


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_mermaid(story: Story, *, labels: bool = False) -> str:
    lines = ["flowchart TD"]
    for chapter in story.chapters.values():
        lines.append(f'  subgraph chapter_{_mermaid_id(chapter.id)[2:]}["{_mermaid_text(chapter.title)}"]')
        for sid in chapter.scenes:
            scene = story.scenes[sid]
            text = _mermaid_text(_label(scene))
            shape = f'(["{text}"])' if scene.end else f'["{text}"]'
            lines.append(f"    {_mermaid_id(sid)}{shape}")
        lines.append("  end")
    arrows = {
        "goto": "-->",
        "continue": "-->",
        "conditional": "-.->",
        "fallback": "-.->",
        "detour": "-.->",
        "then": "-.->",
        "gentler": "-.->",
    }
    for edge in edges(story, labels=labels):
        label = _kind_label(edge)
        arrow = arrows[edge.kind]
        if label:
            arrow = f'{arrow}|"{_mermaid_text(label)}"|'
        lines.append(f"  {_mermaid_id(edge.source)} {arrow} {_mermaid_id(edge.target)}")
    lines.append("  classDef ending stroke-width:3px")
    lines.append("  classDef gentle stroke-width:3px,fill:#e3efe3")
    lines.append("  classDef deep fill:#e8dff0")
    lines.append("  classDef start stroke-width:3px,font-weight:bold")
    endings = [_mermaid_id(s) for s in story.endings() if story.scenes[s].intensity != "gentle"]
    gentle = [_mermaid_id(s) for s in story.endings() if story.scenes[s].intensity == "gentle"]
    deep = [_mermaid_id(s.id) for s in story.scenes.values() if s.is_deep]
    if endings:
        lines.append(f"  class {','.join(endings)} ending")
    if gentle:
        lines.append(f"  class {','.join(gentle)} gentle")
    if deep:
        lines.append(f"  class {','.join(deep)} deep")
    lines.append(f"  class {_mermaid_id(story.start)} start")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT -----------------------------------------------------------------------------------
def _dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(story: Story, *, labels: bool = False) -> str:
    lines = [
        f"digraph {_dot(story.title)} {{",
        # newrank: ranks across the chapters' clusters at once; without it Graphviz (2.43) fails with
        # "trouble in init_rank" on a story whose chapters point back and forth, like the bundled one.
        '  rankdir=TB; compound=true; newrank=true; fontname="Helvetica";',
        '  node [shape=box, style="rounded,filled", fillcolor="#fbf8f3", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#6b6259"];',
        f"  label={_dot(story.title)}; labelloc=t; fontsize=16;",
    ]
    for chapter in story.chapters.values():
        lines.append(f"  subgraph {_dot('cluster_' + chapter.id)} {{")
        title = chapter.title + (f" ({chapter.movement})" if chapter.movement else "")
        lines.append(f'    label={_dot(title)}; style=rounded; color="#c9bfb3";')
        for sid in chapter.scenes:
            scene = story.scenes[sid]
            attrs = [f"label={_dot(_label(scene))}"]
            if scene.end:
                attrs.append("peripheries=2")
                if scene.intensity == "gentle":
                    attrs.append('fillcolor="#e3efe3"')
            if scene.is_deep:
                attrs.append('fillcolor="#e8dff0"')
            if sid == story.start:
                attrs.append("penwidth=2.5")
            lines.append(f"    {_dot(sid)} [{', '.join(attrs)}];")
        lines.append("  }")
    styles = {
        "goto": "",
        "continue": "",
        "conditional": "style=dashed",
        "fallback": "style=dashed",
        "detour": "style=dotted",
        "then": "style=dotted",
        "gentler": 'style=dashed, color="#a8a29a"',
    }
    for edge in edges(story, labels=labels):
        attrs = [styles[edge.kind]] if styles[edge.kind] else []
        label = _kind_label(edge)
        if label:
            attrs.append(f"label={_dot(label)}")
        lines.append(
            f"  {_dot(edge.source)} -> {_dot(edge.target)}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


class GraphvizMissing(Exception):
    """Graphviz's `dot` is needed to draw SVG or PNG and is not installed."""


INSTALL_GRAPHVIZ = lazy(
    "Drawing SVG or PNG needs Graphviz, which is not installed. Install it "
    "(Debian/Ubuntu: sudo apt install graphviz; Fedora: sudo dnf install graphviz; "
    "macOS: brew install graphviz; Windows: winget install graphviz), or use "
    "--format mermaid or --format dot, which need nothing."
)


def render(dot_source: str, image_format: str) -> bytes:
    """SVG or PNG bytes from DOT, through Graphviz."""
    dot = shutil.which("dot")
    if dot is None:
        raise GraphvizMissing(str(INSTALL_GRAPHVIZ))
    done = subprocess.run(
        [dot, f"-T{image_format}"], input=dot_source.encode("utf-8"), capture_output=True, timeout=120, check=False
    )
    if done.returncode != 0:  # its first line says what went wrong; the rest is its own debugging
        said = done.stderr.decode(errors="replace").strip().splitlines() or ["?"]
        raise GraphvizMissing(_("Graphviz could not draw the graph: {error}").format(error=terminal_safe(said[0])))
    return done.stdout


# -- statistics ---------------------------------------------------------------------------------------
@dataclass
class MovementStats:
    name: str
    chapters: int = 0
    scenes: int = 0
    words: int = 0
    prompts: int = 0
    endings: int = 0
    deep: int = 0
    workshop_minutes: float = 0.0

    @property
    def reading_minutes(self) -> float:
        return self.words / READING_WORDS_PER_MINUTE


def movement_stats(story: Story) -> list[MovementStats]:
    """Per movement, in the order a reader meets them (a chapter without one is its own)."""
    stats: dict[str, MovementStats] = {}
    for chapter in story.chapters.values():
        name = chapter.movement or chapter.title
        entry = stats.setdefault(name, MovementStats(name))
        entry.chapters += 1
        entry.workshop_minutes += chapter.minutes or 0
        for sid in chapter.scenes:
            scene = story.scenes[sid]
            entry.scenes += 1
            entry.words += scene.words + sum(c.text.words + (c.reason.words if c.reason else 0) for c in scene.choices)
            entry.prompts += 1 if scene.reflect else 0
            entry.endings += 1 if scene.end else 0
            entry.deep += 1 if scene.is_deep else 0
    return list(stats.values())


NAME_COLUMN = (8, 32)  # the narrowest and widest the movement column grows; longer names are cut, with …


# The table's columns after the movement's name: each one's heading, and the narrowest it is
# (the English headings' widths; a heading or a value said longer in another language widens it).
_COLUMNS = (
    (N_("chapters"), 8),
    (N_("scenes"), 7),
    (N_("words"), 7),
    (N_("reading"), 14),  # as wide as "under a minute"
    (N_("prompts"), 8),
    (N_("deep"), 5),
    (N_("endings"), 8),
    (N_("workshop"), 9),
)


def format_stats(story: Story) -> str:
    rows = movement_stats(story)
    # Translators: the name of the table's last row, the whole story's numbers.
    total = MovementStats(_("all"))
    for row in rows:
        for field in ("chapters", "scenes", "words", "prompts", "endings", "deep", "workshop_minutes"):
            setattr(total, field, getattr(total, field) + getattr(row, field))
    # Translators: the headings of `experience stats`' table, short words said alone.
    headings = [_("movement")] + [_(heading) for heading, _least in _COLUMNS]
    cells = [_stats_cells(row) for row in [*rows, total]]
    width = max(NAME_COLUMN[0], len(headings[0]), min(NAME_COLUMN[1], max((len(r.name) for r in rows), default=0)))
    widths = [width] + [
        max(least, len(heading), *(len(row[at]) for row in cells))
        for at, (heading, (_word, least)) in enumerate(zip(headings[1:], _COLUMNS, strict=True))
    ]
    header = _stats_line(headings, widths)
    # Translators: the story's title, quoted, above the table.
    lines = [_("“{title}”").format(title=story.title), "", header, "-" * len(header)]
    lines.extend(
        _stats_line([cut(row.name, width), *row_cells], widths) for row, row_cells in zip(rows, cells, strict=False)
    )
    lines.append("-" * len(header))
    lines.append(_stats_line([cut(total.name, width), *cells[-1]], widths))
    lines.append("")
    lines.append(
        _(
            "Reading time is every word written (all branches and variations) at "
            "{pace} words a minute; one reading sees only some of them."
        ).format(pace=READING_WORDS_PER_MINUTE)
    )
    lines.append(_("Workshop minutes are the chapters' own `minutes`."))
    tags = tag_counts(story)
    if tags:
        counted = ", ".join(
            ngettext("{tag} ({count} scene)", "{tag} ({count} scenes)", count).format(tag=tag, count=count)
            for tag, count in tags.items()
        )
        lines.append(_("Tags: {tags}").format(tags=counted))
    return terminal_safe("\n".join(lines))


def _stats_line(cells: list[str], widths: list[int]) -> str:
    """A row of the table: the name on the left, the numbers on the right of their columns."""
    return " ".join(
        [f"{cells[0]:<{widths[0]}}", *(f"{cell:>{w}}" for cell, w in zip(cells[1:], widths[1:], strict=True))]
    )


def tag_counts(story: Story) -> dict[str, int]:
    """How many scenes carry each tag, in the order the tags are first met."""
    counts: dict[str, int] = {}
    for scene in story.scenes.values():
        for tag in scene.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return counts


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, marked with … where it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def reading_time(minutes: float) -> str:
    """A reading time as a person would say it: "under a minute" rather than "0 min"."""
    if minutes <= 0:
        return "-"
    return _("under a minute") if round(minutes) < 1 else _minutes(f"{minutes:.0f}")


def _minutes(amount: str) -> str:
    # Translators: a number of minutes, short, in a column of a table: "12 min".
    return _("{minutes} min").format(minutes=amount)


def _stats_cells(row: MovementStats) -> list[str]:
    """A movement's numbers, as the table's columns show them (after its name)."""
    workshop = _minutes(f"{row.workshop_minutes:g}") if row.workshop_minutes else "-"
    return [
        str(row.chapters),
        str(row.scenes),
        str(row.words),
        reading_time(row.reading_minutes),
        str(row.prompts),
        str(row.deep),
        str(row.endings),
        workshop,
    ]


def write(content: str | bytes, output: Path | None) -> None:
    """A graph or a run-sheet, to standard output or a file; text passes `terminal_safe`, as it
    quotes the author's titles and choices."""
    if isinstance(content, str):
        content = terminal_safe(content)
    if output is None:
        import sys

        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    if isinstance(content, bytes):
        output.write_bytes(content)
    else:
        output.write_text(content, encoding="utf-8")
