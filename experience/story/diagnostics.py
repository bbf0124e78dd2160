"""Problems found in a story, reported the way a compiler reports them.

Every problem an author can cause becomes a `Diagnostic` with a stable code (one of `codes.Code`),
a file, a line and a column. Authors read them as `path:line:col: error: message [E101]`;
editors and CI read the same records as JSON. A message may quote the author's text, so both
forms are safe to show (`terminal_safe`; the JSON is ASCII): a story file cannot act on the
terminal of whoever checks it.

The message is in the language in use when the problem was found (so a load in Spanish reports
in Spanish); everything a program reads stays the same in every language: the place, the
severity word (`error`, `warning`, which editors' and CI's problem matchers look for after the
place) and the code on the text line, and every key and value of the JSON but the message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..i18n import _
from .codes import CODES as CODES  # the table of codes, where the guide and tests have always found it
from .codes import Code, Severity
from .safe_text import terminal_safe


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
    code: Code
    message: str
    location: Location

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return terminal_safe(f"{self.location}: {self.severity.value}: {self.message} [{self.code}]", lines=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity.value,
            "code": self.code.value,
            "message": self.message,
        }


def sort_key(d: Diagnostic) -> tuple[str, int, int, int, str]:
    """File by file, the problems that can explain others first, then in the order of the file:
    a file that cannot be read; a key misspelled or written twice (which can make another look
    missing, or a scene look like a dead end); the rest of the shape; links between scenes;
    expressions and text; and the warnings last."""
    loc = d.location
    return (str(loc.path), _tier(d.code), loc.line or 0, loc.column or 0, d.code)


def _tier(code: Code) -> int:
    if code in (Code.UNKNOWN_KEY, Code.DUPLICATE_KEY):
        return 1
    if code.severity is Severity.WARNING:
        return 9
    return {"0": 0, "1": 2, "2": 3}.get(code.value[1], 4)


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(str(d) for d in diagnostics)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [d.as_dict() for d in diagnostics]
    errors = sum(1 for d in items if d["severity"] == "error")
    # ASCII, so a quoted control character is written as an escape there too
    return json.dumps({"diagnostics": items, "errors": errors, "warnings": len(items) - errors}, indent=2)


class StoryError(Exception):
    """A story that cannot be played, with everything that is wrong with it."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        shown = errors or diagnostics
        more = "\n" + _("... and {count} more").format(count=len(shown) - 20) if len(shown) > 20 else ""
        super().__init__(format_text(shown[:20]) + more)


class StoryRuntimeError(Exception):
    """Something went wrong while playing: an expression that cannot be computed, a bad choice."""

    def __init__(self, message: str, location: Location | None = None):
        self.location = location
        self.reason = message  # what went wrong, without where
        super().__init__(f"{location}: {message}" if location else message)
