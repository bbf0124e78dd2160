"""The author's tools understand format 2: play from any scene, the graph, the statistics and the
run-sheet."""

from __future__ import annotations

from experience.story import advance, available, load_story, start_at
from experience.story.graph import edges, format_stats, to_mermaid
from experience.workshop.runsheet import build, to_markdown

MANIFEST = "title: Tools\nformat: 2\nstart: one/a\nvariables:\n  n: 0\n"
CHAPTER = """\
title: One
movement: A movement with a name far longer than any column should ever have to hold
scenes:
  a:
    text: Start.
    choices:
      - text: Go on
        goto: b
  b:
    text: Middle.
    tags: [group, quiet]
    choices:
      - text: Pause once
        detour: p
        once: true
      - text: Round again
        goto:
          - if: n < 1
            to: a
          - to: c
        set: {n: n + 1}
      - text: Aside and on
        detour: p
        then: c
      - text: Out
        goto: c
        disabled_if: n < 1
        reason: Not yet.
  p:
    text: Pause.
    return: true
  c:
    text: End.
    end: true
"""


def story(story_dir):
    return load_story(story_dir({"one.yaml": CHAPTER}, manifest=MANIFEST))


def test_play_from_a_pause_scene_returns_to_the_first_scene_that_detours_there(story_dir):
    tools = story(story_dir)
    state = start_at(tools, "one/p")
    assert state.detours == ("one/b",)
    back = advance(tools, state)
    assert back.scene == "one/b"
    assert "Pause once" not in [c.text.source for c in available(tools, back)]  # the once-only detour was taken


def test_play_from_a_scene_applies_its_set_as_arriving_would(story_dir):
    chapter = CHAPTER.replace("  c:\n    text: End.\n", "  c:\n    set: {n: n + 5}\n    text: End.\n")
    tools = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    assert start_at(tools, "one/c").variables["n"] == 5


def test_the_graph_draws_branches_and_where_a_detour_goes_on(story_dir):
    kinds = {(e.source, e.target, e.kind) for e in edges(story(story_dir))}
    assert ("one/b", "one/a", "conditional") in kinds and ("one/b", "one/c", "then") in kinds
    assert "Round again (if n #lt; 1)" in to_mermaid(story(story_dir), labels=True)
    assert '-.->|"after the detour"| s_one_c' in to_mermaid(story(story_dir))


def test_stats_mark_a_name_they_cut(story_dir):
    text = format_stats(story(story_dir))
    assert "A movement with a name far long…  " in text
    assert "Tags: group (1 scene), quiet (1 scene)" in text


def test_the_run_sheet_shows_tags_and_counts_only_a_readers_detours_as_pause_points(story_dir):
    chapter = CHAPTER.replace("    text: End.\n    end: true\n", "    text: End.\n    detour: p\n    then: d\n") + (
        "  d:\n    text: Done.\n    end: true\n"
    )
    sheet = build(load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST)))
    assert "`#group` · `#quiet`" in to_markdown(sheet)
    entries = {e.scene.id: e for m in sheet.movements for c in m.chapters for e in c.scenes}
    assert entries["one/b"].pause_point and not entries["one/c"].pause_point
