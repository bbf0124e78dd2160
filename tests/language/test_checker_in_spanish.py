"""The checker reading a story's files in Spanish: every message in the author's language, and
everything a program reads (the place, the severity word, the code, the JSON's keys and values
but the message) the same as in English, so editors, CI and scripts keep working."""

from __future__ import annotations

import json

import pytest

from experience import cli
from experience.i18n import use_language
from experience.story import CODES, Code, load_story

from ..conftest import write_story

STORY = "title: Roto\nstart: uno/a\n"
CHAPTER = """\
title: Uno
scenes:
  a:
    text: Hola
    tilte: x
    choices:
      - text: Sigue
        goto: bee
  b:
    text: Adiós
    end: true
"""
SLIP = "title: Dos\nscenes:\n  a:\n    text: hola\n     goto: b\n"  # a key indented one space too far


@pytest.fixture
def broken(tmp_path):
    root = write_story(tmp_path / "roto", {"story.yaml": STORY, "uno.yaml": CHAPTER, "dos.yaml": SLIP})
    (root / "notas.yml").write_text("title: x\n", encoding="utf-8")
    (root / "latin.yaml").write_bytes("title: Café\n".encode("latin-1"))
    return root


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def _expect_spanish(lines: list[str], root) -> None:
    assert (
        f"{root / 'dos.yaml'}:5:10: error: sintaxis de YAML: la línea 5 ('goto: b') tiene más sangría que "
        "'text:' en la línea 4, así que YAML la lee como parte de ese valor, y se detiene en su ': '; para que "
        "sea una clave propia, dale la sangría de 'text:' (4 espacios); si es un texto con dos puntos, ponlo "
        "entre comillas o usa un bloque (text: |) [E003]"
    ) in lines
    assert (
        f"{root / 'uno.yaml'}:5:5: error: clave desconocida 'tilte' en la escena 'a'; ¿querías decir 'title'? [E101]"
    ) in lines
    assert (
        f"{root / 'uno.yaml'}:8:15: error: goto nombra la escena 'bee', que no está en el capítulo 'uno'; "
        "¿querías decir 'b'? [E200]"
    ) in lines
    assert (
        f"{root / 'notas.yml'}: warning: 'notas.yml' no se lee: los archivos de capítulo terminan en .yaml [W404]"
    ) in lines
    assert (
        f"{root / 'latin.yaml'}:1:11: error: el archivo no está en UTF-8 (no se puede leer el byte 0xe9); "
        "guárdalo como UTF-8 en tu editor [E001]"
    ) in lines


def test_check_with_lang_es_says_each_problem_in_spanish_at_its_place_with_its_code(broken, capsys):
    assert cli.main(["check", str(broken), "--lang", "es"]) == 1
    _expect_spanish(_lines(capsys), broken)


def test_check_in_a_spanish_locale_says_each_problem_in_spanish(broken, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert cli.main(["check", str(broken)]) == 1
    _expect_spanish(_lines(capsys), broken)


def test_the_json_of_a_check_in_spanish_differs_from_the_english_only_in_its_messages(broken, capsys, monkeypatch):
    cli.main(["check", str(broken), "--format", "json"])
    english = json.loads(capsys.readouterr().out)
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    cli.main(["check", str(broken), "--format", "json"])
    spanish = json.loads(capsys.readouterr().out)

    def without_messages(report):
        return {**report, "diagnostics": [{**d, "message": None} for d in report["diagnostics"]]}

    assert without_messages(spanish) == without_messages(english)
    said = [(e["message"], s["message"]) for e, s in zip(english["diagnostics"], spanish["diagnostics"], strict=True)]
    assert all(e != s for e, s in said)


def test_a_codes_summary_is_shown_in_the_language_in_use_and_the_guides_table_stays_english():
    use_language("es")
    assert str(Code.UNKNOWN_KEY.summary) == "clave desconocida"
    assert str(Code.FILE_TOO_LARGE.summary) == "archivo demasiado grande (4 MiB)"
    assert CODES["E101"] == "unknown key" and CODES["E002"] == "file too large (4 MiB)"


def test_a_random_roll_is_the_same_whatever_language_the_story_was_read_in(tmp_path):
    """Where a random() is written fixes its roll, and messages name that place in words: the
    words must not change a reader's rolls when they change their language."""
    root = write_story(
        tmp_path / "dados",
        {
            "story.yaml": "title: Dados\nstart: uno/a\nvariables:\n  roll: 0\n",
            "uno.yaml": "title: Uno\nscenes:\n  a:\n    text: x\n    set: {roll: 'random(1, 1000000)'}\n    end: true\n",
        },
    )
    from experience.story.engine import begin

    english = [begin(load_story(root), seed).variables["roll"] for seed in range(5)]
    use_language("es")
    assert [begin(load_story(root), seed).variables["roll"] for seed in range(5)] == english
