"""The support lines shown to someone who steps out, read from `support.yaml` in this package.

The data is a plain file so that anyone can keep it current without touching code; this module
only reads and checks it. A damaged file must never hide help: whatever can be read is shown,
and the emergency advice has a built-in fallback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .data import as_dict, as_list, read_data

FALLBACK_ADVICE = (
    "If you are in danger right now, call your local emergency number, or go to the "
    "nearest emergency department. 112 works from mobile phones in many countries."
)
FALLBACK_SAFETY_NOTE = (
    "If someone close to you frightens you or controls you, this journey is not the right tool "
    "for that. Your local emergency number, or a domestic abuse service near you, can help."
)
PEOPLE_TO_TALK_TO = "People you can talk to, free and in confidence:"


@dataclass(frozen=True)
class SupportLine:
    name: str
    how_to_reach: str
    region: str
    last_verified: dt.date | None
    source: str = ""


@dataclass(frozen=True)
class EmergencyNumber:
    region: str
    number: str


@dataclass(frozen=True)
class Support:
    advice: str
    emergency: tuple[EmergencyNumber, ...]
    lines: tuple[SupportLine, ...]
    safety_note: str = FALLBACK_SAFETY_NOTE  # for a relationship that frightens or controls
    safety_lines: tuple[SupportLine, ...] = ()  # the services for exactly that

    @property
    def oldest_check(self) -> dt.date | None:
        dates = [line.last_verified for line in self.lines + self.safety_lines if line.last_verified]
        return min(dates) if dates else None


def load_support(text: str | None = None) -> Support:
    """Read the support data (the packaged file unless `text` is given). Never raises."""
    data = read_data("support.yaml", text)
    emergency = as_dict(data.get("emergency"))
    numbers = tuple(
        EmergencyNumber(str(n["region"]), str(n["number"]))
        for n in as_list(emergency.get("numbers"))
        if isinstance(n, dict) and "region" in n and "number" in n
    )
    relationships = as_dict(data.get("relationships"))
    return Support(
        _words(emergency.get("advice"), FALLBACK_ADVICE),
        numbers,
        _lines(data.get("lines")),
        _words(relationships.get("note"), FALLBACK_SAFETY_NOTE),
        _lines(relationships.get("lines")),
    )


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
        out.append("Emergency numbers: " + "; ".join(f"{n.region} {n.number}" for n in support.emergency) + ".")
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
    general = [(PEOPLE_TO_TALK_TO, support.lines)] if support.lines else []
    safety = [(support.safety_note, support.safety_lines)]
    return safety + general if harm_first else general + safety


def checked_note(checked: dt.date) -> str:
    """When the lines were last checked, and what to do if one has changed since."""
    return (
        f"Checked {checked.isoformat()}. Numbers change: if one does not work, findahelpline.com "
        "or your local emergency number will."
    )
