"""Translating a story as its author does it: `experience strings`, then `check`, `walk`, `stats`
and `play` with `--lang`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po, write_po

from experience.cli import main
from experience.cli.arguments import reading_language

from ..helpers import REPO

MANIFEST = "title: Two rooms\nstart: one/a\n"
ONE = """\
title: One
scenes:
  a:
    title: The first room
    text: A quiet room.
    choices:
      - text: Go on.
        goto: b
  b:
    text: The end of the hall.
    end: true
"""
SPANISH = {
    "story title": "Dos habitaciones",
    "one title": "Uno",
    "one/a title": "La primera habitación",
    "one/a text 1": "Una habitación tranquila.",
    "one/a choice 1": "Seguir.",
    "one/b text 1": "El final del pasillo.",
}


@pytest.fixture
def root(story_dir):
    return story_dir({"one.yaml": ONE}, manifest=MANIFEST)


def translate(root, translations=SPANISH) -> None:
    path = root / "locale" / "es.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context in translations:
            message.string = translations[message.context]
    with path.open("wb") as handle:
        write_po(handle, catalog)


@pytest.fixture
def translated(root, capsys):
    assert main(["strings", str(root), "--lang", "es"]) == 0
    capsys.readouterr()
    translate(root)
    return root


def test_strings_writes_the_template_and_starts_the_translation(root, capsys):
    assert main(["strings", str(root), "--lang", "es_ES.UTF-8"]) == 0  # and says so in Spanish
    out = capsys.readouterr().out
    assert f"{root / 'locale' / 'story.pot'}: creado, 6 cadenas" in out
    assert f"{root / 'locale' / 'es_ES.po'}: creado, 0 de 6 traducidas, 6 pendientes" in out
    assert main(["strings", str(root)]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_strings_refuses_a_translation_into_the_storys_own_language(root, capsys):
    assert main(["strings", str(root), "--lang", "en-GB"]) == 2
    assert "written in en" in capsys.readouterr().err


def test_check_with_lang_is_clean_once_every_string_is_translated(translated, capsys):
    assert main(["check", "--strict", "--lang", "es", str(translated)]) == 0
    assert "de «Dos habitaciones», en es" in capsys.readouterr().out  # --lang es: the summary in Spanish too


def test_check_with_lang_says_where_a_string_is_left_to_translate(translated, capsys):
    translate(translated, {"one/b text 1": ""})
    assert main(["check", "--lang", "es", str(translated)]) == 0  # a warning: the source is shown
    assert main(["check", "--strict", "--lang", "es", str(translated)]) == 1
    out = capsys.readouterr().out
    assert f"{translated / 'one.yaml'}:10:11: warning: one/b text 1 aún no tiene traducción a es" in out
    assert f"(su entrada en {translated / 'locale' / 'es.po'}:" in out
    assert "[W602]" in out


def test_walk_and_graph_read_the_story_in_the_language_asked_for(translated, capsys):
    assert main(["walk", "--lang", "es", str(translated), "-n", "20"]) == 0
    assert "de «Dos habitaciones»" in capsys.readouterr().out  # the report in Spanish too
    assert main(["graph", "--lang", "es", "--labels", str(translated)]) == 0
    assert "Seguir." in capsys.readouterr().out


def test_stats_counts_the_words_of_every_language(translated, capsys):
    assert main(["stats", "--lang", "es", str(translated)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("«Dos habitaciones»")  # --lang es: the program’s quotation marks are Spanish too
    lines = {line.split()[0]: line for line in out.splitlines() if line[:3] in ("en ", "es ")}
    assert "(su propio idioma)" in lines["en"]
    assert "6 de 6 cadenas (100\u00a0%)" in lines["es"]


def test_a_language_the_story_has_no_translation_into_is_refused_out_loud(translated, capsys):
    assert main(["walk", "--lang", "fr", str(translated), "-n", "5"]) == 1
    assert "no translation into fr (it has en, es)" in capsys.readouterr().err


def test_a_reader_gets_the_translation_of_their_systems_language_and_else_the_story(translated, monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    assert reading_language(translated, None) == "es-MX"  # served by es.po
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert reading_language(translated, None) is None  # the story's own words, without a word of complaint
    assert reading_language(translated, "fr") == "fr"  # asked for by name: refused out loud when loaded


def test_play_plain_with_lang_reads_the_story_in_that_language(translated, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "experience", "play", str(translated), "--plain", "--lang", "es"]
        + ["--data-dir", str(tmp_path / "data")],
        input="\n1\n\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Uno: La primera habitación" in done.stdout
    assert "Una habitación tranquila.\n\n  1. Seguir." in done.stdout
    assert "El final del pasillo." in done.stdout


def test_a_story_written_in_another_language_says_so_and_the_program_around_it_follows(story_dir, monkeypatch):
    from experience.i18n import Source, resolve_language
    from experience.story import check_story
    from experience.story.load_manifest import declared_language

    root = story_dir({"one.yaml": ONE}, manifest=MANIFEST + "format: 2\nlanguage: es_ES\n")
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert declared_language(root) == "es-ES"
    chosen = resolve_language(None, None, declared_language(root))
    assert (chosen.tag, chosen.source) == ("es-ES", Source.STORY)  # before the system's English
    assert reading_language(root, None) is None  # and read in its own words
    result = check_story(root, "es")
    assert result.diagnostics == [] and result.story.source_language == "es-ES"


def test_strings_refuses_to_touch_anything_while_a_translation_cannot_be_read(translated, capsys):
    po = translated / "locale" / "es.po"
    po.write_text('msgid "a"\nnot a po line\n', encoding="utf-8")
    before = (translated / "locale" / "story.pot").read_text(encoding="utf-8")
    assert main(["strings", str(translated)]) == 1
    assert f"{po}:2:1: error: this is not a PO file" in capsys.readouterr().err
    assert po.read_text(encoding="utf-8") == 'msgid "a"\nnot a po line\n'
    assert (translated / "locale" / "story.pot").read_text(encoding="utf-8") == before
