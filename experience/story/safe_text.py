"""Text from outside the program, made valid to keep and safe to show: one place for both.

Text a person typed, pasted or an author wrote can hold what is not text at all:

- bytes that were not UTF-8 (a Latin-1 terminal, a quote pasted from a CP1252 program), which
  Python reads as lone surrogates; they cannot be written to the database or a file, so the
  whole answer would be lost. `valid_text` turns them back into the characters they most likely
  were (CP1252 is a superset of Latin-1 in the printable range), or U+FFFD, and makes every line
  ending a newline. Every answer and draft passes it before it is kept.
- characters that act on a terminal instead of showing: C0 and C1 controls (ESC starts the
  sequences that write the clipboard, reset the screen or move the cursor; CSI is ESC's one-byte
  form in C1), DEL, and the bidirectional overrides and isolates (U+202A..U+202E,
  U+2066..U+2069), which make text read in another order than it is stored. `terminal_safe`
  shows each as a visible placeholder: the control pictures of U+2400 (`␛` for ESC, `␇` for
  BEL, `␡` for DEL) and `<U+202E>` for the others. Nothing is dropped, so a journal shows that
  something was there. Tabs and newlines are kept where the text may have lines.

`json_safe` is the same rule for JSON, where the text must come back exactly: those characters
are written as `\\u` escapes, so the file is safe to `cat` and loads as it was. `first_unsafe`
finds the first such character, for the loader, which refuses them in story files.

Everything here is pure, and the story core uses it too, so every layer may import it.
"""

from __future__ import annotations

import re
import unicodedata

from ..i18n import _

#: What acts on a terminal instead of showing (tab and newline aside), as the ranges of a
#: regular expression's character class. The JSON Schema of story files says it too.
ACTING = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_ACTING = ACTING + "\ud800-\udfff"  # and lone surrogates, which are not characters at all
_UNSAFE_IN_LINES = re.compile(f"[{_ACTING}]")
_UNSAFE_IN_A_LINE = re.compile(f"[\t\n{_ACTING}]")
_SURROGATES = re.compile("[\ud800-\udfff]+")
_ESCAPED_BYTE = range(0xDC80, 0xDD00)  # how Python's surrogateescape keeps a byte it could not decode
_LINE_ENDINGS = re.compile(r"\r\n?")

REPLACEMENT = "\ufffd"


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟: the control pictures, in the same order
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT  # not a character at all: there is nothing to name
    return f"<U+{code:04X}>"


def terminal_safe(text: str, *, lines: bool = True) -> str:
    """`text` with everything that would act on a terminal shown as a visible placeholder.

    With `lines=False` (a title, a choice, one line of a report) tabs and newlines are shown as
    placeholders too. Text that is already safe comes back as the same object, so calling this
    twice, or on every line, costs little.
    """
    pattern = _UNSAFE_IN_LINES if lines else _UNSAFE_IN_A_LINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_placeholder, text)


def first_unsafe(text: str) -> int | None:
    """The index of the first character that `terminal_safe` would replace (tab and newline are
    allowed), or None if there is none."""
    found = _UNSAFE_IN_LINES.search(text)
    return found.start() if found else None


def control_character_message(char: str) -> str:
    """What the checker says of a character in a story that would act instead of showing. It is
    named by its code point, with its Unicode name where it has one (`U+202E (RIGHT-TO-LEFT
    OVERRIDE)`) or else the placeholder it would be shown as (`U+001B (shown as ␛)`)."""
    # Translators: {placeholder} is the visible sign the character is shown as, like ␛.
    name = unicodedata.name(char, "") or _("shown as {placeholder}").format(placeholder=terminal_safe(char))
    # Translators: {code} is like U+001B; {name} is its Unicode name (in English) or how it is shown.
    return _(
        "the control character {code} ({name}) would act on the reader's terminal instead of "
        "showing; remove it (an escape such as \\e or \\a in double quotes writes one)"
    ).format(code=f"U+{ord(char):04X}", name=name)


def valid_text(text: str) -> str:
    """`text` as it can be kept: undecodable bytes recovered (or U+FFFD), line endings `\\n`.

    A person's words are never dropped here: each byte becomes a character.
    """
    if "\r" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    if _SURROGATES.search(text) is None:
        return text
    return _SURROGATES.sub(_recovered, text)


def _recovered(match: re.Match[str]) -> str:
    run = match.group(0)
    if all(ord(c) in _ESCAPED_BYTE for c in run):
        raw = bytes(ord(c) - 0xDC00 for c in run)
        return raw.decode("cp1252", errors="replace")
    return REPLACEMENT * len(run)  # a surrogate that was never a byte: nothing to recover


def json_safe(json_text: str) -> str:
    """JSON text (from `json.dumps`) with every character that would act on a terminal written
    as a `\\uXXXX` escape: the file shows safely, and loads back to exactly the same text.

    `json.dumps` escapes C0 controls itself; DEL, C1, the bidirectional controls and lone
    surrogates it leaves raw. They only ever occur inside strings, where an escape is valid.
    """
    return _UNSAFE_IN_LINES.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json_text)
