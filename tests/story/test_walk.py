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


# -- format 2, and the corners ------------------------------------------------------------------------
def test_the_road_to_a_stuck_reader_names_the_choice_taken_when_two_lead_to_the_same_scene(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: Start.\n    choices:\n"
        "      - text: Gently\n        goto: b\n"
        "      - text: Firmly\n        goto: b\n        set: {ready: true}\n"
        "  b:\n    text: B.\n    choices:\n      - text: On\n        goto: c\n        if: not ready\n"
        "  c:\n    text: C.\n    end: true\n"
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\nvariables: {ready: false}\n"))
    report = walk(story, runs=50, seed=1)
    assert "one/a  —“Firmly”→" in format_report(story, report)


def test_choices_never_offered_are_told_apart_from_choices_offered_but_never_taken(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: Start.\n    choices:\n"
        "      - text: Left\n        goto: b\n      - text: Right\n        goto: b\n"
        "      - text: Only when ready\n        goto: b\n        if: ready\n"
        "  b:\n    text: End.\n    end: true\n"
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\nvariables: {ready: false}\n"))
    report = walk(story, runs=1, seed=0)
    assert report.never_offered(story) == ["one/a#3"]  # its `if` never held
    assert report.offered_never_taken(story) in (["one/a#1"], ["one/a#2"])  # one run takes one of the two
    text = format_report(story, report)
    assert "Choices never offered" in text and "Choices offered but never taken: 1" in text


def test_seeking_untried_choices_covers_every_choice_in_fewer_runs(story_dir):
    choices = "".join(f"      - text: Way {n}\n        goto: b\n" for n in range(1, 6))
    chapter = f"title: One\nscenes:\n  a:\n    text: Start.\n    choices:\n{choices}  b:\n    text: B.\n    end: true\n"
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\n"))
    assert walk(story, runs=5, seed=0, seek=True).never_taken(story) == []
    assert any(walk(story, runs=5, seed=seed).never_taken(story) for seed in range(5))  # chance alone misses some


def test_a_walk_follows_branches_detours_that_go_on_and_disabled_choices(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    set: {n: n + 1}\n    text: 'Visit {n}.'\n    choices:\n"
        "      - text: Round\n        goto: [{if: n < 3, to: a}, {to: c}]\n"
        "      - text: Aside\n        detour: p\n        then: c\n"
        "      - text: Out\n        disabled_if: n < 2\n        reason: Not yet.\n        goto: c\n"
        "  p:\n    text: Pause.\n    return: true\n  c:\n    text: End.\n    end: true\n"
    )
    story = load_story(
        story_dir({"one.yaml": chapter}, manifest="title: T\nformat: 2\nstart: one/a\nvariables: {n: 0}\n")
    )
    report = walk(story, runs=200, seed=2)
    assert report.ok and report.never_reached(story) == [] and report.never_taken(story) == []


def test_text_that_can_fail_is_rendered_on_the_walk_but_only_where_it_is_shown(story_dir):
    chapter = "title: One\nscenes:\n  a:\n    text: '{if n > 0: {10 / n} each|none}'\n    end: true\n"
    manifest = "title: T\nformat: 2\nstart: one/a\nvariables: {n: 0}\n"
    assert walk(load_story(story_dir({"one.yaml": chapter}, manifest=manifest)), runs=5).ok
    broken = chapter.replace("{10 / n} each|none", "none|{10 / n} each")
    report = walk(load_story(story_dir({"one.yaml": broken}, manifest=manifest)), runs=5)
    assert [p.kind for p in report.problems.values()] == ["error"]
    assert "division by zero" in next(iter(report.problems.values())).message
