"""A scene's ways out, defined once, and the paths through a story that follow them."""

from __future__ import annotations

import pytest

from experience.story import load_story
from experience.story.model import ExitKind, reachable

MANIFEST = "title: Paths\nstart: one/a\nvariables: {warm: false}\n"

ONE = """\
title: One
scenes:
  a:
    text: Start.
    choices:
      - text: On
        goto: b
      - text: When warm
        goto: c
        if: warm
      - text: Pause
        detour: two/breath
  b:
    text: Heavy.
    intensity: deep
    content_note: a hard memory
    gentler: c
    goto: c
  c:
    text: End.
    intensity: gentle
    end: true
"""

TWO = """\
title: Two
scenes:
  breath:
    text: Breathe.
    choices:
      - text: Back
        return: true
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir({"one.yaml": ONE, "two.yaml": TWO}, manifest=MANIFEST))


def test_a_scenes_exits_are_its_choices_in_order_each_with_where_it_leads(story):
    exits = story.scenes["one/a"].exits()
    assert [(e.target, e.kind, e.conditional) for e in exits] == [
        ("one/b", ExitKind.GOTO, False),
        ("one/c", ExitKind.GOTO, True),
        ("two/breath", ExitKind.DETOUR, False),
    ]
    assert [e.choice.index for e in exits if e.choice] == [1, 2, 3]


def test_a_scene_without_choices_goes_on_and_offers_its_gentler_path_last(story):
    exits = story.scenes["one/b"].exits()
    assert [(e.target, e.kind, e.choice) for e in exits] == [
        ("one/c", ExitKind.CONTINUE, None),
        ("one/c", ExitKind.GENTLER, None),
    ]


def test_a_return_is_an_exit_with_nowhere_fixed_to_go(story):
    (back,) = story.scenes["two/breath"].exits()
    assert back.kind is ExitKind.RETURN and back.target is None and back.choice is not None


def test_a_detour_is_reachable_but_not_on_the_main_path(story):
    assert reachable(story) == {"one/a", "one/b", "one/c", "two/breath"}
    assert story.main_path == {"one/a", "one/b", "one/c"}
    assert reachable(story, "one/b") == {"one/b", "one/c"}
