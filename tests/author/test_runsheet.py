"""The facilitator's run-sheet: generated from the story, with a clock that adds up."""

from __future__ import annotations

from datetime import date

from experience.cli import main
from experience.story import load_story
from experience.workshop.runsheet import build, to_html, to_markdown

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
