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

It also owns the program's own words in the reader's language: `_`, `ngettext`, `pgettext`,
`lazy` for words kept at module level, and the catalogue in use (see the second half).

Pure: no Textual, no store (Babel only for a language's own name, imported when asked); every
layer may import it.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

ENGLISH = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in the order POSIX gives them precedence
_NO_LANGUAGE = frozenset({"C", "POSIX"})  # the C locale: no language chosen, so English
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


def N_(message: str) -> str:
    """Marks `message` for extraction only; it is looked up later, where it is shown."""
    return message


class Source(str, Enum):
    """Where the language in use came from (deciding what a missing translation means: an error
    when asked for by name, nothing when only inherited). Its values are the English words, kept
    as they are for anything that compares them; a message says `source.said`, in the language
    in use."""

    COMMAND_LINE = "--lang"  # an option's name, the same in every language
    SETTINGS = N_("your settings")
    STORY = N_("the story")
    SYSTEM = N_("the system's locale")
    DEFAULT = N_("the default")

    @property
    def explicit(self) -> bool:
        """Asked for by name for this run, so it must be honoured or refused out loud."""
        return self is Source.COMMAND_LINE

    @property
    def said(self) -> str:
        """Where the language came from, in words for a message, in the language in use."""
        return self.value if self is Source.COMMAND_LINE else _(self.value)


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


# -- the program's own words ---------------------------------------------------------------------
# Every sentence the program itself says goes through `_` (or `ngettext`, `pgettext`), and the
# catalogue they are looked up in is the one `use_language` installed: the Spanish one after
# `use_language("es-MX")`, none (so English, the words as written) for a language the program is
# not translated into. The catalogues are `locale/<language>/LC_MESSAGES/experience.po` in this
# package, compiled beside it (`.mo`) and committed, so that a plain install has them; the
# `pybabel` commands configured in pyproject.toml extract, update and compile them.
#
# A sentence kept at module level (a constant, an enum's words) is written `lazy("...")`: it is
# looked up each time it is shown, so a change of language in the settings takes effect at once.
# A `Lazy` is not a `str` on purpose: the type checker then finds every place that hands one to
# something wanting a str, where `str(...)` (or an f-string) makes the lookup.

DOMAIN = "experience"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: gettext.NullTranslations = gettext.NullTranslations()
_current_tag = ENGLISH  # the tag the reader asked for, with its region: es-MX


def shipped_languages() -> tuple[str, ...]:
    """The languages the program speaks: English, and each one with a compiled catalogue."""
    found = sorted(
        normalise(path.parent.parent.name) or ""
        for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
        if normalise(path.parent.parent.name)
    )
    return (ENGLISH, *(tag for tag in found if tag != ENGLISH))


def use_language(tag: str | None) -> str:
    """Speak `tag` from now on (a normalised tag, or None for English), and return the language
    of the catalogue now in use: the nearest the program has, else English, never an error."""
    global _current, _current_tag
    wanted = normalise(tag) or ENGLISH
    chosen = best_match(wanted, shipped_languages()) or ENGLISH
    if chosen == ENGLISH:
        _current = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen.replace("-", "_")], fallback=True)
    _current_tag = wanted
    return chosen


def current_tag() -> str:
    """The language in use, as the reader asked for it (`es-MX`): for dates and numbers."""
    return _current_tag


def current_language() -> str:
    """The language of the words in use, without region (`es`); English when none was chosen or
    the one chosen has no catalogue."""
    chosen = best_match(_current_tag, shipped_languages())
    return base(chosen) if chosen else ENGLISH


def current_country() -> str | None:
    """The reader's country, when their language names one (`MX` for `es-MX`), else None."""
    parts = _current_tag.split("-")[1:]
    return next((part for part in parts if len(part) == 2 and part.isalpha()), None)


def _(message: str) -> str:
    """`message` in the language in use."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a sentence for `n` things, in the language in use (its own plural rules)."""
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the language in use, where the same English words need telling apart."""
    return _current.pgettext(context, message)


class Lazy:
    """A sentence looked up in the language in use each time it is shown (see above), with
    its `{named}` places filled from `values` once it is (values may be `Lazy` too)."""

    __slots__ = ("message", "values")

    def __init__(self, message: str, values: dict[str, object] | None = None) -> None:
        self.message = message
        self.values = values or {}

    def __str__(self) -> str:
        text = _(self.message)
        return text.format(**self.values) if self.values else text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __eq__(self, other: object) -> bool:
        """The same sentence, or a str of the words it shows now (so `shown == WORDS` holds)."""
        if isinstance(other, str):
            return str(self) == other
        return isinstance(other, Lazy) and (other.message, other.values) == (self.message, self.values)

    def __hash__(self) -> int:  # by the English words: a Lazy is not meant as a key beside strs
        return hash(self.message)

    def __repr__(self) -> str:
        return f"lazy({self.message!r})"

    def format(self, *args: object, **kwargs: object) -> str:
        return str(self).format(*args, **kwargs)


def lazy(message: str, **values: object) -> Lazy:
    """`message`, to be looked up when it is shown rather than now (for module-level words)."""
    return Lazy(message, values)


Words = str | Lazy  # what a function that shows words accepts: either kind


def babel_locale() -> str:
    """The language in use as Babel names a locale (`es_MX`), for dates, numbers and plurals:
    the tag, else its language alone (`es` for `es-XX`), else English, since a tag Babel has no
    data for (`--lang xx`, an unusual system locale) must never stop a date being shown."""
    return _babel_known(_current_tag)


@cache
def _babel_known(tag: str) -> str:
    from babel import Locale, UnknownLocaleError

    for candidate in (tag.replace("-", "_"), tag.split("-")[0]):
        try:
            Locale.parse(candidate)
        except (ValueError, UnknownLocaleError):
            continue
        return candidate
    return ENGLISH


def language_name(tag: str) -> str:
    """A language's name in its own words (`Español` for `es`), so that a reader who cannot read
    the language in use can still find their own; the tag itself if Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return tag
    name = locale.get_display_name(locale) or tag
    return name[:1].upper() + name[1:]


def next_language(chosen: str | None) -> str | None:
    """The setting after `chosen`, in turn: none (the system's, or the story's), then each language
    the program speaks."""
    choices: list[str | None] = [None, *shipped_languages()]
    at = choices.index(chosen) if chosen in choices else 0
    return choices[(at + 1) % len(choices)]


def use_setting(chosen: str | None, story: str | None = None) -> str:
    """Speak the language the reader just chose in their settings (None: the story's own, else the
    system's), at once; the language now in use (see `use_language`)."""
    return use_language(resolve_language(None, chosen, story).tag)
