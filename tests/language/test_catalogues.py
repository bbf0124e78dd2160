"""The program's own words in the reader's language: every sentence extracted, the Spanish
catalogue complete and compiled, and the placeholders and plural forms right."""

from __future__ import annotations

import gettext
import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.pofile import read_po

import experience
from experience.i18n import DOMAIN, LOCALE_DIR, shipped_languages

from .unwrapped import unwrapped

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "experience"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
SPANISH = LOCALE_DIR / "es" / "LC_MESSAGES" / f"{DOMAIN}.po"
PLACE = re.compile(r"\{[^{}]*\}")

# Every module's sentences are translated, but for those still waiting (each group is one piece of
# work, kept apart by a blank line so that finishing one never touches another's lines).
NOT_YET = {
    # the checker: reading a story's files

    # the checker: what a story means

    # the format's own description, and a story's string tables

    # the author's commands

    # the journal's commands and privacy

    # the facilitator's console and serving

    # the room, its notices and the run-sheet
}  # fmt: skip
NOT_SENTENCES = {
    "stepped out",  # the app's result, not shown
    "step out",  # a command's own name
    "ScreenResult",
    "PreviewApp",
    "ProblemsScreen",
    "PlainPlayer",
    "Labelled",  # names, not words
    "CareReply | CheckInReply | WayBack",  # a type
    "end it all",
    "not safe at home",  # crisis phrases' patterns (see crisis.yaml)
    "Entry",  # a type variable
    "d MMMM y",  # a date's pattern
    "{} · Language",  # the language setting's name, said in English on purpose
    "{} is shown by the player, not by {}",  # a programming error, never a reader's
    "journal erase",
    "journal passphrase remove",  # commands, typed as they are
    "experience {}",
    "experience: {}",  # the program's name before its version, or a message
    "python -m experience.workshop.participant",  # a command

    # the checker: reading a story's files
    "block sequence entries",
    "mapping values",
    "'-' indicator",
    "expected key",
    "node content",
    "cannot start any token",
    "could not find expected ':'",
    "<document start>",
    "comment or line break",
    "whitespace or line break",  # PyYAML's own words, matched in its errors to say them in ours
    "a number",  # a value type's name in the code (ValueType); messages show its `said`

    # the checker: what a story means
    "Expression({})",  # a repr, for programmers
    "a scene",  # marks a function's parameter, never shown
    "{if tired: slowly|quickly}",
    "{if …}",
    "{if: …}",
    "{sequence: …|…}",
    "{cycle: …|…}",
    "{shuffle: …|…}",  # the syntax of inline variations, shown as a story writes it
    'visits("home/kitchen") > 2',
    "{round(steps / 3)}",
    "random(1, 6)",  # calls, shown as a story writes them

    # the format's own description, and a story's string tables
    "{} title",
    "{} choice {}",  # a story string's id (its PO msgctxt), the same in every language

    # the author's commands
    "Problem",
    "WalkReport",
    "Replayed",
    "TranscriptError",  # names, in __all__
    "an answer written by a random walk",  # the walk's stand-in answer: the same in every language
    ", gentler path",  # a step of a walk's road as its JSON keeps it, said in words by walk_report
    "did you mean|write",  # the checker's English words before a suggestion, matched in any language
    "seed: {}",
    "width: {}",
    "lang: {}",  # a transcript's settings, as the file format writes them
    "flowchart TD",
    '  subgraph chapter_{}["{}"]',
    "  classDef ending stroke-width:3px",
    "  classDef gentle stroke-width:3px,fill:#e3efe3",
    "  classDef deep fill:#e8dff0",
    "  classDef start stroke-width:3px,font-weight:bold",
    "  class {} ending",
    "  class {} gentle",
    "  class {} deep",
    "  class {} start",  # Mermaid's own syntax
    "digraph {} {",
    '  rankdir=TB; compound=true; newrank=true; fontname="Helvetica";',
    '  node [shape=box, style="rounded,filled", fillcolor="#fbf8f3", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9, color="#6b6259"];',
    "  label={}; labelloc=t; fontsize=16;",
    "  subgraph {} {",
    '    label={}; style=rounded; color="#c9bfb3";',
    'style=dashed, color="#a8a29a"',  # Graphviz DOT's own syntax

    # the journal's commands and privacy
    "journal export -o my-journal.md",
    "journal passphrase set",
    "journal passphrase change",  # commands, typed as they are
    "experience new {}",
    "experience check {}",
    "experience preview {}",
    "experience walk {}",
    "experience guide | less",  # commands, typed as they are (the words beside them are translated)
    "Coming Home to Yourself: this passphrase opens this journal.",  # sealed and compared as it is, never shown
    "FernetSealing(<key hidden>)",  # a repr, for a traceback
    "Resealed",
    "WrongPassphrase",  # names, not words
    "every answer, with its question, by story and chapter",
    "not exported: an unsent draft is not an answer yet; it waits in the box where it was typed",
    "not exported on their own: each is a copy of an answer that is",
    "not exported: where the reader is in a story is not part of the letter",  # notes for programmers (words.py)
    "{} does not take a step",
    "this story has no gentle stop (see `stop` in AUTHORING.md)",
    "there is no way on from here",  # programming errors: the front ends ask before they call
    "an answer just kept is in the journal",
    "an answer just revised is in the journal",  # assertions, never a reader's

    # the facilitator's console and serving
    "the session was never started",  # an assertion's words: a programming error, never a person's
    "python -m experience.workshop.zygote",  # a command, typed as it is

    # the room, its notices and the run-sheet
    "bold {}",
    "on {}",  # Rich styles around the server's notice
    "experience facilitate --minutes {}",
    "experience serve --room {}",
    "experience facilitate --fresh",
    "--room NAME",  # commands and options, typed as they are
}  # fmt: skip


def _template_ids(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


def _extracted() -> set:
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["babel"]
    keywords = parse_keywords(settings["extract_messages"]["keywords"].split())
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add((context, message))
    return found


def _files():
    for path in sorted(SOURCE.rglob("*.py")):
        if str(path.relative_to(SOURCE)) not in NOT_YET:
            yield path


def test_every_module_waiting_for_translation_still_exists():
    assert {name for name in NOT_YET if not (SOURCE / name).is_file()} == set()


@pytest.fixture(scope="module")
def spanish():
    with SPANISH.open("rb") as file:
        return read_po(file, locale="es")


@pytest.fixture(scope="module")
def template():
    with TEMPLATE.open("rb") as file:
        return read_po(file)


def test_the_template_holds_every_sentence_in_the_code_as_it_is_now(template):
    assert _extracted() == _template_ids(template), "run `pybabel extract`, then `pybabel update`"


@pytest.mark.parametrize("path", list(_files()), ids=lambda p: str(p.relative_to(SOURCE)))
def test_every_sentence_a_person_reads_goes_through_gettext(path):
    left = [(line, text) for line, text in unwrapped(path) if text not in NOT_SENTENCES]
    assert left == [], "wrap these in _() (or lazy() at module level)"


def test_spanish_has_every_sentence_of_the_template_translated_and_none_fuzzy(template, spanish):
    assert _template_ids(spanish) == _template_ids(template), "run `pybabel update`"
    for message in spanish:
        if message.id:
            assert not message.fuzzy, message.id
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(strings), f"no Spanish for {message.id!r}"


def test_spanish_keeps_every_placeholder_of_the_english(spanish):
    for message in spanish:
        if message.id:
            english = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(PLACE.findall(english[-1]))
            for string in strings:
                assert set(PLACE.findall(string)) == wanted, (message.id, string)


def test_spanish_plurals_have_every_form_its_rules_name(spanish):
    plurals = [m for m in spanish if m.id and isinstance(m.id, tuple)]
    assert plurals
    for message in plurals:
        assert len(message.string) == spanish.num_plurals, message.id


def test_the_compiled_catalogue_in_the_package_is_the_one_the_po_file_says(spanish):
    compiled = Path(experience.__file__).parent / "locale" / "es" / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with compiled.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    for message in spanish:
        if not message.id:
            continue
        key = message.id if message.context is None else f"{message.context}\x04{message.id}"
        if isinstance(message.id, tuple):
            key = message.id[0] if message.context is None else f"{message.context}\x04{message.id[0]}"
            assert [catalogue[(key, n)] for n in range(len(message.string))] == list(message.string)
        else:
            assert catalogue[key] == message.string, "run `pybabel compile`"


def test_the_program_speaks_english_and_spanish():
    assert shipped_languages() == ("en", "es")
