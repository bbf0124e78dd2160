"""The checker's problems as an editor shows them: a range to underline, a severity, a code.

The checker names the place where a problem starts (a line and a column); an editor underlines
a range, so each one is stretched over the word or value that starts there. Positions here count
characters from 0 (code points); the server converts them to the editor's units.
"""

from __future__ import annotations

from lsprotocol import types

from ..story import Diagnostic, Severity

SOURCE = "experience"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning}
_STOPS = " \t,]}#"


def token_end(line: str, column: int) -> int:
    """Where the key, word or quoted value that starts at `column` ends."""
    if column >= len(line):
        return column
    quote = line[column]
    if quote in "\"'":
        close = line.find(quote, column + 1)
        return close + 1 if close != -1 else len(line)
    end = column
    while end < len(line) and line[end] not in _STOPS:
        if line[end] == ":" and (end + 1 == len(line) or line[end + 1] == " "):
            break
        end += 1
    return max(end, column + 1)


def to_lsp(diagnostic: Diagnostic, lines: list[str]) -> types.Diagnostic:
    location = diagnostic.location
    row = max((location.line or 1) - 1, 0)
    column = max((location.column or 1) - 1, 0)
    line = lines[row].rstrip("\r\n") if row < len(lines) else ""
    if location.line is None:  # the whole file: the first line
        end = len(line)
    elif location.column is None:  # the whole line, from its first character
        column = len(line) - len(line.lstrip())
        end = len(line)
    else:
        end = token_end(line, column)
    return types.Diagnostic(
        range=types.Range(types.Position(row, column), types.Position(row, max(end, column))),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code.value,
        source=SOURCE,
    )
