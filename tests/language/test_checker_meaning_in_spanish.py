"""The checker's words about what a story means, and the engine's, in Spanish: every sentence
translated, and everything a program reads (file:line:col, codes, JSON keys, the syntax an
example shows) kept exactly as it is."""

from __future__ import annotations

import json

import pytest

from experience.cli import main
from experience.i18n import use_language
from experience.story import StoryRuntimeError, begin, load_story, take

MANIFEST = "title: Una historia con tropiezos\nlanguage: es\nformat: 2\nstart: one/a\nvariables:\n  ternura: 0\n"
SLIPS = """\
title: Uno
scenes:
  a:
    text: "Empiezas {if cansada despacio|deprisa}. {capitalise(nombre)} espera."
    choices:
      - text: Seguir
        if: ternuras > 2
        goto: b
      - text: Volver
        goto: nowhere
      - text: Quedarse
        goto: b
  b:
    text: Hola.
    end: true
"""


def _checked(story_dir, capsys, *options: str) -> tuple[str, str]:
    root = story_dir({"one.yaml": SLIPS}, manifest=MANIFEST)
    assert main(["check", *options, "--lang", "es", str(root)]) == 1
    return str(root / "one.yaml"), capsys.readouterr().out


def test_check_in_spanish_says_each_slip_in_spanish_keeping_its_place_and_code(story_dir, capsys):
    path, out = _checked(story_dir, capsys)
    lines = out.splitlines()
    assert f"{path}:7:13: error: no hay ninguna variable 'ternuras'; ¿querías decir 'ternura'? [E301]" in lines
    assert f"{path}:4:53: error: no hay ninguna función 'capitalise'; ¿querías decir 'capitalize'? [E302]" in lines
    assert (
        f"{path}:4:21: error: '{{if …}}' necesita dos puntos después de su condición, "
        "como en {if tired: slowly|quickly} [E306]"
    ) in lines
    (goto,) = [line for line in lines if line.startswith(f"{path}:10:15: ")]  # the unknown scene
    assert goto.endswith("[E200]") and "'nowhere'" in goto


def test_check_in_spanish_as_json_keeps_its_keys_and_codes_and_says_the_message_in_spanish(story_dir, capsys):
    path, out = _checked(story_dir, capsys, "--format", "json")
    found = {(d["path"], d["line"], d["column"], d["code"]): d["message"] for d in json.loads(out)["diagnostics"]}
    assert found[(path, 7, 13, "E301")] == "no hay ninguna variable 'ternuras'; ¿querías decir 'ternura'?"
    assert found[(path, 4, 53, "E302")] == "no hay ninguna función 'capitalise'; ¿querías decir 'capitalize'?"


def test_an_error_while_playing_is_said_in_spanish_with_the_expression_as_written(story_dir):
    chapter = (
        "title: Uno\nscenes:\n  a:\n    text: Empiezas.\n    choices:\n      - text: Seguir\n"
        "        set:\n          ternura: 10 / ternura\n        goto: b\n  b:\n    text: Hola.\n    end: true\n"
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    state = begin(story)
    use_language("es")
    with pytest.raises(StoryRuntimeError) as raised:  # whose words the walk report and the player show
        take(story, state, story.scenes["one/a"].choices[0])
    assert raised.value.reason == "hay una división entre cero en '10 / ternura'"
