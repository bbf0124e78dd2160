"""The run-sheet as a print-friendly HTML page: the same sheet as runsheet.py's Markdown, every
word from the story escaped."""

from __future__ import annotations

import html
from datetime import date

from .runsheet import (
    CARE,
    ChapterEntry,
    Intro,
    RunSheet,
    SceneEntry,
    also_in_chapter,
    clock_text,
    minutes_text,
    way_text,
)

_STYLE = """
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #2b2724; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; color: #4a3f37; line-height: 1.25; }
h2 { border-bottom: 1px solid #d9cfc4; padding-bottom: .2rem; margin-top: 2.2rem; }
h4 { margin-bottom: .3rem; }
blockquote { margin: .5rem 0; padding: .4rem .9rem; background: #f6f1ea; border-left: 3px solid #b9a58f; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem .2rem 0; text-align: left; }
.deep { color: #6b4c7a; font-weight: bold; } .meta, .beside { color: #6b6259; font-size: .9em; }
.beside { font-style: italic; }
ul { margin-top: .2rem; } code { font-size: .85em; color: #6b6259; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section.scene { break-inside: avoid; } }
"""


def to_html(sheet: RunSheet, *, today: date | None = None, intro: Intro | None = None) -> str:
    """The whole run-sheet; `intro` goes after the totals (a plan for the time available)."""
    e = html.escape
    day = (today or date.today()).isoformat()
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Run-sheet: {e(sheet.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Run-sheet: {e(sheet.title)}</h1>",
        f"<p><strong>Total running time:</strong> {e(minutes_text(sheet.total_minutes))} "
        f"({clock_text(sheet.total_minutes)}), {len(sheet.planned)} movements, {sheet.chapters} chapters, "
        f"{sheet.scenes} scenes. <span class=meta>Generated from the story files on {day}.</span></p>",
    ]
    if sheet.ways:
        ways = "; ".join(way_text(w) for w in sheet.ways)
        out.append(f"<p><strong>Ways through</strong> (the reader chooses one): {e(ways)}.</p>")
    if intro is not None:
        heading, paragraphs = intro
        out += [f"<h2>{e(heading)}</h2>", *(f"<p>{e(paragraph)}</p>" for paragraph in paragraphs)]
    out += [
        "<h2>Before you begin</h2><ul>",
        *(f"<li>{e(line)}</li>" for line in CARE),
        "</ul>",
        "<h2>Timeline</h2><table><tr><th>starts</th><th>movement</th><th>time</th></tr>",
    ]
    for slot in sheet.timeline:
        label = e(slot.label) if slot.movement is not None else f"<span class=beside>{e(slot.label)}</span>"
        out.append(
            f"<tr><td>{clock_text(slot.start)}</td><td>{label}</td><td>{e(minutes_text(slot.minutes))}</td></tr>"
        )
    out.append(f"<tr><td>{clock_text(sheet.end)}</td><td>end</td><td></td></tr></table>")
    for number, movement in enumerate(sheet.movements, start=1):
        if movement.skipped:
            out.append(f"<h2>{number}. {e(movement.name)} <span class=meta>(not on this way through)</span></h2>")
            out.append(f"<p class=meta>The way “{e(sheet.route or '')}” does not come here.</p>")
            continue
        out.append(
            f"<h2>{number}. {e(movement.name)} <span class=meta>({e(minutes_text(movement.minutes))}, "
            f"from {clock_text(movement.start)})</span></h2>"
        )
        for entry in movement.chapters:
            out += _chapter_html(entry)
        if movement.left_out:
            names = ", ".join(c.chapter.title for c in movement.left_out)
            out.append(f"<p class=meta>Not on the way “{e(sheet.route or '')}”: {e(names)}.</p>")
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
    out = [f"<h3>{e(chapter.title)} <span class=meta>({e(minutes_text(entry.minutes))})</span></h3>"]
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
