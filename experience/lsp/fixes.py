"""The checker's suggestions as quick fixes: "did you mean 'belief'?" becomes an edit.

The checker says what it suggests in its message ("...; did you mean 'X'?", or "write 'X'" for
another chapter's scene) and quotes what was written. The fix replaces the quoted word that
stands at or after the problem's place on its line with the suggestion, so it changes only what
the message is about; a message whose word cannot be found there offers no fix.

The checker speaks the server's language, so the words before a suggestion are looked up in it
too (`SUGGESTING`), and the English ones always work as well.
"""

from __future__ import annotations

import re

from lsprotocol import types

from ..i18n import _, lazy
from .reports import SOURCE

# Translators: the words the checker's messages put just before a suggested name, as in
# "did you mean 'belief'?" and "write 'other/scene'", as alternatives of a regular expression
# (separated by |, no other punctuation); they must match the checker's own Spanish messages.
SUGGESTING = lazy("did you mean|write")
_ENGLISH = "did you mean|write"
# A name is quoted 'so' in English; a translation may quote it «so» (the Spanish catalogue does).
_QUOTED = re.compile(r"['«]([^'»]+)['»]")
_NAME_CHARS = r"A-Za-z0-9_-"


def _suggesting() -> re.Pattern[str]:
    words = {_ENGLISH, str(SUGGESTING)}
    return re.compile(rf"(?:{'|'.join(sorted(words))}) ['«](?P<suggestion>[^'»]+)['»]")


def suggestion(message: str) -> tuple[str, list[str]] | None:
    """The suggested text, and the quoted words before it (one of them is what was written)."""
    match = _suggesting().search(message)
    if match is None:
        return None
    suggested = match.group("suggestion")
    written = [w for w in _QUOTED.findall(message[: match.start()]) if w != suggested]
    return suggested, written


def fix(uri: str, lines: list[str], diagnostic: types.Diagnostic, start: types.Position) -> types.CodeAction | None:
    """The quick fix for one of the checker's problems, if its message suggests one.

    `start` is where the problem begins in characters (code points); the edit's range is too.
    """
    if diagnostic.source not in (None, SOURCE):
        return None
    found = suggestion(diagnostic.message)
    if found is None:
        return None
    suggested, written = found
    edit = _replacement(lines, start, written, suggested)
    if edit is None:
        return None
    return types.CodeAction(
        title=_("Change to '{suggestion}'").format(suggestion=suggested),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _replacement(lines: list[str], start: types.Position, written: list[str], suggested: str) -> types.TextEdit | None:
    if start.line >= len(lines):
        return None
    line = lines[start.line]
    for word in written:
        pattern = re.compile(rf"(?<![{_NAME_CHARS}]){re.escape(word)}(?![{_NAME_CHARS}])")
        match = pattern.search(line, start.character)
        if match is not None:
            where = types.Range(types.Position(start.line, match.start()), types.Position(start.line, match.end()))
            return types.TextEdit(where, suggested)
    return None
