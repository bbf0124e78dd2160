"""The facilitator's run-sheet: generated from the story, with a clock that adds up."""

from __future__ import annotations

from datetime import date

from experience.bundled import bundled_story
from experience.cli import main
from experience.story import load_story
from experience.workshop.plan import propose
from experience.workshop.runsheet import build, movement_markdown, to_markdown
from experience.workshop.runsheet_html import to_html

ONE = """\
title: Arriving
movement: First
minutes: 15
facilitator: Let the room settle.
scenes:
  a:
    title: Hello
    minutes: 5
    text: Hi.
    reflect: {prompt: What brought you here?}
    choices:
      - text: On
        goto: two/deep
      - text: Pause
        detour: pause/breath
"""
TWO = """\
title: Deeper <water>
movement: Second
minutes: 20
scenes:
  deep:
    title: The deep end
    intensity: deep
    content_note: Touches on loss.
    gentler: shallow
    facilitator: Watch the room.
    text: Deep.
    choices:
      - text: Pause
        detour: pause/breath
      - text: On
        goto: shallow
  shallow:
    text: Shallow.
    intensity: gentle
    end: true
"""
PAUSE = "title: Pause\nscenes:\n  breath:\n    text: Breathe.\n    return: true\n"


def sheet(story_dir):
    return build(
        load_story(
            story_dir(
                {"one.yaml": ONE, "two.yaml": TWO, "pause.yaml": PAUSE}, manifest="title: Workshop\nstart: one/a\n"
            )
        )
    )


def test_movements_follow_the_story_with_a_running_clock(story_dir):
    s = sheet(story_dir)
    assert [(m.name, m.start, m.minutes) for m in s.movements] == [("First", 0, 15), ("Second", 15, 20)]
    assert s.total_minutes == 35
    assert [c.chapter.id for c in s.side_paths] == ["pause"]


def test_markdown_carries_notes_content_notes_pauses_and_reflections(story_dir):
    text = to_markdown(sheet(story_dir), today=date(2026, 1, 2))
    assert text.startswith("# Run-sheet: Workshop\n")
    assert "**Total running time:** 35 min (0:35)" in text and "on 2026-01-02" in text
    assert "| 0:15 | Second | 20 min |" in text
    assert "> Let the room settle." in text
    assert "#### The deep end · `two/deep` · **deep**" in text
    assert "- **Content note:** Touches on loss." in text
    assert "- **Gentler path:** `two/shallow`" in text
    assert "- **Facilitator:** Watch the room." in text
    assert "“What brought you here?”" in text
    assert "- **Pause point:**" in text
    assert "## Side paths, open at any time" in text


def test_html_is_escaped_and_printable(story_dir):
    text = to_html(sheet(story_dir))
    assert "Deeper &lt;water&gt;" in text and "<water>" not in text
    assert "@media print" in text


def test_the_command_writes_markdown_or_html(story_dir, tmp_path):
    root = story_dir(
        {"one.yaml": ONE, "two.yaml": TWO, "pause.yaml": PAUSE}, manifest="title: Workshop\nstart: one/a\n"
    )
    assert main(["runsheet", str(root), "-o", str(tmp_path / "plan.html")]) == 0
    assert (tmp_path / "plan.html").read_text().startswith("<!doctype html>")
    assert main(["runsheet", str(root), "-o", str(tmp_path / "plan.md")]) == 0
    assert (tmp_path / "plan.md").read_text().startswith("# Run-sheet")


def test_story_html_in_markdown_is_shown_as_text_never_passed_through(story_dir):
    text = to_markdown(sheet(story_dir))
    assert "Deeper &lt;water&gt;" in text and "<water>" not in text


def test_an_untitled_scene_is_named_by_its_opening_words_not_its_id(story_dir):
    text = to_markdown(sheet(story_dir))
    assert "#### “Shallow” · `two/shallow`" in text
    assert "#### shallow" not in text


# -- ways through, and a plan for the time there is ------------------------------------------------
WAYS = """\
title: Ways
start: first/choose
variables:
  route: "full"
"""
FIRST = """\
title: First
movement: One
minutes: 10
scenes:
  choose:
    title: Choose
    text: Which way?
    choices:
      - text: All of it.
        set: {route: '"full"'}
        goto: middle/a
      - text: The short way.
        set: {route: '"short"'}
        goto: last/z
"""
MIDDLE = "title: Middle\nmovement: Two\nminutes: 30\nscenes:\n  a:\n    title: A\n    text: Middle.\n    goto: last/z\n"
LAST = "title: Last\nmovement: Three\nminutes: 15\nscenes:\n  z:\n    title: Z\n    text: End.\n    end: true\n"


def ways(story_dir):
    return load_story(story_dir({"first.yaml": FIRST, "middle.yaml": MIDDLE, "last.yaml": LAST}, manifest=WAYS))


def test_a_story_with_two_ways_gives_each_its_own_time(story_dir):
    s = build(ways(story_dir))
    assert [(w.name, w.minutes, w.movements) for w in s.ways] == [
        ("full", 55, ("One", "Two", "Three")),
        ("short", 25, ("One", "Three")),
    ]
    assert "“short” 25 min (One, Three)" in to_markdown(s)


def test_a_ways_run_sheet_keeps_every_movement_and_says_which_it_passes_over(story_dir):
    s = build(ways(story_dir), route="short")
    assert [m.skipped for m in s.movements] == [False, True, False]
    assert s.total_minutes == 25
    assert "(not on this way through)" in movement_markdown(s, 1)
    assert [(slot.label, slot.start) for slot in s.timeline] == [("One", 0), ("Three", 10)]


def test_a_plan_proposes_the_longest_way_that_fits_and_shares_out_the_time_left(story_dir):
    plan = propose(ways(story_dir), 40)
    assert plan.route == "short" and plan.skipped == (1,) and plan.spare == 15
    assert [(s.label, s.minutes) for s in plan.sheet.timeline][1::2] == [("One", 10), ("Three", 15)]
    assert plan.sheet.end == 40  # the timeline ends when the workshop does
    heading, said = plan.intro()
    assert heading == "A plan for 40 min"
    assert "The way “short” fits, in 25 min" in said[0] and "passes over Two" in said[0]


def test_when_everything_fits_the_plan_is_all_of_the_story(story_dir):
    plan = propose(ways(story_dir), 60)
    assert plan.route == "full" and plan.skipped == ()
    assert plan.intro()[1][0] == "All of the story fits: it takes 55 min of your 60 min."


def test_when_nothing_fits_the_plan_says_by_how_much_it_runs_over(story_dir):
    plan = propose(ways(story_dir), 20)
    assert plan.route == "short" and plan.spare == -5
    assert "5 min more than you have" in plan.intro()[1][0]


def test_the_bundled_journey_has_a_plan_for_ninety_minutes_on_its_shorter_way():
    plan = propose(load_story(bundled_story()), 90)
    assert plan.route == "short"
    assert [plan.sheet.movements[i].name for i in plan.skipped] == ["Meeting", "Grieving"]
    assert plan.sheet.end == 90


def test_the_command_prints_a_plan_for_the_minutes_given(story_dir, tmp_path, capsys):
    root = story_dir({"first.yaml": FIRST, "middle.yaml": MIDDLE, "last.yaml": LAST}, manifest=WAYS)
    assert main(["runsheet", str(root), "--minutes", "40"]) == 0
    out = capsys.readouterr().out
    assert "## A plan for 40 min" in out and "| 0:15 | *Time to talk" in out
    assert main(["runsheet", str(root), "--minutes", "40", "-o", str(tmp_path / "plan.html")]) == 0
    assert "<h2>A plan for 40 min</h2>" in (tmp_path / "plan.html").read_text()
