"""A story's string tables and the format's own description, for an author who reads Spanish:
`check --lang es` says what is left of a translation in Spanish, located and with its code;
`experience strings` and `experience schema` follow the language; the files they write never do."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po, write_po

from experience.cli import main

MANIFEST = 'title: Two rooms\nstart: one/a\nvariables:\n  name: "friend"\n'
ONE = """\
title: One
scenes:
  a:
    title: The first room
    text: Hello, {name}.
    choices:
      - text: Go on.
        goto: b
  b:
    text: The end of the hall.
    end: true
"""
DONE = {"story title": "Dos habitaciones", "one title": "Uno", "one/a choice 1": "Seguir.", "value name": "amigo"}
LOCATED = r"{path}:(\d+):(\d+): "  # file:line:column, as the English says it


def edit(po, change) -> None:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context:
            change(message)
    with po.open("wb") as handle:
        write_po(handle, catalog)


def half_done(message) -> None:
    """One string done, one missing (one/b), one fuzzy (a title), one with a broken {…}."""
    if message.context in DONE:
        message.string = DONE[message.context]
    elif message.context == "one/a title":
        message.string = "La primera habitación"
        message.flags.add("fuzzy")
    elif message.context == "one/a text 1":
        message.string = "Hola, amigo."  # the {name} left out


@pytest.fixture
def root(story_dir):
    return story_dir({"one.yaml": ONE}, manifest=MANIFEST)


@pytest.fixture
def translated(root, capsys):
    assert main(["strings", str(root), "--lang", "es"]) == 0
    capsys.readouterr()
    edit(root / "locale" / "es.po", half_done)
    return root


def test_check_in_spanish_says_what_is_left_of_a_translation_located_and_with_its_code(translated, capsys):
    assert main(["check", "--strict", "--lang", "es", str(translated)]) == 1
    out = capsys.readouterr().out
    po, story = re.escape(str(translated / "locale" / "es.po")), re.escape(str(translated / "one.yaml"))
    missing = (
        LOCATED.format(path=story) + r"\w+: one/b text 1 aún no tiene traducción a es \(su entrada en .*es\.po:\d+:1 "
    )
    assert re.search(missing + r"está vacía\); se muestra el original \[W602\]", out), out
    fuzzy = LOCATED.format(path=po) + r"\w+: la traducción de one/a title \(.*one\.yaml:4:12\) está marcada "
    assert re.search(fuzzy + r"como desactualizada \(«fuzzy»\): compárala con el original .* \[W603\]", out), out
    broken = LOCATED.format(path=po) + r"\w+: a la traducción de one/a text 1 le falta \{name\}; deja cada \{…\} "
    assert re.search(broken + r"como lo escribe el original \(hasta entonces se muestra el original\) \[W605\]", out)
    assert "not translated" not in out and "marked fuzzy" not in out and "lacks" not in out


def test_a_translation_that_does_not_parse_is_said_in_spanish_where_it_breaks(translated, capsys):
    po = translated / "locale" / "es.po"
    po.write_text('msgid "a"\nnot a po line\n', encoding="utf-8")
    assert main(["check", "--lang", "es", str(translated)]) == 1
    assert f"{po}:2:1: error: esto no es un archivo PO tal como lo escribe gettext (" in capsys.readouterr().out


def test_strings_speaks_the_systems_spanish(translated, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    (translated / "one.yaml").write_text(ONE.replace("The end of the hall.", "The end of the long hall."))
    assert main(["strings", str(translated)]) == 0
    out = capsys.readouterr().out
    assert f"{translated / 'locale' / 'story.pot'}: actualizado, 7 cadenas\n" in out
    assert (
        f"{translated / 'locale' / 'es.po'}: actualizado, 5 de 7 traducidas, 1 por revisar (desactualizada, «fuzzy»)"
        in out
    )
    assert out.endswith(", 2 pendientes\n")


def test_the_notes_for_translators_are_in_the_storys_own_language_whoever_runs_strings(root, monkeypatch, capsys):
    assert main(["strings", str(root)]) == 0
    template = (root / "locale" / "story.pot").read_text(encoding="utf-8")
    assert "#. The story's title, shown on the welcome screen." in template
    capsys.readouterr()
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert main(["strings", str(root), "--lang", "es"]) == 0
    assert "story.pot: sin cambios, 7 cadenas" in capsys.readouterr().out
    assert (root / "locale" / "story.pot").read_text(encoding="utf-8") == template


def test_a_story_written_in_spanish_gets_its_notes_for_translators_in_spanish(story_dir, capsys):
    root = story_dir({"one.yaml": ONE}, manifest=MANIFEST + "format: 2\nlanguage: es\n")
    assert main(["strings", str(root)]) == 0  # the program itself speaks English here
    template = (root / "locale" / "story.pot").read_text(encoding="utf-8")
    assert "#. El título de la historia, que aparece en la pantalla de bienvenida." in template
    assert 'msgid "Hello, {name}."' in template  # the story's own words, never translated
    assert "#. Deja cada {…} tal como está escrito" in template
    assert main(["strings", str(root), "--lang", "es-MX"]) == 2
    assert "la historia está escrita en es; no necesita traducirse a ese idioma" in capsys.readouterr().err


def _shape(schema):
    """A schema with its words left out: what validates, which must not change with the language."""
    if isinstance(schema, dict):
        words = {"title", "description", "errorMessage", "patternErrorMessage"}
        return {k: _shape(v) for k, v in schema.items() if k not in words or not isinstance(v, str)}
    if isinstance(schema, list):
        return [_shape(v) for v in schema]
    return schema


@pytest.mark.parametrize("which", ["chapter", "story"])
def test_the_schema_says_what_each_key_is_for_in_spanish_and_validates_the_same(which, capsys):
    assert main(["schema", which]) == 0
    english = json.loads(capsys.readouterr().out)
    assert main(["schema", which, "--lang", "es"]) == 0
    spanish = json.loads(capsys.readouterr().out)
    assert _shape(spanish) == _shape(english)
    assert spanish["properties"]["title"]["description"] != english["properties"]["title"]["description"]
    if which == "chapter":
        scene = spanish["$defs"]["scene"]
        assert scene["properties"]["gentler"]["description"].startswith("Adónde lleva el camino más suave")
        assert scene["anyOf"][0]["errorMessage"] == "una escena necesita una de choices, goto, end, return o detour"
