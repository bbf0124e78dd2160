"""What the run-sheet says around the story's words, in the language in use: its headings,
labels and sentences, the same for both its formats (Markdown in runsheet.py, HTML in
runsheet_html.py), and the times and lists they share with the plan and the room's words.

Nothing here escapes: each format escapes what it is given, the story's words with the rest.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..i18n import ENGLISH, _, babel_locale, current_language, lazy, ngettext, pgettext
from ..story.model import DEEP, GENTLE

if TYPE_CHECKING:
    from .runsheet import ChapterEntry, MovementEntry, RunSheet, Way


def intensity_text(intensity: str) -> str:
    """A scene's intensity as the run-sheet says it: the two the format knows in the language in
    use, any other as the author wrote it."""
    if intensity == DEEP:
        return pgettext("intensity", "deep")
    if intensity == GENTLE:
        return pgettext("intensity", "gentle")
    return intensity


def quoted(words: str) -> str:
    """Words from the story, in the quotation marks of the language in use."""
    # Translators: quotation marks around words from the story (a reflection, a scene's first words).
    return _("“{words}”").format(words=words)


WELCOME = lazy("Welcome: how to pause, and that what anyone writes stays theirs")
TALK = lazy("Time to talk, for those who want to (no one shares what they wrote)")
CLOSING = lazy("Closing together")


def clock_text(minutes: float) -> str:
    whole = int(round(minutes))
    return f"{whole // 60}:{whole % 60:02d}"


def number_text(value: float) -> str:
    """A number of minutes as the language in use writes it ("2.5", "2,5")."""
    if current_language() == ENGLISH or value == int(value):
        return f"{value:g}"
    from babel.numbers import format_decimal  # only for a fraction in another language

    return format_decimal(value, locale=babel_locale())


def minutes_text(value: float) -> str:
    # Translators: a length of time; {minutes} is a number, "15" or "2.5". "min" is short for minutes.
    return _("{minutes} min").format(minutes=number_text(value)) if value else _("no time set")


def listed(names: list[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    # Translators: the end of a list of names: {names} is "A" or "A, B", {last} the last name.
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def way_text(way: Way) -> str:
    # Translators: one way through the story: its name, its time ("45 min"), and the movements it comes to.
    return _("“{way}” {minutes} ({movements})").format(
        way=way.name, minutes=minutes_text(way.minutes), movements=", ".join(way.movements)
    )


CARE = [
    lazy(
        "Everyone can pause at any moment (the p key), step out with their progress saved, or stop "
        "for today. Say so at the start, and mean it: stopping is never failing."
    ),
    lazy(
        "Participants' answers are theirs. You will never see them, and you should not ask anyone "
        "to share what they wrote."
    ),
    lazy(
        "This is not therapy. Have local support lines to hand (the program shows them when someone "
        "steps out), and know who to call if someone is in crisis."
    ),
    lazy(
        "Before each deep scene, the program asks each participant whether to go on, take a gentler "
        "path, pause or stop. Pause points below are where a breathing pause is one choice away."
    ),
]


def title_text(sheet: RunSheet) -> str:
    return _("Run-sheet: {title}").format(title=sheet.title)


def totals_text(sheet: RunSheet, day: date) -> tuple[str, str, str]:
    """What the run-sheet says first, as its label, the totals, and when it was made (the formats
    set them apart); the story's title is not in them, so each format escapes nothing here."""
    movements, chapters, scenes = len(sheet.planned), sheet.chapters, sheet.scenes
    label = (
        _("Total running time of the way “{way}”:").format(way=sheet.route)
        if sheet.route and sheet.ways
        else _("Total running time:")
    )
    # Translators: {time} is "45 min", {clock} the same as hours and minutes ("0:45"); then the counts.
    totals = _("{time} ({clock}), {movements}, {chapters}, {scenes}.").format(
        time=minutes_text(sheet.total_minutes),
        clock=clock_text(sheet.total_minutes),
        movements=ngettext("{n} movement", "{n} movements", movements).format(n=movements),
        chapters=ngettext("{n} chapter", "{n} chapters", chapters).format(n=chapters),
        scenes=ngettext("{n} scene", "{n} scenes", scenes).format(n=scenes),
    )
    return label, totals, _("Generated from the story files on {day}.").format(day=day.isoformat())


def ways_text(sheet: RunSheet) -> tuple[str, str, str]:
    """The ways through, as a label, what follows it, and the list (to escape)."""
    return _("Ways through"), _("(the reader chooses one):"), "; ".join(way_text(w) for w in sheet.ways)


NOT_ON_THIS_WAY = lazy("(not on this way through)")  # after the name of a movement the way passes over


def skipped_text(sheet: RunSheet, names: str | None = None) -> str:
    """The sentence below a movement the way through passes over, with the chapters it leaves out."""
    way = sheet.route or ""
    if names is None:
        return _("The way “{way}” does not come here.").format(way=way)
    return _("The way “{way}” does not come here: {names}.").format(way=way, names=names)


def movement_heading_text(movement: MovementEntry) -> str:
    # Translators: after a movement's name in its heading: its time ("20 min") and when it starts ("0:15").
    return _("{minutes}, from {clock}").format(minutes=minutes_text(movement.minutes), clock=clock_text(movement.start))


def left_out_text(sheet: RunSheet, names: str) -> str:
    return _("Not on the way “{way}”: {names}.").format(way=sheet.route or "", names=names)


def also_text(names: str) -> str:
    return _("Also in this chapter: {names}.").format(names=names)


def timeline_headings() -> tuple[str, str, str, str]:
    """The timeline's columns, and the word its last row starts with."""
    return _("starts"), _("movement"), _("time"), pgettext("the timeline's last row", "end")


SIDE_PATHS = lazy("Side paths, open at any time")
SIDE_PATHS_SAID = lazy("Participants reach these from the pause points above and come back to where they were.")
BEFORE = lazy("Before you begin")
TIMELINE = lazy("Timeline")
PRIVATE = lazy("(private, optional)")


def chapter_text(entry: ChapterEntry) -> str:
    """A chapter and its time, as lists name it: "Arriving (15 min)"."""
    return _("{chapter} ({minutes})").format(chapter=entry.chapter.title, minutes=minutes_text(entry.minutes))
