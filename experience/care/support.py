"""The support lines shown to someone who steps out, read from `support.yaml` in this package.

The data is a plain file so that anyone can keep it current without touching code; this module
only reads and checks it. A damaged file must never hide help: whatever can be read is shown,
and the emergency advice has a built-in fallback.

Lines are chosen by language and country: each language the program speaks may have its own file
(`support.es.yaml`: services that answer in Spanish), else the English one is shown; a reader
whose locale names a country (`es-MX`) sees that country's lines and numbers first, and a reader
whose country is not known sees the international directories first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import TypeVar

from ..i18n import ENGLISH, _, babel_locale, current_country, current_language, lazy
from .data import as_dict, as_list, read_data

FALLBACK_ADVICE = lazy(
    "If you are in danger right now, call your local emergency number, or go to the "
    "nearest emergency department. 112 works from mobile phones in many countries."
)
FALLBACK_SAFETY_NOTE = lazy(
    "If someone close to you frightens you or controls you, this journey is not the right tool "
    "for that. Your local emergency number, or a domestic abuse service near you, can help."
)
PEOPLE_TO_TALK_TO = lazy("People you can talk to, free and in confidence:")


@dataclass(frozen=True)
class SupportLine:
    name: str
    how_to_reach: str
    region: str
    last_verified: dt.date | None
    source: str = ""
    countries: tuple[str, ...] = ()  # ISO 3166 codes (US, GB); none: for anywhere


@dataclass(frozen=True)
class EmergencyNumber:
    region: str
    number: str
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Support:
    advice: str
    emergency: tuple[EmergencyNumber, ...]
    lines: tuple[SupportLine, ...]
    safety_note: str = field(
        default_factory=lambda: str(FALLBACK_SAFETY_NOTE)
    )  # for a relationship that frightens or controls
    safety_lines: tuple[SupportLine, ...] = ()  # the services for exactly that

    @property
    def oldest_check(self) -> dt.date | None:
        dates = [line.last_verified for line in self.lines + self.safety_lines if line.last_verified]
        return min(dates) if dates else None


Entry = TypeVar("Entry", SupportLine, EmergencyNumber)


def load_support(text: str | None = None, *, language: str | None = None, country: str | None = None) -> Support:
    """Read the support data (the packaged file for `language`, else the English one, unless
    `text` is given), with `country`'s lines first; both default to the language in use (see
    i18n.py), so a reader in es-MX sees the Spanish lines, Mexico's first. Never raises."""
    language = language or current_language()
    country = country or current_country()
    data = read_data(support_file(language), text)
    emergency = as_dict(data.get("emergency"))
    numbers = tuple(
        EmergencyNumber(str(n["region"]), str(n["number"]), _countries(n.get("country")))
        for n in as_list(emergency.get("numbers"))
        if isinstance(n, dict) and "region" in n and "number" in n
    )
    relationships = as_dict(data.get("relationships"))
    return Support(
        _words(emergency.get("advice"), str(FALLBACK_ADVICE)),
        for_country(numbers, country, anywhere_first=False),  # a region's number, not a directory
        for_country(_lines(data.get("lines")), country),
        _words(relationships.get("note"), str(FALLBACK_SAFETY_NOTE)),
        for_country(_lines(relationships.get("lines")), country),
    )


def support_file(language: str) -> str:
    """The packaged file for `language` (`es`), or the English one when there is none."""
    name = f"support.{language}.yaml"
    return name if language != "en" and resources.files(__package__).joinpath(name).is_file() else "support.yaml"


def for_country(entries: tuple[Entry, ...], country: str | None, *, anywhere_first: bool = True) -> tuple[Entry, ...]:
    """`entries` in the order to show them: the country's own first (when it is known and has
    some), else those for anywhere first (unless not `anywhere_first`); otherwise as written."""
    ours = country is not None and any(country in entry.countries for entry in entries)

    def comes_first(entry: Entry) -> bool:
        return country in entry.countries if ours else anywhere_first and not entry.countries

    return tuple(sorted(entries, key=lambda entry: not comes_first(entry)))  # stable: as written within each


def _countries(written: object) -> tuple[str, ...]:
    items = written if isinstance(written, list) else [written]
    return tuple(str(item).upper() for item in items if isinstance(item, str) and item)


def _words(written: object, fallback: str) -> str:
    return " ".join(written.split()) if isinstance(written, str) and written.strip() else fallback


def _lines(entries: object) -> tuple[SupportLine, ...]:
    lines = []
    for entry in as_list(entries):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("name", "how_to_reach", "region")
        ):
            continue
        checked = entry.get("last_verified")
        lines.append(
            SupportLine(
                entry["name"],
                entry["how_to_reach"],
                entry["region"],
                checked if isinstance(checked, dt.date) else None,
                str(entry.get("source") or ""),
                _countries(entry.get("country")),
            )
        )
    return tuple(lines)


def as_text(support: Support | None = None, *, harm_first: bool = False) -> str:
    """The support information as plain text: for the terminal after leaving, and `--plain`.

    `harm_first` puts the services for a relationship that frightens or controls before the other
    lines, for words that sounded as though someone may be hurting the reader (`sections`)."""
    support = support or load_support()
    out = [support.advice, ""]
    if support.emergency:
        numbers = "; ".join(f"{n.region} {n.number}" for n in support.emergency)
        out.append(_("Emergency numbers: {numbers}.").format(numbers=numbers))
        out.append("")
    for heading, lines in sections(support, harm_first=harm_first):
        out.append(heading)
        out += [f"  {line.region}: {line.name}. {line.how_to_reach}" for line in lines]
        out.append("")
    if support.oldest_check:
        out.append(f"({checked_note(support.oldest_check)})")
    return "\n".join(out).rstrip("\n")


def sections(support: Support, *, harm_first: bool = False) -> list[tuple[str, tuple[SupportLine, ...]]]:
    """The lines in the order shown, each group under its heading: the crisis lines, then the
    services for a relationship that frightens or controls; those first when `harm_first`."""
    general = [(str(PEOPLE_TO_TALK_TO), support.lines)] if support.lines else []
    safety = [(support.safety_note, support.safety_lines)]
    return safety + general if harm_first else general + safety


def checked_note(checked: dt.date) -> str:
    """When the lines were last checked, and what to do if one has changed since."""
    from babel.dates import format_date  # only when the lines are shown: Babel is slow to import

    return _(
        "Checked {date}. Numbers change: if one does not work, findahelpline.com or your local emergency number will."
    ).format(
        date=format_date(checked, "long", locale=babel_locale()) if babel_locale() != ENGLISH else checked.isoformat()
    )
