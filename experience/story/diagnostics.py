"""Problems found in a story, reported the way a compiler reports them.

Every problem an author can cause becomes a `Diagnostic` with a stable code, a file, a line and a
column. Authors read them as `path:line:col: error: message [E101]`; editors and CI read the same
records as JSON. The codes are a public interface: they are documented in AUTHORING.md and never
reused for a different meaning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


#: Every code the checker can emit, with the short name used in the guide.
CODES: dict[str, str] = {
    # Reading files
    "E001": "file is not UTF-8",
    "E002": "file too large",
    "E003": "YAML syntax error",
    "E004": "aliases expand too far",
    "E005": "YAML feature not allowed",
    "E006": "story folder problem",
    # Shape of the documents
    "E100": "wrong type",
    "E101": "unknown key",
    "E102": "missing key",
    "E103": "duplicate key",
    "E104": "invalid value",
    "E105": "conflicting keys",
    "E106": "invalid name",
    # Links between scenes
    "E200": "unknown scene",
    "E201": "dead end",
    "E202": "return without a detour",
    # Expressions and text
    "E300": "expression syntax",
    "E301": "unknown variable",
    "E302": "unknown function",
    "E303": "not allowed in expressions",
    "E304": "type mismatch",
    "E305": "bad placeholder",
    # Story-wide warnings
    "W400": "unreachable scene",
    "W401": "reader may be stranded",
    "W402": "unused variable",
    "W403": "variable never read",
    "W404": "file not read",
    "W405": "fallback never shown",
    "W406": "variation never shown",
    # Care and safety lint
    "W500": "deep scene without a content note",
    "W501": "deep scene without a pause nearby",
    "W502": "deep scene without a gentle ending",
    "W503": "deep stretch without a gentler path",
    "W504": "gentler path leads deeper",
}


class Location(NamedTuple):
    """A place in a file. Line and column count from 1, as editors show them.

    A named tuple rather than a dataclass: the loader makes one for every scene, choice and
    expression, and a tuple is several times cheaper to build.
    """

    path: Path
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return str(self.path)
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"

    def shifted(self, lines: int = 0, columns: int = 0) -> Location:
        if self.line is None:
            return self
        return Location(self.path, self.line + lines, (self.column or 1) + columns)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    location: Location

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.code.startswith("W") else Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    loc = d.location
    return (str(loc.path), loc.line or 0, loc.column or 0, d.code)


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(str(d) for d in diagnostics)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [d.as_dict() for d in diagnostics]
    errors = sum(1 for d in items if d["severity"] == "error")
    return json.dumps({"diagnostics": items, "errors": errors, "warnings": len(items) - errors}, indent=2)


class StoryError(Exception):
    """A story that cannot be played, with everything that is wrong with it."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        shown = errors or diagnostics
        super().__init__(format_text(shown[:20]) + (f"\n... and {len(shown) - 20} more" if len(shown) > 20 else ""))


class StoryRuntimeError(Exception):
    """Something went wrong while playing: an expression that cannot be computed, a bad choice."""

    def __init__(self, message: str, location: Location | None = None):
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)
