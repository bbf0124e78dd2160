"""`experience strings`: a story's string table, as a PO template and the PO files made from it.

`locale/story.pot` lists every string of the story (see `strings.py` for what counts and how
each is named), with a reference to its file and line and a note for translators; each
`locale/LANG.po` beside it is brought up to date from it, as `msgmerge` would: new strings are
added untranslated, strings whose text changed are marked fuzzy (with the text that was
translated kept as `#| msgid`), and strings no longer in the story are kept as obsolete entries
(`#~`), for a translator to reuse. Before that merge, a translation whose string moved inside
its scene (a paragraph was inserted before it) is filed under its new id, unchanged and not
fuzzy: the rule `translation.py` keeps while loading.

Babel reads and writes the files, never a parser of our own. A file is only written when what
it says has changed (its dates aside), so running `experience strings` twice changes nothing.

The notes for translators (what each string is, how to keep its `{…}`) are written in the story's
own language (`language:` in story.yaml), in the program's words for it where it has them, else
in English: never in the language of whoever runs the command, so that two authors, or `--lang`,
never rewrite the files back and forth. The strings themselves are the story's words, untouched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import ENGLISH, Lazy, _, current_tag, lazy, use_language
from .catalogue import LOCALE_FOLDER, read_catalogue, translations_in, value_id
from .diagnostics import Diagnostic, Location, StoryError
from .load_manifest import MANIFEST_NAME, declared_language
from .loader import LoadResult, check_story
from .source import YamlFile
from .strings import chapter_strings, manifest_strings, msgid_of, scene_of
from .values_shown import shown_values

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

TEMPLATE_NAME = "story.pot"
WIDTH = 76  # as gettext's own tools wrap
_DATES = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\n', re.MULTILINE)
# Translators: a note beside each of a story's strings that has {…} in it; the {…} here are examples
# of the story's own syntax, to be kept exactly as they are.
_PLACEHOLDER_NOTE = lazy(
    "Keep each {…} as it is written: a {name} shows a value, and in {if …: …|…} or "
    "{sequence: …|…} translate only the words between the bars."
)


@dataclass(frozen=True, slots=True)
class SourceString:
    """One string of the story, as the template lists it."""

    id: str
    text: str
    location: Location
    note: Lazy  # for translators: put into words when the template is written (see the module's docstring)


@dataclass(frozen=True, slots=True)
class Written:
    """What `write_string_table` did to one file."""

    path: Path
    changed: bool
    strings: int
    translated: int = 0
    fuzzy: int = 0
    created: bool = False


def collect(root: Path) -> tuple[LoadResult, list[SourceString]]:
    """Load the story, and list its strings in the order the files and the scenes are written."""
    found: list[SourceString] = []

    def on_file(file: YamlFile, chapter: str | None) -> None:
        if file.root is None:
            return
        strings = manifest_strings(file.root) if chapter is None else chapter_strings(file.root, chapter)
        for string in strings:
            where = file.at(string.node)
            found.append(SourceString(string.id, msgid_of(string.node.value), where, string.key.about))

    result = check_story(root, on_file=on_file)
    if result.story is not None:
        order = {chapter: number for number, chapter in enumerate(result.story.chapters, 1)}
        found.sort(
            key=lambda s: (
                0 if s.location.path.name == MANIFEST_NAME else order.get(s.location.path.stem, len(order) + 1)
            )
        )
        for variable, value, where in shown_values(result.story):
            note = lazy(
                "A value of {{{variable}}}, shown inside the story's sentences; the story keeps it in its own words.",
                variable=variable,
            )
            found.append(SourceString(value_id(variable), value, where, note))
    return result, found


def template(title: str, version: str, strings: Iterable[SourceString], root: Path) -> Catalog:
    from babel.messages.catalog import Catalog

    # Translators: the opening comment of a story's template; keep its line breaks short (about 70
    # characters). "Translating a story" is a section of AUTHORING.md, which is in English.
    about = _(
        "The strings of “{title}”, for translators.\n"
        "Made by `experience strings`, which keeps each LANG.po beside it\n"
        "up to date; see “Translating a story” in AUTHORING.md."
    ).format(title=title)
    catalog = Catalog(project=title, version=version, header_comment=_comment(about), charset="utf-8")
    placeholders = str(_PLACEHOLDER_NOTE)
    for string in strings:
        notes = [str(string.note)] + ([placeholders] if "{" in string.text else [])
        message = catalog.get(string.text, string.id)
        line = (_relative(string.location.path, root), string.location.line or 0)
        if message is None:
            message = catalog.add(string.text, context=string.id, locations=[line], auto_comments=notes)
        else:
            message.locations.append(line)
    return catalog


@contextmanager
def _notes_in(language: str) -> Iterator[None]:
    """The program's words in `language` while the notes for translators are written (see the
    module's docstring), and the language it spoke before, after."""
    before = current_tag()
    use_language(language)
    try:
        yield
    finally:
        use_language(before)


def _comment(text: str) -> str:
    """A PO file's opening comment: each line of `text` after `# `, and a last `#`."""
    return "".join(f"# {line}\n" for line in text.splitlines()) + "#"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def follow_moves(catalog: Catalog, wanted: Catalog) -> int:
    """File each translation whose string moved inside its scene under its new id (see the
    module's docstring); how many moved."""
    current = {(m.context, m.id) for m in wanted if m.id}
    spare: dict[tuple[str, str], list[Message]] = {}
    for message in catalog:
        if not (isinstance(message.id, str) and message.id and message.context and message.string):
            continue
        if not message.fuzzy and (message.context, message.id) not in current:
            spare.setdefault((scene_of(message.context), message.id), []).append(message)
    moved = 0
    for message in wanted:
        if not (isinstance(message.id, str) and message.id and message.context):
            continue
        if catalog.get(message.id, message.context) is not None:
            continue
        candidates = spare.get((scene_of(message.context), message.id))
        if not candidates:
            continue
        old = candidates.pop(0)
        catalog.delete(old.id, old.context)
        old.context = message.context
        catalog[old.id] = old
        moved += 1
    return moved


def _previous_ids(catalog: Catalog) -> dict[tuple[object, str | None], list[str]]:
    """The text each fuzzy entry translated (its `#| msgid`), by entry. Babel reads that line as a
    translator's comment; it is taken back out of the comments, so that it is written as it was
    read, and kept through the merge, which would drop it."""
    from babel.messages.pofile import denormalize

    found: dict[tuple[object, str | None], list[str]] = {}
    for message in catalog:
        lines = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
        if not lines:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        if lines[0].startswith("msgid "):
            lines[0] = lines[0][len("msgid ") :]
            quoted = [line for line in lines if line.startswith('"')]
            message.previous_id = [denormalize("\n".join(quoted))]
            found[(message.id, message.context)] = message.previous_id
    return found


def _render(catalog: Catalog) -> str:
    from babel.messages.pofile import write_po

    for message in catalog:
        # Babel guesses this flag whenever it sees braces; {…} here is not Python's, and a PO
        # editor that believed it would call every inline variation a mistake. `check` reads them.
        message.flags.discard("python-brace-format")
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, include_previous=True, sort_output=False)
    return out.getvalue().decode("utf-8")


def _write_if_changed(path: Path, text: str) -> bool:
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old is not None and _DATES.sub("", old) == _DATES.sub("", text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _counts(catalog: Catalog) -> tuple[int, int, int]:
    messages = [m for m in catalog if m.id]
    translated = sum(1 for m in messages if m.string and not m.fuzzy)
    return len(messages), translated, sum(1 for m in messages if m.fuzzy)


def write_string_table(
    root: Path, title: str, version: str, strings: list[SourceString], *, new: str | None = None
) -> list[Written]:
    """Write the template and bring every PO file up to date; with `new` (a language tag),
    start that language's file first if it has none. The template first, then each file."""
    from babel.messages.pofile import read_po

    folder = root / LOCALE_FOLDER
    files = translations_in(root)
    broken = [p for p in (read_catalogue(po, language) for language, po in files.items()) if isinstance(p, Diagnostic)]
    if broken:  # said where each is, before anything is written
        raise StoryError(broken)
    own = declared_language(root) or ENGLISH
    with _notes_in(own):
        wanted = template(title, version, strings, root)
    path = folder / TEMPLATE_NAME
    new_template = not path.exists()
    done = [Written(path, _write_if_changed(path, _render(wanted)), len(wanted), created=new_template)]
    created: set[Path] = set()
    if new is not None and new not in files:
        files[new] = folder / f"{new.replace('-', '_')}.po"
        created.add(files[new])
    for tag, po in files.items():
        if po in created:
            with _notes_in(own):
                catalog = _new_catalog(tag, title, version)
        else:
            with po.open("rb") as handle:
                catalog = read_po(handle, abort_invalid=True)
        previous = _previous_ids(catalog)
        follow_moves(catalog, wanted)
        catalog.update(wanted, update_creation_date=True)
        for message in catalog:
            if message.fuzzy and not message.previous_id and (message.id, message.context) in previous:
                message.previous_id = previous[(message.id, message.context)]
        total, translated, fuzzy = _counts(catalog)
        changed = _write_if_changed(po, _render(catalog))
        done.append(Written(po, changed, total, translated, fuzzy, created=po in created))
    return done


def _new_catalog(language: str, title: str, version: str) -> Catalog:
    from babel.core import UnknownLocaleError
    from babel.messages.catalog import Catalog

    # Translators: the opening comment of a new translation; {language} is a tag like es, {template} is story.pot.
    about = _("“{title}”, in {language}: a translation made from {template} by `experience strings`.")
    comment = _comment(about.format(title=title, language=language, template=TEMPLATE_NAME))
    try:
        return Catalog(locale=language.replace("-", "_"), project=title, version=version, header_comment=comment)
    except (UnknownLocaleError, ValueError):  # a language Babel has no data for: still a catalogue
        catalog = Catalog(project=title, version=version, header_comment=comment)
        catalog.language_team = language
        return catalog
