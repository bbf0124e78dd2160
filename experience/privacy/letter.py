"""A journal written out: a letter to oneself in Markdown, or JSON for other programs.

The Markdown is meant to be read, in a text editor as much as in a viewer, so the person's words
are shown exactly as they wrote them in both:

- Each answer is a block quote. Markdown would otherwise reinterpret it: a line starting "- " would
  become a list, "*so* tired" would lose its stars, an indented line would turn into code. So only
  what Markdown would act on is escaped: `\\ ` * _ [ ] < > ~ |` anywhere; at the start of a line, a
  heading's `#`, a list's `-`, `+` or `1.`, and a line of only `-` or `=`; and `&` before an entity
  name. Ordinary writing (apostrophes, full stops, question marks, brackets) is left alone, so the
  file still reads as the person wrote it.
- Line breaks are kept as they were typed (a hard break, two trailing spaces), and blank lines
  as paragraphs. Leading spaces become no-break spaces, which look the same and keep an indented
  line from becoming a code block (the first of them written `&nbsp;` where a paragraph begins,
  since some viewers trim them there).
- What would act on a terminal rather than show (an escape sequence, a bell, a backspace, a
  right-to-left override) is written as a visible placeholder (`terminal_safe`: ␛, ␇, ␈,
  `<U+202E>`), so the letter is safe to print or `cat`, and shows that something was there.

The letter a story assembled for the reader (a scene marked `letter: true`, see
progress/keeping.py) follows their answers, under its own title, as the story wrote it.

The JSON keeps every answer character for character (those that would act on a terminal are
written as `\\u` escapes, `json_safe`, so the file is safe to `cat` too), with stable keys
(`format`, `profile`, `exported_at`, `stories`, `entries` with `story`, `chapter`,
`chapter_title`, `scene`, `prompt`, `answer`, `written_at`, `revised_at`, and `letters` with
`story`, `scene`, `title` and `text`: the letter's Markdown, the reader's words in it exactly as
they wrote them). An export covers every story the profile has written in, because it is the copy
a person keeps before `experience journal erase`, which removes them all. The journal's order is
the one progress/keeping.py gives every view.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime

from ..i18n import ENGLISH, _, babel_locale, pgettext
from ..progress.journal import Entry
from ..progress.keeping import Letter, StoryJournal
from ..story.safe_text import json_safe, terminal_safe

FORMAT = "experience-journal/1"

_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_HEADING_OR_ITEM = re.compile(r"(#{1,6}|[-+])(?=\s|$)|[-=]+\s*$")  # "# x", "- x", "+ x", a rule, an underline
_NUMBERED = re.compile(r"\d{1,9}(?=[.)](?:\s|$))")  # "1. x", "2) x"


# -- Markdown -------------------------------------------------------------------------------------------
def to_markdown(journals: Sequence[StoryJournal], *, exported_at: datetime) -> str:
    out: list[str] = []
    several = len(journals) > 1
    out += [f"# {_escape_line(journals[0].title) if not several else _('My journal')}", ""]
    out += [_("*A letter to myself, in the words I wrote along the way.*"), ""]
    out += [
        _("Dear me,"),
        "",
        *_(
            "Here is what I wrote, just as I wrote it. Whatever I find here, I can read it slowly and\n"
            "kindly, the way I would listen to someone I love."
        ).splitlines(),
        "",
    ]
    for journal in journals:
        if several:
            out += [f"## {_escape_line(journal.title)}", ""]
        for chapter in journal.chapters:
            out += [f"{'###' if several else '##'} {_escape_line(chapter.title)}", ""]
            for entry in chapter.entries:
                out += _entry(entry)
    out += [_("With love,") + "  ", pgettext("who signs the letter", "me"), ""]  # two spaces: a line break
    for journal in journals:
        for letter in journal.letters:
            out += _letter(letter, journal.title if several else None)
    out += [
        "---",
        "",
        _("*Kept by Coming Home to Yourself, and written out on {day}.*").format(day=_day(exported_at)),
        "",
    ]
    return terminal_safe("\n".join(out))


def _entry(entry: Entry) -> list[str]:
    lines = [f"**{_escape_line(entry.prompt)}**" if entry.prompt.strip() else _("**(a moment to write)**"), ""]
    lines += quote(entry.answer) if entry.answer.strip() else [_("*(left blank)*")]
    when = _day(_parse(entry.created))
    if entry.updated[:10] != entry.created[:10]:
        when += _(", changed {day}").format(day=_day(_parse(entry.updated)))
    return lines + ["", f"*{when}*", ""]


def _letter(letter: Letter, story: str | None) -> list[str]:
    """The story's letter under its own heading (with the story's title, when there are several);
    its Markdown is the story's, the reader's words in it escaped by the story's engine, so it
    reads here as it read on the screen."""
    title = letter.title if story is None else f"{story}: {letter.title}"
    return [f"## {_escape_line(title)}", "", letter.markdown.strip(), ""]


def quote(answer: str) -> list[str]:
    """An answer as a block quote that shows exactly what was written (see the module's notes)."""
    lines = answer.strip("\n").split("\n")
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append(">")
            continue
        text = _escape_line(_keep_indent(line.rstrip()))
        if text.startswith("\u00a0") and (i == 0 or not lines[i - 1].strip()):
            text = "&nbsp;" + text[1:]  # some viewers trim no-break spaces that begin a paragraph
        hard_break = i + 1 < len(lines) and lines[i + 1].strip()
        out.append(f"> {text}{'  ' if hard_break else ''}")
    return out


def _escape_line(line: str) -> str:
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line))
    body = line.lstrip("\u00a0")
    indent = line[: len(line) - len(body)]
    if _HEADING_OR_ITEM.match(body):
        body = "\\" + body
    elif (number := _NUMBERED.match(body)) is not None:
        body = body[: number.end()] + "\\" + body[number.end() :]
    return indent + body


def _keep_indent(line: str) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)].replace("\t", "    ")
    return "\u00a0" * len(indent) + body


# -- JSON ------------------------------------------------------------------------------------------------
def to_json(journals: Sequence[StoryJournal], *, profile: str, exported_at: datetime) -> str:
    document = {
        "format": FORMAT,
        "profile": profile,
        "exported_at": _iso(exported_at),
        "stories": [journal.title for journal in journals],
        "entries": [
            {
                "story": journal.title,
                "chapter": chapter.id,
                "chapter_title": chapter.title,
                "scene": entry.scene_id,
                "prompt": entry.prompt,
                "answer": entry.answer,
                "written_at": entry.created,
                "revised_at": entry.updated,
            }
            for journal in journals
            for chapter in journal.chapters
            for entry in chapter.entries
        ],
        "letters": [
            {"story": journal.title, "scene": letter.scene_id, "title": letter.title, "text": letter.text}
            for journal in journals
            for letter in journal.letters
        ],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


# -- dates ------------------------------------------------------------------------------------------------
def _parse(stamp: str) -> datetime:
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.now(UTC)


def _day(moment: datetime) -> str:
    """The local day in the reader's language (2 de diciembre de 2026); in English, day first, as
    it always was (2 December 2026), and without importing Babel."""
    local = moment.astimezone()
    where = babel_locale()
    if where == ENGLISH:
        return f"{local.day} {local:%B %Y}"
    from babel.dates import format_date

    return format_date(local, "long", locale=where)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
