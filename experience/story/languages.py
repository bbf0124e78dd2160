"""A story's words in each of its languages: its own, and each translation beside it (`stats`).

Each language is the story loaded in it, counted the way the statistics count words (every
paragraph, the longest of each variation: what was written, not one reading), with how many of
its strings the translation really gives: a string it leaves out, marks fuzzy or cannot be used
for is read in the story's own words, and is counted so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import _, babel_locale, ngettext
from .catalogue import translations_in
from .codes import Code
from .graph import movement_stats
from .loader import check_story
from .model import Story
from .source import YamlFile
from .strings import chapter_strings, manifest_strings
from .values_shown import shown_values

# Each of these means one string read in the story's own words instead of the translation's.
_NOT_TRANSLATED = frozenset(
    {
        Code.UNTRANSLATED,
        Code.TRANSLATION_FUZZY,
        Code.SOURCE_CHANGED,
        Code.PLACEHOLDERS_DIFFER,
        Code.TRANSLATION_TEXT,
    }
)


@dataclass(frozen=True, slots=True)
class LanguageCount:
    language: str
    words: int
    strings: int
    translated: int | None  # None for the story's own language
    readable: bool = True  # False when the translation has errors and cannot be loaded

    @property
    def share(self) -> float:
        return 1.0 if self.translated is None or not self.strings else self.translated / self.strings


def language_counts(root: Path) -> list[LanguageCount]:
    """The story's own language first, then each translation by name; [] when it cannot be loaded."""
    own = check_story(root)
    if own.story is None:
        return []
    counts = [LanguageCount(own.story.source_language, _words(own.story), 0, None)]
    for language in translations_in(root):
        strings = 0

        def count(file: YamlFile, chapter: str | None) -> None:
            nonlocal strings
            if file.root is not None:
                found = manifest_strings(file.root) if chapter is None else chapter_strings(file.root, chapter)
                strings += sum(1 for _ in found)

        result = check_story(root, language, on_file=count)
        if result.story is None:
            counts.append(LanguageCount(language, 0, strings, 0, readable=False))
            continue
        strings += len({(variable, value) for variable, value, _ in shown_values(result.story)})
        left = sum(1 for d in result.diagnostics if d.code in _NOT_TRANSLATED)
        counts.append(LanguageCount(language, _words(result.story), strings, max(strings - left, 0)))
    return counts


def _words(story: Story) -> int:
    return sum(row.words for row in movement_stats(story))  # as the statistics' own table counts them


def format_languages(counts: list[LanguageCount]) -> str:
    from babel.numbers import format_percent  # only `stats` shows a share, and it has read a PO file

    # Translators: the three columns of `experience stats`'s table of languages.
    language, words, done = _("language"), _("words"), _("translated")
    first, second = max(12, len(language)), max(7, len(words))
    header = f"{language:<{first}} {words:>{second}}  {done}"
    lines = [header, "-" * len(header)]
    for count in counts:
        if count.translated is None:
            said = _("(its own language)")
        elif not count.readable:
            said = _("cannot be read: see 'experience check --lang {language}'").format(language=count.language)
        else:
            # Translators: {share} is a percentage, like 75%.
            said = ngettext(
                "{translated} of {count} string ({share})", "{translated} of {count} strings ({share})", count.strings
            ).format(
                translated=count.translated,
                count=count.strings,
                share=format_percent(count.share, locale=babel_locale()),
            )
        lines.append(f"{count.language:<{first}} {count.words:>{second}}  {said}")
    lines.append("")
    lines.append(_("A string not translated yet is read in the story's own words, and its words are counted in them."))
    return "\n".join(lines)
