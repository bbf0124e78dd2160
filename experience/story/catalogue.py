"""One translation of a story, as its PO file has it: read by Babel, never by a parser of our own.

Translations live beside the story, one PO file a language (`locale/es.po`, or `es_MX.po`), as
any PO editor writes them. An entry names its string by the id `strings.py` builds (`msgctxt`),
repeats the source text it translates (`msgid`), and gives the translation (`msgstr`), unless it
is empty or marked fuzzy. What the loader does with them is `translation.py`'s.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _, normalise
from .codes import Code
from .diagnostics import Diagnostic, Location
from .format import MAX_FILE_BYTES
from .strings import scene_of

LOCALE_FOLDER = "locale"
VALUE = "value"  # the id of a value shown in text: "value place"


def translations_in(root: Path) -> dict[str, Path]:
    """The story's PO files by language tag (`locale/es_MX.po` is `es-MX`), in name order."""
    folder = root / LOCALE_FOLDER
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.po")):
        tag = normalise(path.stem)
        if tag is not None and path.is_file():
            found.setdefault(tag, path)
    return found


def value_id(variable: str) -> str:
    return f"{VALUE} {variable}"


def shorten(text: str, limit: int = 48) -> str:
    """A source text as a message quotes it: on one line, and cut with a mark when long."""
    text = " ".join(text.split())
    # Translators: an author's words quoted inside a message, with the language's own quotation marks.
    return _("“{text}”").format(text=text if len(text) <= limit else f"{text[: limit - 1]}…")


# -- one PO file ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    id: str  # msgctxt
    source: str  # msgid
    text: str  # msgstr; "" when not translated yet
    fuzzy: bool
    location: Location  # its msgid line
    text_location: Location  # its msgstr line: where a problem in the translation is

    @property
    def usable(self) -> bool:
        return bool(self.text) and not self.fuzzy


@dataclass
class Catalogue:
    """A story's translation into one language, as its PO file has it."""

    language: str
    path: Path
    entries: list[Entry]
    _exact: dict[tuple[str, str], Entry] = field(init=False, repr=False)
    _by_id: dict[str, Entry] = field(init=False, repr=False)
    _in_scene: dict[tuple[str, str], list[Entry]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._exact = {(e.id, e.source): e for e in self.entries}
        self._by_id = {}
        self._in_scene = {}
        for entry in self.entries:
            self._by_id.setdefault(entry.id, entry)
            self._in_scene.setdefault((scene_of(entry.id), entry.source), []).append(entry)

    def exact(self, string_id: str, source: str) -> Entry | None:
        return self._exact.get((string_id, source))

    def under(self, string_id: str) -> Entry | None:
        """An entry with this id, whatever its source text."""
        return self._by_id.get(string_id)

    def moved(self, string_id: str, source: str) -> Entry | None:
        """A usable translation of the same text in the same scene, filed under another id."""
        candidates = self._in_scene.get((scene_of(string_id), source), [])
        return next((e for e in candidates if e.id != string_id and e.usable), None)

    def shown_values(self) -> dict[str, dict[str, str]]:
        """Each variable's values as they are shown in this language (see the module's docstring)."""
        values: dict[str, dict[str, str]] = {}
        prefix = VALUE + " "
        for entry in self.entries:
            if entry.id.startswith(prefix) and entry.usable:
                values.setdefault(entry.id[len(prefix) :], {})[entry.source] = entry.text
        return values


def read_catalogue(path: Path, language: str, display: Path | None = None) -> Catalogue | Diagnostic:
    """The PO file at `path`, or the diagnostic that says why it cannot be read (E600)."""
    from babel.messages.pofile import PoFileError, read_po  # only a story read in another language pays for Babel

    shown = display or path
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic(
                Code.TRANSLATION_UNREADABLE,
                _("the file is {size} KiB; a translation may be {limit} MiB at most").format(
                    size=size // 1024, limit=MAX_FILE_BYTES // (1024 * 1024)
                ),
                Location(shown),
            )
        data = path.read_bytes()
    except OSError as error:
        return Diagnostic(
            Code.TRANSLATION_UNREADABLE,
            # Translators: {error} is the system's own reason, like "Permission denied".
            _("cannot read the file: {error}").format(error=error.strerror or error),
            Location(shown),
        )
    try:
        catalog = read_po(_for_reading(data), abort_invalid=True, ignore_obsolete=True)
    except PoFileError as error:
        line = error.lineno + 1  # Babel counts from 0
        problem = str(error).rsplit(" on ", 1)[0]
        return Diagnostic(
            Code.TRANSLATION_UNREADABLE,
            # Translators: {problem} is Babel's own description of the fault, in English.
            _("this is not a PO file as gettext writes them ({problem}); open it in a PO editor to mend it").format(
                problem=problem
            ),
            Location(shown, line, 1),
        )
    except (UnicodeDecodeError, LookupError) as error:
        return Diagnostic(
            Code.TRANSLATION_UNREADABLE,
            _("the file cannot be decoded ({error}); save it as UTF-8 and say so in its header").format(error=error),
            Location(shown),
        )
    except ValueError as error:  # a malformed header or escape
        return Diagnostic(
            Code.TRANSLATION_UNREADABLE, _("the file cannot be read ({error})").format(error=error), Location(shown)
        )
    msgstr_lines = [n for n, line in enumerate(data.splitlines(), 1) if line.lstrip().startswith(b"msgstr")]
    entries = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
            continue  # the header, and plural forms (which no story string has)
        line = message.lineno or 1
        entries.append(
            Entry(
                message.context or "",
                message.id,
                message.string or "",
                message.fuzzy,
                Location(shown, line, 1),
                Location(shown, _msgstr_line(msgstr_lines, line), 1),
            )
        )
    return Catalogue(language, path, entries)


def _for_reading(data: bytes) -> list[bytes]:
    """The file's lines as Babel reads them for a load: the comments a load has no use for
    (references, notes, the text a fuzzy entry translated) left blank, which Babel skips, so
    that each entry keeps its line number and the load does not pay for reading them. Flags
    (`#,`, where "fuzzy" is) are kept."""
    return [b"\n" if line.startswith(b"#") and not line.startswith(b"#,") else line for line in data.splitlines(True)]


def _msgstr_line(msgstr_lines: list[int], msgid_line: int) -> int:
    """The line of the msgstr that follows an entry's msgid line (where its translation is)."""
    index = bisect.bisect_left(msgstr_lines, msgid_line)
    return msgstr_lines[index] if index < len(msgstr_lines) else msgid_line
