"""Random play-throughs find what authors cannot find by hand."""

from __future__ import annotations

from experience.story import load_story
from experience.story.walk import format_report, report_json, walk

ROUTES = """\
title: One
scenes:
  a:
    text: Start.
    choices:
      - text: Left
        goto: left
      - text: Right
        goto: right
  left:
    text: Left.
    end: true
  right:
    text: Right.
    choices:
      - text: Only when ready
        goto: left
        if: ready
      - text: Loop
        goto: a
        once: true
"""


def test_a_healthy_story_reaches_every_scene_and_ending(story_dir):
    story = load_story(
        story_dir(
            {"one.yaml": ROUTES.replace("if: ready", "if: not ready")},
            manifest="title: T\nstart: one/a\nvariables: {ready: false}\n",
        )
    )
    report = walk(story, runs=300, seed=1)
    assert report.ok
    assert report.never_reached(story) == [] and report.endings_never_reached(story) == []
    assert sum(report.endings.values()) == 300
    assert len(report.lengths) == 300


def test_a_stuck_reader_is_found_with_the_path_that_led_there(story_dir):
    story = load_story(story_dir({"one.yaml": ROUTES}, manifest="title: T\nstart: one/a\nvariables: {ready: false}\n"))
    report = walk(story, runs=200, seed=3)
    assert not report.ok
    problem = next(iter(report.problems.values()))
    assert problem.kind == "stuck" and problem.scene == "one/right"
    assert problem.path[0] == "one/a" and problem.path[-1] == "one/right"
    text = format_report(story, report)
    assert "stuck at one/right" in text and "one/a  —“Right”→" in text and "values then: ready = no" in text
    assert "Only when ready" in text  # a choice never taken is named with its words


def test_the_same_seed_gives_the_same_walk(story_dir):
    story = load_story(
        story_dir(
            {"one.yaml": ROUTES.replace("if: ready", "if: not ready")},
            manifest="title: T\nstart: one/a\nvariables: {ready: false}\n",
        )
    )
    a, b = walk(story, runs=100, seed=9), walk(story, runs=100, seed=9)
    assert a.endings == b.endings and a.lengths == b.lengths


def test_runtime_errors_are_reported_not_raised(story_dir):
    chapter = "title: One\nscenes:\n  a:\n    text:\n      - if: 1 / n > 0\n        text: x\n      - y\n    end: true\n"
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\nvariables: {n: 0}\n"))
    report = walk(story, runs=10)
    assert [p.kind for p in report.problems.values()] == ["error"]
    assert "division by zero" in next(iter(report.problems.values())).message


def test_endless_loops_are_counted_not_hung(story_dir):
    chapter = "title: One\nscenes:\n  a:\n    text: x\n    goto: b\n  b:\n    text: y\n    goto: a\n  c:\n    text: z\n    end: true\n"
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\n"))
    report = walk(story, runs=5, max_steps=50)
    assert report.unfinished == 5
    assert report_json(story, report)["endings_never_reached"] == ["one/c"]
