"""`letter: true` marks a scene's text as the reader's letter: a plain key, checked like any other."""

from __future__ import annotations

from experience.story import check_story
from experience.story.schema import chapter_schema

LETTER_SCENE = """\
title: One
scenes:
  a:
    text: Dear me, {need}
    letter: {value}
    end: true
"""
MANIFEST = 'title: A letter\nstart: one/a\nvariables:\n  need: ""\n'


def test_a_scene_marked_as_the_letter_loads_with_the_mark(story_dir):
    root = story_dir({"one.yaml": LETTER_SCENE.replace("{value}", "true")}, manifest=MANIFEST)
    result = check_story(root)
    assert result.diagnostics == [] and result.story.scenes["one/a"].letter


def test_a_scene_is_no_letter_unless_it_says_so(story_dir):
    root = story_dir({"one.yaml": LETTER_SCENE.replace("    letter: {value}\n", "")}, manifest=MANIFEST)
    assert not check_story(root).story.scenes["one/a"].letter


def test_a_letter_that_is_not_true_or_false_is_an_error_at_its_place(story_dir):
    root = story_dir({"one.yaml": LETTER_SCENE.replace("{value}", "yes please")}, manifest=MANIFEST)
    (problem,) = check_story(root).diagnostics
    assert problem.message == "letter should be true or false, not the text 'yes please'"
    assert (problem.location.line, problem.location.column) == (5, 13)


def test_the_schema_describes_the_letter_key():
    scene = chapter_schema()["$defs"]["scene"]["properties"]
    assert scene["letter"]["type"] == "boolean"
