"""The run-sheet as a print-friendly HTML page: the same sheet as runsheet.py's Markdown, every
word from the story escaped."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from ..i18n import current_language
from . import runsheet_words as words
from .runsheet import ChapterEntry, Intro, RunSheet, SceneEntry, also_in_chapter

_STYLE = Path(__file__).with_name("runsheet.css")  # the page's own look, printed or on screen


def to_html(sheet: RunSheet, *, today: date | None = None, intro: Intro | None = None) -> str:
    """The whole run-sheet; `intro` goes after the totals (a plan for the time available), in
    the language in use, which the page names so that browsers and screen readers read it so."""
    e = html.escape
    label, totals, made = words.totals_text(sheet, today or date.today())
    out = [
        "<!doctype html>",
        f'<html lang="{e(current_language())}"><head><meta charset="utf-8">',
        f"<title>{e(words.title_text(sheet))}</title><style>{_STYLE.read_text(encoding='utf-8')}</style></head><body>",
        f"<h1>{e(words.title_text(sheet))}</h1>",
        f"<p><strong>{e(label)}</strong> {e(totals)} <span class=meta>{e(made)}</span></p>",
    ]
    if sheet.ways:
        ways, chooses, listed_ways = words.ways_text(sheet)
        out.append(f"<p><strong>{e(ways)}</strong> {e(chooses)} {e(listed_ways)}.</p>")
    if intro is not None:
        heading, paragraphs = intro
        out += [f"<h2>{e(heading)}</h2>", *(f"<p>{e(paragraph)}</p>" for paragraph in paragraphs)]
    starts, movement_word, time, end = (e(word) for word in words.timeline_headings())
    out += [
        f"<h2>{e(str(words.BEFORE))}</h2><ul>",
        *(f"<li>{e(str(line))}</li>" for line in words.CARE),
        "</ul>",
        f"<h2>{e(str(words.TIMELINE))}</h2><table><tr><th>{starts}</th><th>{movement_word}</th><th>{time}</th></tr>",
    ]
    for slot in sheet.timeline:
        label = e(str(slot.label))
        shown = label if slot.movement is not None else f"<span class=beside>{label}</span>"
        out.append(
            f"<tr><td>{words.clock_text(slot.start)}</td><td>{shown}</td><td>{e(words.minutes_text(slot.minutes))}</td></tr>"
        )
    out.append(f"<tr><td>{words.clock_text(sheet.end)}</td><td>{end}</td><td></td></tr></table>")
    for number, movement in enumerate(sheet.movements, start=1):
        if movement.skipped:
            out.append(f"<h2>{number}. {e(movement.name)} <span class=meta>{e(str(words.NOT_ON_THIS_WAY))}</span></h2>")
            out.append(f"<p class=meta>{e(words.skipped_text(sheet))}</p>")
            continue
        heading = e(words.movement_heading_text(movement))
        out.append(f"<h2>{number}. {e(movement.name)} <span class=meta>({heading})</span></h2>")
        for entry in movement.chapters:
            out += _chapter_html(entry)
        if movement.left_out:
            names = ", ".join(c.chapter.title for c in movement.left_out)
            out.append(f"<p class=meta>{e(words.left_out_text(sheet, names))}</p>")
    if sheet.side_paths:
        out.append(f"<h2>{e(str(words.SIDE_PATHS))}</h2><p>{e(str(words.SIDE_PATHS_SAID))}</p>")
        for entry in sheet.side_paths:
            out += _chapter_html(entry)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _chapter_html(entry: ChapterEntry) -> list[str]:
    e = html.escape
    chapter = entry.chapter
    out = [f"<h3>{e(chapter.title)} <span class=meta>({e(words.minutes_text(entry.minutes))})</span></h3>"]
    if chapter.facilitator:
        out.append(f"<blockquote>{e(' '.join(chapter.facilitator.split()))}</blockquote>")
    out += [_scene_html(s) for s in entry.scenes if s.notable]
    quiet = also_in_chapter(entry)
    if quiet:
        out.append(f"<p class=meta>{e(words.also_text(', '.join(quiet)))}</p>")
    return out


def _scene_html(entry: SceneEntry) -> str:
    e = html.escape
    styles = {"id": "<code>{}</code>", "deep": "<span class=deep>{}</span>", "plain": "{}"}
    badges = " · ".join(styles[kind].format(e(text)) for kind, text in entry.badges())
    items = []
    for label, text, kind in entry.facts():
        shown = words.quoted(e(text)) if kind == "quote" else f"<code>{e(text)}</code>" if kind == "id" else e(text)
        if kind == "quote":
            items.append(f"<li><strong>{e(label)}</strong> {e(str(words.PRIVATE))}: {shown}</li>")
        else:
            items.append(f"<li><strong>{e(label)}:</strong> {shown}</li>")
    body = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<section class=scene><h4>{e(entry.name)} <span class=meta>· {badges}</span></h4>{body}</section>"
