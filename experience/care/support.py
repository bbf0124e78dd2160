"""The support lines shown to someone who steps out, read from `support.yaml` in this package.

The data is a plain file so that anyone can keep it current without touching code; this module
only reads and checks it. A damaged file must never hide help: whatever can be read is shown,
and the emergency advice has a built-in fallback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

FALLBACK_ADVICE = (
    "If you are in danger right now, call your local emergency number, or go to the "
    "nearest emergency department. 112 works from mobile phones in many countries."
)


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

    @property
    def oldest_check(self) -> dt.date | None:
        dates = [line.last_verified for line in self.lines if line.last_verified]
        return min(dates) if dates else None


def load_support(text: str | None = None) -> Support:
    """Read the support data (the packaged file unless `text` is given). Never raises."""
    try:
        if text is None:
            text = (resources.files(__package__) / "support.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    emergency = _dict(data.get("emergency"))
    written = emergency.get("advice")
    advice = written if isinstance(written, str) else FALLBACK_ADVICE
    numbers = tuple(
        EmergencyNumber(str(n["region"]), str(n["number"]))
        for n in _list(emergency.get("numbers"))
        if isinstance(n, dict) and "region" in n and "number" in n
    )
    lines = []
    for entry in _list(data.get("lines")):
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
    return Support(" ".join(advice.split()), numbers, tuple(lines))


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def as_text(support: Support | None = None) -> str:
    """The support information as plain text: for the terminal after leaving, and `--plain`."""
    support = support or load_support()
    out = [support.advice, ""]
    if support.emergency:
        out.append("Emergency numbers: " + "; ".join(f"{n.region} {n.number}" for n in support.emergency) + ".")
        out.append("")
    if support.lines:
        out.append("People you can talk to, free and in confidence:")
        for line in support.lines:
            out.append(f"  {line.region}: {line.name}. {line.how_to_reach}")
    if support.oldest_check:
        out.append("")
        out.append(
            f"(Checked {support.oldest_check.isoformat()}. Numbers change: if one does not work, "
            "findahelpline.com or your local emergency number will.)"
        )
    return "\n".join(out)
