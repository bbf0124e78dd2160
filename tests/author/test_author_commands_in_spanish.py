"""The author's commands in Spanish: argparse's own words, the reports, the graph's labels, the
transcripts and the language server all follow `--lang es` (or a Spanish system locale), while
what programs read (JSON, DOT, a transcript's markers) stays as it is."""

from __future__ import annotations

import io
import json
import sys

import pytest

from experience.cli import main
from experience.i18n import use_language

WALKED = {
    "story.yaml": """\
        title: Dos habitaciones
        format: 2
        language: es
        start: one/a
        """,
    "one.yaml": """\
        title: Uno
        scenes:
          a:
            text: Una puerta.
            choices:
              - text: Entrar
                goto: b
          b:
            text: Una ventana.
            end: true
        """,
}


@pytest.fixture
def spanish_system(monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")


def test_the_help_of_experience_is_in_spanish_with_a_spanish_locale_argparses_words_too(spanish_system, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: experience")
    assert "opciones:" in out and "mostrar esta ayuda y salir" in out
    assert "usage:" not in out and "show this help message" not in out
    assert "revisar una historia en busca de errores y avisos" in out  # check's own line


def test_an_argparse_error_is_in_spanish_with_lang_es(capsys):
    with pytest.raises(SystemExit) as done:
        main(["walk", "--lang", "es", "--format", "yaml"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "experience walk: error: argumento --format: 'yaml' no es una de las posibilidades" in err
    assert "invalid choice" not in err


def test_a_missing_argument_is_said_in_spanish(spanish_system, capsys):
    with pytest.raises(SystemExit):
        main(["record"])
    assert "faltan estos argumentos, que son obligatorios: -o/--output" in capsys.readouterr().err


def test_walk_with_lang_es_reports_in_spanish_and_its_json_stays_as_it_was(story_dir, capsys):
    root = story_dir(WALKED)
    assert main(["walk", "--lang", "es", str(root), "-n", "10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("10 recorridos al azar de «Dos habitaciones» (semilla 0) en ")
    assert "Finales alcanzados (1 de 1):" in out and "Escenas nunca alcanzadas: ninguna" in out
    assert main(["walk", "--lang", "es", str(root), "-n", "10", "--format", "json"]) == 0
    english = json.loads(capsys.readouterr().out)
    use_language(None)
    assert main(["walk", str(root), "-n", "10", "--format", "json"]) == 0
    assert {k: v for k, v in english.items() if k != "seconds"} == {
        k: v for k, v in json.loads(capsys.readouterr().out).items() if k != "seconds"
    }


def test_check_says_its_summary_in_spanish(story_dir, capsys):
    assert main(["check", "--lang", "es", str(story_dir(WALKED))]) == 0
    assert ": 0 errores, 0 avisos (2 escenas en 1 capítulo de «Dos habitaciones»)" in capsys.readouterr().out


def test_stats_heads_its_table_in_spanish_with_the_columns_lined_up(story_dir, capsys):
    assert main(["stats", "--lang", "es", str(story_dir(WALKED))]) == 0
    lines = capsys.readouterr().out.splitlines()
    header, rule, row = lines[2], lines[3], lines[4]
    assert header.split() == ["movimiento", "capítulos", "escenas", "palabras", "lectura", "preguntas"] + [
        "profundas",
        "finales",
        "taller",
    ]
    assert len(header) == len(rule) == len(row)
    assert "menos de un minuto" in row


def test_graph_translates_its_own_labels_and_keeps_the_storys_words(story_dir, capsys):
    chapter = WALKED["one.yaml"].replace(
        "goto: b\n", "goto: b\n              - text: Asomarse\n                detour: c\n"
    )
    chapter = chapter.rstrip(" ") + "          c:\n            title: La ventana\n            text: Fuera llueve.\n"
    chapter += "            return: true\n"
    root = story_dir({**WALKED, "one.yaml": chapter})
    assert main(["graph", "--lang", "es", "--format", "dot", str(root)]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith('digraph "Dos habitaciones" {')  # DOT's own words, and the story's
    assert '"one/a" -> "one/c" [style=dotted, label="desvío"];' in dot
    assert 'label="La ventana ↩"' in dot


def test_a_transcript_recorded_in_spanish_replays_in_spanish_whatever_the_locale(
    story_dir, tmp_path, monkeypatch, capsys
):
    root = story_dir(WALKED)
    pinned = tmp_path / "es.transcript"
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n\n"))
    assert main(["record", str(root), "--lang", "es", "-o", str(pinned)]) == 0
    text = pinned.read_text(encoding="utf-8")
    assert "\nlang: es\n" in text and "# Un recorrido, fijado." in text
    assert "\n@ one/a\n> 1\n" in text  # the format's own markers, the same in every language
    use_language(None)
    capsys.readouterr()
    assert main(["replay", str(root), str(pinned)]) == 0
    assert capsys.readouterr().out.startswith("same ")
