"""A story file cannot act on the terminal of whoever checks it, reads its statistics or plays it.

YAML's double quotes can write any character: `"\\e]52;c;...\\a"` is an OSC 52 clipboard write.
`check`, `stats`, `walk` and the full-screen player printed such titles and texts raw, so
checking a shared story folder could write the author's clipboard. Now the loader refuses them
where they are (E007), the JSON Schema says so to an editor, and every report shows what it quotes
through `terminal_safe`.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from experience.story import check_story
from experience.story.codes import Code
from experience.story.schema import chapter_schema, manifest_schema

from .terminals import run_experience

HOSTILE_MANIFEST = 'title: "Clip \\e]52;c;aGVsbG8=\\a board"\nstart: one/a\nvariables:\n  role: "\\e[2J"\n'
HOSTILE_CHAPTER = """\
title: "One \\u202e"
scenes:
  a:
    title: "\\ec reset"
    text: "Hello \\e]52;c;aGVsbG8=\\a there"
    choices:
      - text: "on \\x9b2J"
        set: {role: '"\\x1b[31m"'}
        goto: b
      - text: "stay"
        goto: b
  "b\\e":
    text: fine
    end: true
"""


@pytest.fixture
def hostile_story(story_dir):
    return story_dir({"one.yaml": HOSTILE_CHAPTER}, manifest=HOSTILE_MANIFEST)


def test_the_loader_refuses_control_characters_where_they_are_written(hostile_story):
    found = {
        (d.location.path.name, d.location.line, d.location.column)
        for d in check_story(hostile_story).diagnostics
        if d.code is Code.CONTROL_CHARACTER
    }
    assert found == {
        ("story.yaml", 1, 14),  # the title's ESC
        ("story.yaml", 4, 10),  # a variable's start
        ("one.yaml", 1, 13),  # a RIGHT-TO-LEFT OVERRIDE in the chapter's title
        ("one.yaml", 4, 13),  # a scene's title
        ("one.yaml", 5, 18),  # its text
        ("one.yaml", 7, 19),  # a choice's CSI
        ("one.yaml", 8, 22),  # a text written inside an expression, with Python's escape
        ("one.yaml", 12, 5),  # a scene's name
    }


@pytest.mark.parametrize("command", ["check", "stats", "walk", "graph", "runsheet", "play"])
def test_no_command_prints_a_story_files_control_characters(hostile_story, command):
    done = run_experience(command, str(hostile_story), *(["--plain"] if command == "play" else []))
    assert done.returncode == 1
    everything = done.stdout + done.stderr
    assert not [c for c in (b"\x1b", b"\x07", "\u202e".encode(), "\x9b".encode()) if c in everything]
    assert b"E007" in everything


def test_the_json_schema_refuses_control_characters_and_numbers_out_of_range():
    chapter = jsonschema.Draft202012Validator(chapter_schema())
    assert not chapter.is_valid({"title": "a\x1bb", "scenes": {"a": {"text": "x", "end": True}}})
    assert not chapter.is_valid({"title": "t", "scenes": {"a": {"text": "x\u202e", "end": True}}})
    assert not chapter.is_valid({"title": "t", "minutes": 10**16, "scenes": {"a": {"text": "x", "end": True}}})
    assert chapter.is_valid({"title": "tabs\tand\nlines, é", "scenes": {"a": {"text": "x", "end": True}}})
    manifest = jsonschema.Draft202012Validator(manifest_schema())
    assert not manifest.is_valid({"title": "T", "start": "a/b", "variables": {"n": 10**16}})
    assert not manifest.is_valid({"title": "T", "start": "a/b", "variables": {"s": "\x07"}})


def test_a_translation_with_a_control_character_is_refused_where_the_translator_wrote_it(tmp_path):
    import shutil

    from ..helpers import REPO

    root = Path(shutil.copytree(REPO / "scenes", tmp_path / "story"))
    po = root / "locale" / "es.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Volver a casa', 'msgstr "\x1b]52;c;aGk=\x07 Volver a casa', 1)
    )
    result = check_story(root, "es")
    (refused,) = [d for d in result.diagnostics if "U+001B" in d.message]
    assert refused.code is Code.TRANSLATION_TEXT
    assert (refused.location.path.name, refused.location.line) == ("es.po", 25)
    assert result.story is not None and result.story.title == "Coming Home to Yourself"  # the source, shown instead
