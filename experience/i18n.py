"""Which language to speak: one answer for the whole program, from the reader's choices down.

The order is fixed here once, and every layer asks `resolve_language` rather than looking at the
command line or the environment itself:

1. `--lang`, given on the command line for this run;
2. the language the reader chose in their settings (their profile);
3. the language the story is written in (`language:` in story.yaml), so that a story written in
   Spanish has Spanish around it, unless the reader chose otherwise;
4. the system's locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (as POSIX
   reads them: `LC_ALL=C` means the C locale, whatever `LANG` says);
5. English.

Tags are kept in one form, the way BCP 47 writes them (`es`, `es-MX`, `zh-Hant-TW`), whatever
form they came in: a locale name (`es_MX.UTF-8`, `sr_RS@latin`), a PO file's name (`pt_BR`), or
someone's typing (`ES-mx`). A tag's `language` is its first part (`es`), which is what a
translation of a story or of the program is most often made for.

Pure: the standard library only, no Textual, no store; every layer may import it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

ENGLISH = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in the order POSIX gives them precedence
_NO_LANGUAGE = frozenset({"C", "POSIX"})  # the C locale: no language chosen, so English
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


class Source(str, Enum):
    """Where the language in use came from (said in messages, and deciding what a missing
    translation means: an error when asked for by name, nothing when only inherited)."""

    COMMAND_LINE = "--lang"
    SETTINGS = "your settings"
    STORY = "the story"
    SYSTEM = "the system's locale"
    DEFAULT = "the default"

    @property
    def explicit(self) -> bool:
        """Asked for by name for this run, so it must be honoured or refused out loud."""
        return self is Source.COMMAND_LINE


@dataclass(frozen=True, slots=True)
class Language:
    tag: str  # normalised: `es`, `es-MX`
    source: Source = Source.DEFAULT

    @property
    def language(self) -> str:
        """The language without region or script: `es` for `es-MX`."""
        return base(self.tag)


def normalise(value: str | None) -> str | None:
    """A tag in one form (`es_MX.UTF-8` -> `es-MX`), or None for no language (empty, `C`, `POSIX`)
    or for something that is not a tag at all."""
    if not value:
        return None
    text = value.strip()
    text = text.split(".", 1)[0].split("@", 1)[0]  # the codeset and modifier of a locale name
    if not text or text in _NO_LANGUAGE:
        return None
    text = text.replace("_", "-")
    if not _TAG.match(text):
        return None
    first, *rest = text.split("-")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # a script: Hant, Latn
        elif len(part) in (2, 3) and (part.isalpha() or part.isdigit()):
            parts.append(part.upper())  # a region: MX, 419
        else:
            parts.append(part.lower())
    return "-".join(parts)


def base(tag: str) -> str:
    """The language of a normalised tag: `es` for `es-MX`."""
    return tag.split("-", 1)[0]


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language of the system's locale, or None when it names none (unset, or C)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return normalise(value)  # the first one set decides, even when it says C
    return None


def resolve_language(
    command_line: str | None = None,
    settings: str | None = None,
    story: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Language:
    """The language to use, and where the choice came from (see the module's docstring)."""
    for value, source in ((command_line, Source.COMMAND_LINE), (settings, Source.SETTINGS), (story, Source.STORY)):
        tag = normalise(value)
        if tag is not None:
            return Language(tag, source)
    tag = system_language(environ)
    if tag is not None:
        return Language(tag, Source.SYSTEM)
    return Language(ENGLISH, Source.DEFAULT)


def best_match(wanted: str, available: Iterable[str]) -> str | None:
    """Which of `available` (normalised tags) serves someone who wants `wanted`: the same tag,
    else the plain language (`es` for `es-MX`), else another variety of it (`es-ES` for `es-MX`,
    the first in order), else None."""
    offered = list(available)
    if wanted in offered:
        return wanted
    language = base(wanted)
    if language in offered:
        return language
    return next((tag for tag in offered if base(tag) == language), None)
