"""The ways through a story that its author names in `route`: found without playing it."""

from __future__ import annotations

from experience.story import load_story
from experience.story.routes import route_chapters, route_names

MANIFEST = 'title: Ways\nstart: first/hello\nvariables:\n  route: "full"\n'
FIRST = """\
title: First
scenes:
  hello:
    text: Hello.
    goto: fork
  fork:
    text: How much time is there today?
    choices:
      - text: Only a little.
        set: {route: '"short"'}
        goto: last/z
      - text: Plenty.
        set: {route: '"full"'}
        goto: middle/a
      - text: A little, and once the middle was seen, something extra.
        if: route == "short" and seen("middle/a")
        goto: extra/x
"""
MIDDLE = """\
title: Middle
scenes:
  a:
    text: Middle.
    choices:
      - text: On.
        goto: last/z
      - text: The short way after all.
        set: {route: '"short"'}
        goto: extra/x
"""
LAST = "title: Last\nscenes:\n  z:\n    text: End.\n    end: true\n"
EXTRA = "title: Extra\nscenes:\n  x:\n    text: Extra.\n    goto: last/z\n"


def ways(story_dir):
    files = {"first.yaml": FIRST, "middle.yaml": MIDDLE, "last.yaml": LAST, "extra.yaml": EXTRA}
    return load_story(story_dir(files, manifest=MANIFEST))


def test_the_ways_are_the_starting_value_and_each_value_a_choice_sets(story_dir):
    assert route_names(ways(story_dir)) == ("full", "short")


def test_a_story_without_a_route_has_no_ways_to_tell_apart(story_dir):
    story = load_story(story_dir({"last.yaml": LAST}, manifest="title: One\nstart: last/z\n"))
    assert route_names(story) == ()


def test_a_choice_that_sets_another_route_leaves_this_one(story_dir):
    story = ways(story_dir)
    assert route_chapters(story, "full") == {"first", "middle", "last"}  # "after all" is not followed


def test_a_condition_on_route_is_weighed_with_nothing_seen_yet(story_dir):
    story = ways(story_dir)
    assert route_chapters(story, "short") == {"first", "last"}  # seen(...) is false at the start
