"""A story read in another language: its PO file (`catalogue.py`), applied to the story's text as
it is loaded.

Each entry of the PO file names its string by the id `strings.py` builds (the PO's `msgctxt`)
and repeats the source text it translates (its `msgid`). While the story loads, each string of
each file is looked up before the loader reads it, and a usable translation takes the source
text's place: the loader then reads, checks and builds the translated text as if the author had
written it, so the engine, `walk` and the players never know. A translation is usable when:

- its entry has the string's id and the string's current text, is not marked fuzzy, and is not
  empty; or
- (the paragraph moved) an entry of the same scene has the same text under another id: it is
  used, and `experience strings` will file it under the new one (W607 says so).

Anything else leaves the source text in place, and is reported: no entry, or an empty one
(W602), an entry marked fuzzy (W603), an entry whose msgid is no longer the source's text
(W604). A translation whose `{…}` differ from the source's (W605), or that has a problem the
source would be refused for (W606), is not used either. So a story is always playable in every
language it has a PO file for, partly in its own words where the translation is not ready, and
`check --strict --lang LANG` says exactly where.

The values a story puts into its variables by `set` and shows through `{…}` ("at the kitchen
table") are strings too (`value VARIABLE`). The state keeps them as the author wrote them, so
conditions and saved places are the same in every language; only a value shown in text is
translated, as it is shown (`text.Placeholder.shown`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import ScalarNode

from ..i18n import Language, _, base, best_match, normalise
from .catalogue import LOCALE_FOLDER, Catalogue, Entry, read_catalogue, shorten, translations_in, value_id
from .codes import Code
from .diagnostics import Diagnostic, Location
from .safe_text import control_character_message, first_unsafe
from .source import YamlFile
from .strings import Found, chapter_strings, manifest_strings, msgid_of, scene_of
from .template_shape import differences, show_values
from .text import Template

Report = Callable[[Diagnostic], None]


# -- applying it while the story loads ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Applied:
    """A string whose translation the loader is reading in its place."""

    id: str
    node: ScalarNode  # the string as the author wrote it (a copy of its node, untouched)
    entry: Entry


class Translation:
    """One catalogue, applied to the files of one load as they are opened (see the module's
    docstring), and the report of everything about it that is not as it should be."""

    def __init__(self, catalogue: Catalogue, report: Report) -> None:
        self.catalogue = catalogue
        self.report = report
        self.language = catalogue.language
        self.shown_values = catalogue.shown_values()
        self._applied: dict[int, Applied] = {}
        self._used: set[int] = set()  # entries that a string of the story has found (by id())

    def apply(self, file: YamlFile, chapter: str | None) -> None:
        """Put the usable translations in place of the source text in `file`'s nodes, before the
        loader reads them. Called once for each file, just after it is composed."""
        self._applied.clear()  # the last file's nodes are gone, and their ids with them
        if file.root is None:
            return
        found = list(manifest_strings(file.root) if chapter is None else chapter_strings(file.root, chapter))
        present = {(scene_of(s.id), msgid_of(s.node.value)) for s in found}
        for string in found:
            self._apply_one(file, string, present)

    def applied(self, node: object) -> Applied | None:
        """The translation read in the place of this node's text, if there is one."""
        return self._applied.get(id(node))

    def source_text(self, string_id: str) -> str | None:
        """The author's own words of a string of the file just read, if it was translated."""
        return next((a.node.value for a in self._applied.values() if a.id == string_id), None)

    def _apply_one(self, file: YamlFile, string: Found, present: set[tuple[str, str]]) -> None:
        node = string.node
        entry = self._find(file, string, msgid_of(node.value), present)
        if entry is None:
            return
        unsafe = first_unsafe(entry.text)
        if unsafe is not None:  # said where the translator wrote it, not where the author did
            self._refused(string.id, control_character_message(entry.text[unsafe]), entry)
            return
        original = ScalarNode(node.tag, node.value, node.start_mark, node.end_mark, style=node.style)
        self._applied[id(node)] = Applied(string.id, original, entry)
        node.value = entry.text
        node.style = '"'  # text, whatever it says: a translation is never read as YAML

    def _find(self, file: YamlFile, string: Found, source: str, present: set[tuple[str, str]]) -> Entry | None:
        """The usable translation of `string`, or None, with what is wrong said. `present` is
        every (scene, text) of the file: an entry whose text is still in its scene has moved
        (and is found there), so its old id says nothing about the string now under it."""
        catalogue = self.catalogue
        entry = catalogue.exact(string.id, source)
        if entry is not None and entry.usable:  # most strings: no message to make
            self._used.add(id(entry))
            return entry
        where = file.at(string.node)
        if entry is not None:
            self._used.add(id(entry))
            if entry.fuzzy:
                self.report(
                    Diagnostic(
                        Code.TRANSLATION_FUZZY,
                        # Translators: {id} names a string of the story (like "noticing/arrival text 2"),
                        # {where} is its file:line:column. "fuzzy" is the PO file's own flag.
                        _(
                            "{id} ({where}) is marked fuzzy: check the translation against the "
                            "source and remove the mark; until then the source is shown"
                        ).format(id=string.id, where=where),
                        entry.location,
                    )
                )
            else:
                self._empty(string.id, where, entry)
            return None
        entry = catalogue.moved(string.id, source)
        if entry is not None:
            self._used.add(id(entry))
            self.report(
                Diagnostic(
                    Code.TRANSLATION_MOVED,
                    # Translators: {old} and {id} name strings of the story; {where} is a file:line:column.
                    _(
                        "translated as {old}, but the text is now {id} ({where}); it is "
                        "used, and 'experience strings' files it under its new id"
                    ).format(old=entry.id, id=string.id, where=where),
                    entry.location,
                )
            )
            return entry
        older = catalogue.under(string.id)
        if older is not None and (scene_of(older.id), older.source) not in present:
            self._used.add(id(older))
            self.report(
                Diagnostic(
                    Code.SOURCE_CHANGED,
                    # Translators: {text} is the author's new words, quoted and shortened.
                    _(
                        "the source of {id} ({where}) changed since it was translated: it now "
                        "reads {text}; 'experience strings' marks the entry fuzzy for review, "
                        "and until then the source is shown"
                    ).format(id=string.id, where=where, text=shorten(source)),
                    older.location,
                )
            )
        else:
            self._missing(string.id, where)
        return None

    def choose(self, applied: Applied, source: Template, translated: Template, problems: list[Diagnostic]) -> Template:
        """The text to read: the translation when it keeps the source's `{…}` and has nothing
        wrong with it; else the source, with what is wrong said at the translation's entry."""
        if not problems and source.is_plain and translated.is_plain:
            return translated  # most text: no {…} on either side to compare
        for problem in problems:
            self._refused(applied.id, problem.message, applied.entry)
        if problems:
            return source
        lacking, extra = differences(source, translated)
        if lacking or extra:
            self.report(
                Diagnostic(Code.PLACEHOLDERS_DIFFER, _differ(applied.id, lacking, extra), applied.entry.text_location)
            )
            return source
        return translated

    def show_values(self, template: Template) -> Template:
        """`template`, with each value it shows translated as it is shown (see the module's docstring)."""
        return show_values(template, self.shown_values) if self.shown_values else template

    def _refused(self, string_id: str, problem: str, entry: Entry) -> None:
        """A translation not used for a problem the source would be refused for (W606)."""
        self.report(
            Diagnostic(
                Code.TRANSLATION_TEXT,
                # Translators: {problem} is the checker's own message about the translated text.
                _("in the translation of {id}: {problem}; the source is shown instead").format(
                    id=string_id, problem=problem
                ),
                entry.text_location,
            )
        )

    def _empty(self, string_id: str, where: Location, entry: Entry) -> None:
        self.report(
            Diagnostic(
                Code.UNTRANSLATED,
                # Translators: {language} is a tag like es or pt-BR; {entry} is the PO file's file:line:column.
                _("{id} is not translated into {language} (its entry at {entry} is empty); the source is shown").format(
                    id=string_id, language=self.language, entry=entry.location
                ),
                where,
            )
        )

    def _missing(self, string_id: str, where: Location) -> None:
        self.report(
            Diagnostic(
                Code.UNTRANSLATED,
                # Translators: {language} is a tag like es or pt-BR; {file} is the PO file's name, like es.po.
                _("{id} is not translated into {language} (no entry in {file}); the source is shown").format(
                    id=string_id, language=self.language, file=self.catalogue.path.name
                ),
                where,
            )
        )

    def check_values(self, values: Iterator[tuple[str, str, Location]]) -> None:
        """The values shown in text (variable, value, where it is set): each translated, or said."""
        catalogue = self.catalogue
        for variable, value, where in values:
            string_id = value_id(variable)
            entry = catalogue.exact(string_id, value)
            if entry is not None:
                self._used.add(id(entry))
            named = f"{string_id} {shorten(value)}"
            if entry is None:
                self._missing(named, where)
            elif not entry.text:
                self._empty(named, where, entry)
            elif entry.fuzzy:
                self.report(
                    Diagnostic(
                        Code.TRANSLATION_FUZZY,
                        # Translators: {value} names a value a variable shows, like: value place “at the table”.
                        _("{value} is marked fuzzy: check it and remove the mark").format(value=named),
                        entry.location,
                    )
                )

    def finish(self) -> None:
        """Entries no string of the story found: said once each, where they are."""
        for entry in self.catalogue.entries:
            if id(entry) not in self._used:
                self.report(
                    Diagnostic(
                        Code.TRANSLATION_UNUSED,
                        _(
                            "no string of the story is {id} with this text any more; 'experience "
                            "strings' keeps the entry as obsolete, for a translator to reuse"
                        ).format(id=entry.id),
                        entry.location,
                    )
                )


def language_to_read(root: Path, wanted: Language) -> str | None:
    """The `lang` to load the story at `root` in, for someone who wants `wanted`: the tag itself
    when it was asked for by name (so that a story without that translation says so), else the
    tag when the story has a translation for it, else None: the story's own words."""
    if wanted.source.explicit or find_translation(root, wanted.tag) is not None:
        return wanted.tag
    return None


def find_translation(root: Path, language: str) -> Path | None:
    """The story's PO file for `language` (or the nearest: `es.po` for `es-MX`), if it has one."""
    available = translations_in(root)
    tag = best_match(language, available)
    return available[tag] if tag is not None else None


def read_translation(path: Path, display: Path, report: Report) -> Translation | None:
    """The translation in the PO file at `path`, to apply while the story loads; None (and why,
    reported) when the file cannot be read."""
    language = normalise(path.stem) or path.stem
    catalogue = read_catalogue(path, language, display)
    if isinstance(catalogue, Diagnostic):
        report(catalogue)
        return None
    return Translation(catalogue, report)


def no_translation(root: Path, display: Path, language: str, own: str) -> Diagnostic | None:
    """What to say when a story with no PO file for `language` is asked for in it: nothing when
    the story is written in that language, else which languages it has."""
    if base(language) == base(own):
        return None
    offered = ", ".join([own, *translations_in(root)])
    return Diagnostic(
        Code.NO_TRANSLATION,
        # Translators: {offered} lists language tags, like "en, es".
        _(
            "the story has no translation into {language} (it has {offered}); start one with "
            "'experience strings --lang {language}'"
        ).format(language=language, offered=offered),
        Location(display / LOCALE_FOLDER),
    )


def _differ(string_id: str, lacking: str, extra: str) -> str:
    """What Code.PLACEHOLDERS_DIFFER says: what the translation lacks of the source's `{…}`, what it
    has that the source does not, or both (each listed by `template_shape.differences`)."""
    if lacking and extra:
        # Translators: {lacking} and {extra} list {…} as the author wrote them, like "{name}, {if ready: …|…}".
        message = _(
            "the translation of {id} lacks {lacking}, and has {extra}, which the source does not; "
            "keep each {{…}} as the source writes it (the source is shown until then)"
        )
    elif lacking:
        message = _(
            "the translation of {id} lacks {lacking}; keep each {{…}} as the source writes it "
            "(the source is shown until then)"
        )
    else:
        message = _(
            "the translation of {id} has {extra}, which the source does not; keep each {{…}} as "
            "the source writes it (the source is shown until then)"
        )
    return message.format(id=string_id, lacking=lacking, extra=extra)
