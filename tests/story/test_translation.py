"""A story read in another language: its string table, its PO file applied as it loads, and
every way `check --lang` says a translation is not as it should be."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from experience.story import Code, begin, check_story, load_story, take, view
from experience.story.string_table import collect, write_string_table

MANIFEST = """\
title: A small story
start: one/a
variables:
  place: "at the table"
  tired: false
"""
ONE = """\
title: One
movement: Beginning
scenes:
  a:
    title: The door
    text:
      - Hello, {place}.
      - A second paragraph.
    choices:
      - text: Go to the window.
        set: {place: '"by the window"'}
        goto: b
      - text: Stay.
        if: not tired
        goto: b
  b:
    text:
      - You are {place}.
      - if: place == "by the window"
        text: The glass is cold.
    reflect:
      prompt: What do you need?
    end: true
"""
SPANISH = {
    "story title": "Una historia pequeña",
    "one title": "Uno",
    "movement": "El comienzo",
    "one/a title": "La puerta",
    "one/a text 1": "Hola, {place}.",
    "one/a text 2": "Un segundo párrafo.",
    "one/a choice 1": "Ir a la ventana.",
    "one/a choice 2": "Quedarse.",
    "one/b text 1": "Estás {place}.",
    "one/b text 2": "El cristal está frío.",
    "one/b prompt": "¿Qué necesitas?",
    "value place": {"at the table": "junto a la mesa", "by the window": "junto a la ventana"},
}


@pytest.fixture
def story_root(story_dir) -> Path:
    return story_dir({"one.yaml": ONE}, manifest=MANIFEST)


def write_table(root: Path, new: str | None = None):
    result, strings = collect(root)
    assert result.story is not None, [str(d) for d in result.diagnostics]
    return write_string_table(root, "A small story", "1", strings, new=new)


def po_path(root: Path) -> Path:
    return root / "locale" / "es.po"


def edit_po(root: Path, edit) -> None:
    """Change the Spanish PO file as a PO editor would: read it, `edit(catalog)`, save it."""
    with po_path(root).open("rb") as handle:
        catalog = read_po(handle)
    edit(catalog)
    with po_path(root).open("wb") as handle:
        write_po(handle, catalog)


def fill(catalog, translations=SPANISH) -> None:
    for message in catalog:
        if message.id and message.context in translations:
            wanted = translations[message.context]
            message.string = wanted[message.id] if isinstance(wanted, dict) else wanted


@pytest.fixture
def translated(story_root) -> Path:
    write_table(story_root, new="es")
    edit_po(story_root, fill)
    return story_root


def entry(root: Path, string_id: str):
    with po_path(root).open("rb") as handle:
        return next(m for m in read_po(handle) if m.context == string_id)


def codes(result) -> list[str]:
    return [d.code.value for d in result.diagnostics]


# -- the round trip -------------------------------------------------------------------------------
def test_a_story_extracted_translated_and_checked_plays_in_the_translation(translated):
    result = check_story(translated, "es")
    assert [str(d) for d in result.diagnostics] == []
    story = result.story
    state = begin(story)
    shown = view(story, state)
    assert shown.text == "Hola, junto a la mesa.\n\nUn segundo párrafo."
    assert [text for _, text in shown.choices] == ["Ir a la ventana.", "Quedarse."]
    state = take(story, state, shown.choices[0][0])
    assert view(story, state).text == "Estás junto a la ventana.\n\nEl cristal está frío."


def test_a_value_is_translated_as_it_is_shown_and_kept_as_written(translated):
    """`if: place == "by the window"` holds in Spanish too: the state keeps the author's words."""
    story = load_story(translated, "es")
    state = take(story, begin(story), story.scenes["one/a"].choices[0])
    assert state.variables["place"] == "by the window"
    assert "El cristal está frío." in view(story, state).text


def test_the_translated_story_keeps_its_structure_and_its_key(translated):
    source, spanish = load_story(translated), load_story(translated, "es")
    assert spanish.title == "Una historia pequeña" and spanish.language == "es"
    assert spanish.key == source.key  # filed under the title as written, not as translated
    assert list(spanish.scenes) == list(source.scenes)
    assert [c.target for c in spanish.scenes["one/a"].choices] == [c.target for c in source.scenes["one/a"].choices]


def test_the_template_lists_every_string_with_its_id_file_and_line(story_root):
    write_table(story_root)
    with (story_root / "locale" / "story.pot").open("rb") as handle:
        template = {(m.context, m.id): m for m in read_po(handle) if m.id}
    assert {context for context, _ in template} == set(SPANISH)
    assert template["one/a text 1", "Hello, {place}."].locations == [("one.yaml", 7)]
    assert template["value place", "at the table"].locations == [("story.yaml", 4)]
    assert template["value place", "by the window"].locations == [("one.yaml", 11)]
    assert "python-brace-format" not in (story_root / "locale" / "story.pot").read_text()  # {…} is ours, not Python's


def test_writing_the_string_table_twice_changes_nothing(translated):
    write_table(translated)
    assert not any(written.changed for written in write_table(translated))


# -- ids that survive edits -----------------------------------------------------------------------
def test_an_edit_in_one_scene_renames_no_string_of_another(translated):
    (translated / "one.yaml").write_text(
        ONE.replace("  b:\n", "  between:\n    text: A new scene.\n    goto: b\n  b:\n"), encoding="utf-8"
    )
    _, strings = collect(translated)
    ids = {s.id for s in strings}
    assert {"one/b text 1", "one/b text 2", "one/b prompt"} <= ids
    assert "one/between text 1" in ids


def test_a_paragraph_inserted_before_another_takes_the_translation_along(translated):
    (translated / "one.yaml").write_text(
        ONE.replace("      - Hello, {place}.\n", "      - First.\n      - Hello, {place}.\n")
    )
    before = check_story(translated, "es")
    assert sorted(codes(before)) == ["W602", "W607", "W607"]  # the new one, and two that moved
    assert view(before.story, begin(before.story)).text.endswith("Hola, junto a la mesa.\n\nUn segundo párrafo.")
    write_table(translated)
    assert entry(translated, "one/a text 2").string == "Hola, {place}."
    assert not entry(translated, "one/a text 2").fuzzy
    assert codes(check_story(translated, "es")) == ["W602"]  # only the new paragraph is left to translate


def test_a_changed_source_comes_back_fuzzy_with_the_old_text_beside_it(translated):
    (translated / "one.yaml").write_text(ONE.replace("A second paragraph.", "A second, longer paragraph."))
    write_table(translated)
    changed = entry(translated, "one/a text 2")
    assert changed.fuzzy and changed.string == "Un segundo párrafo."
    assert '#| msgid "A second paragraph."' in po_path(translated).read_text(encoding="utf-8")


def test_the_text_a_fuzzy_entry_translated_is_kept_when_the_table_is_written_again(translated):
    (translated / "one.yaml").write_text(ONE.replace("A second paragraph.", "A second, longer paragraph."))
    write_table(translated)
    assert not any(written.changed for written in write_table(translated))
    text = po_path(translated).read_text(encoding="utf-8")
    assert text.count('#| msgid "A second paragraph."') == 1 and "# |" not in text


# -- what check --lang says -----------------------------------------------------------------------
def only(result, code: Code):
    (found,) = [d for d in result.diagnostics if d.code is code]
    assert found.code.value in codes(result)
    return found


def test_a_translation_file_that_does_not_parse_is_an_error_at_its_line(translated):
    po_path(translated).write_text('msgid "a"\nmsgstr "b"\nthis is not a po line\n', encoding="utf-8")
    result = check_story(translated, "es")
    problem = only(result, Code.TRANSLATION_UNREADABLE)
    assert problem.location.path == po_path(translated) and problem.location.line == 3
    assert result.story is None


def test_a_translation_file_too_large_to_be_a_translation_is_refused_unread(translated, monkeypatch):
    from experience.story import catalogue

    monkeypatch.setattr(catalogue, "MAX_FILE_BYTES", 100)
    assert "at most" in only(check_story(translated, "es"), Code.TRANSLATION_UNREADABLE).message


def test_a_language_with_no_translation_is_an_error_naming_the_ones_there_are(translated):
    result = check_story(translated, "fr")
    assert "it has en, es" in only(result, Code.NO_TRANSLATION).message


def test_the_story_in_its_own_language_needs_no_translation(story_root):
    assert check_story(story_root, "en-GB").diagnostics == []


def test_a_string_with_no_translation_is_reported_at_the_source_and_read_in_it(translated):
    edit_po(translated, lambda c: c.delete("A second paragraph.", "one/a text 2"))
    result = check_story(translated, "es")
    problem = only(result, Code.UNTRANSLATED)
    assert (problem.location.path.name, problem.location.line) == ("one.yaml", 8)
    assert view(result.story, begin(result.story)).text == "Hola, junto a la mesa.\n\nA second paragraph."


def test_a_fuzzy_translation_is_reported_at_its_entry_and_not_used(translated):
    def mark(catalog):
        catalog.get("Hello, {place}.", "one/a text 1").flags.add("fuzzy")

    edit_po(translated, mark)
    result = check_story(translated, "es")
    problem = only(result, Code.TRANSLATION_FUZZY)
    assert problem.location.path == po_path(translated)
    assert problem.location.line == entry(translated, "one/a text 1").lineno
    assert view(result.story, begin(result.story)).text.startswith("Hello, junto a la mesa.")


def test_a_translation_of_text_that_has_since_changed_is_reported_and_not_used(translated):
    (translated / "one.yaml").write_text(ONE.replace("A second paragraph.", "Another paragraph."))
    result = check_story(translated, "es")
    assert "now reads “Another paragraph.”" in only(result, Code.SOURCE_CHANGED).message
    assert view(result.story, begin(result.story)).text.endswith("Another paragraph.")


@pytest.mark.parametrize(
    ("translation", "said"),
    [("Hola.", "lacks {place}"), ("Hola, {place}, {place}.", "has {place}, which the source does not")],
)
def test_a_translation_whose_placeholders_differ_is_reported_and_not_used(translated, translation, said):
    edit_po(translated, lambda c: fill(c, {"one/a text 1": translation}))
    result = check_story(translated, "es")
    assert said in only(result, Code.PLACEHOLDERS_DIFFER).message
    assert view(result.story, begin(result.story)).text.startswith("Hello, junto a la mesa.")


@pytest.mark.parametrize(
    ("translation", "said"),
    [("Hola, {place} {", "a '{' that is never closed"), ("Hola, {lugar}.", "unknown variable 'lugar'")],
)
def test_a_translation_the_source_would_be_refused_for_is_reported_at_its_entry(translated, translation, said):
    edit_po(translated, lambda c: fill(c, {"one/a text 1": translation}))
    result = check_story(translated, "es")
    problem = only(result, Code.TRANSLATION_TEXT)
    assert said in problem.message and problem.location.path == po_path(translated)
    assert result.story is not None  # a translation never stops a story being read


def test_an_entry_for_a_string_no_longer_in_the_story_is_reported(translated):
    edit_po(translated, lambda c: c.add("Gone.", "Ido.", context="one/gone text 1"))
    assert "one/gone text 1" in only(check_story(translated, "es"), Code.TRANSLATION_UNUSED).message


def test_a_value_shown_in_text_with_no_translation_is_reported_where_it_is_set(translated):
    edit_po(translated, lambda c: c.delete("by the window", "value place"))
    problem = only(check_story(translated, "es"), Code.UNTRANSLATED)
    assert (problem.location.path.name, problem.location.line) == ("one.yaml", 11)


# -- format 2: inline variations and expressions --------------------------------------------------
INLINE = """\
title: One
scenes:
  a:
    text: "You walk {if tired: slowly|quickly} to {capitalize(place)}, {sequence: once|again}."
    end: true
"""


@pytest.fixture
def inline_root(story_dir) -> Path:
    root = story_dir({"one.yaml": INLINE}, manifest="format: 2\n" + MANIFEST)
    write_table(root, new="es")
    return root


def read_in_spanish(root: Path, translation: str):
    edit_po(root, lambda c: fill(c, {"one/a text 1": translation, "value place": {"at the table": "la mesa"}}))
    return check_story(root, "es")


def test_an_inline_variation_keeps_its_structure_and_its_words_are_translated(inline_root):
    result = read_in_spanish(
        inline_root, "Caminas {if tired: despacio|deprisa} hacia {capitalize(place)}, {sequence: una vez|otra vez}."
    )
    assert [str(d) for d in result.diagnostics if d.code is not Code.UNTRANSLATED] == []
    assert view(result.story, begin(result.story)).text == "Caminas deprisa hacia La mesa, una vez."


@pytest.mark.parametrize(
    ("translation", "said"),
    [
        (
            "Caminas {if not tired: deprisa|despacio} hacia {capitalize(place)}, {sequence: una|otra}.",
            "lacks {if tired: …|…}",
        ),
        ("Caminas {if tired: despacio} hacia {capitalize(place)}, {sequence: una|otra}.", "has {if tired: …}"),
        ("Caminas {if tired: despacio|deprisa} hacia {place}, {sequence: una|otra}.", "lacks {capitalize(place)}"),
        ("Caminas {if tired: despacio|deprisa} hacia {capitalize(place)}, {cycle: una|otra}.", "has {cycle: …|…}"),
    ],
)
def test_an_inline_variation_or_an_expression_changed_in_translation_is_reported(inline_root, translation, said):
    result = read_in_spanish(inline_root, translation)
    problems = [d.message for d in result.diagnostics if d.code in (Code.PLACEHOLDERS_DIFFER, Code.TRANSLATION_TEXT)]
    assert len(problems) == 1 and said in problems[0], problems
    assert view(result.story, begin(result.story)).text.startswith(
        "You walk quickly to La mesa"
    )  # the source, its value shown


def test_a_value_inside_an_inline_alternative_is_shown_translated(story_dir):
    chapter = 'title: One\nscenes:\n  a:\n    text: "{if not tired: You are {place}.|Rest.}"\n    end: true\n'
    root = story_dir({"one.yaml": chapter}, manifest="format: 2\n" + MANIFEST)
    write_table(root, new="es")
    edit_po(
        root,
        lambda c: fill(
            c,
            {
                "one/a text 1": "{if not tired: Estás {place}.|Descansa.}",
                "value place": {"at the table": "junto a la mesa"},
            },
        ),
    )
    story = load_story(root, "es")
    assert view(story, begin(story)).text == "Estás junto a la mesa."


def test_the_text_keys_format_2_added_are_strings_too(story_dir):
    """A text key the format gains is translatable without a change to the string table."""
    chapter = """\
title: One
scenes:
  a:
    text: A door.
    choices:
      - text: Open it.
        disabled_if: not tired
        reason: It opens when you are tired.
        goto: b
      - text: Wait.
        goto: b
  b:
    text: Inside.
    end: true
"""
    root = story_dir({"one.yaml": chapter}, manifest="format: 2\nwelcome: A short story about a door.\n" + MANIFEST)
    write_table(root, new="es")
    spanish = {
        "story welcome": "Una historia breve sobre una puerta.",
        "one/a choice 1 reason": "Se abre cuando hay cansancio.",
    }
    edit_po(root, lambda c: fill(c, spanish))
    story = load_story(root, "es")
    assert story.welcome == "Una historia breve sobre una puerta."
    (_, _, reason), *_ = view(story, begin(story)).disabled
    assert reason == "Se abre cuando hay cansancio."
