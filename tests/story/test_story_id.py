"""A story's `id`: its lasting name, which readers' saves are filed under (see progress/filing.py)."""

from __future__ import annotations

from experience.scaffold import story_id
from experience.story import check_story
from experience.story.model import title_key

CHAPTER = """\
title: One
scenes:
  a:
    text: Hello.
    end: true
"""


def manifest(extra: str = "") -> str:
    return f"title: A story\n{extra}start: one/a\n"


def test_a_story_without_an_id_is_filed_under_its_title_with_capitals_and_punctuation_set_aside(story_dir):
    story = check_story(story_dir({"one.yaml": CHAPTER}, manifest=manifest())).story
    assert story is not None and story.id == ""
    assert story.key == title_key("A story") == title_key("a  STORY!")
    assert title_key("A story") != title_key("Another story")


def test_a_story_with_an_id_is_filed_under_it(story_dir):
    story = check_story(story_dir({"one.yaml": CHAPTER}, manifest=manifest("id: a-story\n"))).story
    assert story is not None and story.key == "a-story"


def test_an_id_that_is_not_lowercase_letters_digits_and_dashes_is_a_located_error(story_dir):
    root = story_dir({"one.yaml": CHAPTER}, manifest=manifest("id: A Story\n"))
    found = [d for d in check_story(root).diagnostics if d.code == "E106"]
    assert len(found) == 1
    assert "'A Story' cannot be the story's id" in found[0].message
    assert (found[0].location.path.name, found[0].location.line) == ("story.yaml", 2)


def test_no_id_can_be_mistaken_for_a_title_key(story_dir):
    root = story_dir({"one.yaml": CHAPTER}, manifest=manifest(f"id: {title_key('A story')}\n"))
    assert any(d.code == "E106" for d in check_story(root).diagnostics)


def test_a_new_story_gets_an_id_from_its_folder_or_else_its_title(tmp_path):
    assert story_id(tmp_path / "My Quiet Room", "anything") == "my-quiet-room"
    assert story_id(tmp_path / "日本", "Café au lait") == "cafe-au-lait"
    assert story_id(tmp_path / "日本", "日本") == "my-story"
