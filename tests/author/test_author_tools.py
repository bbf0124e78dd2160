"""The author's tools: a new story that works, a picture of the branching, and the numbers."""

from __future__ import annotations

import shutil

import pytest

from experience.cli import main
from experience.story import check_story, load_story
from experience.story.graph import edges, movement_stats, to_dot, to_mermaid
from experience.story.walk import walk

from ..helpers import REPO

CHAPTER = """\
title: One
movement: First
minutes: 10
scenes:
  a:
    title: The "start"
    text: Hello there, reader.
    choices:
      - text: On
        goto: b
      - text: Maybe
        goto: b
        if: n > 0
      - text: Pause
        detour: breath
  b:
    text: Deep.
    intensity: deep
    content_note: Heavy.
    gentler: c
    goto: c
  breath:
    text: Breathe.
    return: true
  c:
    text: Bye.
    intensity: gentle
    end: true
"""
MANIFEST = "title: Graphing\nstart: one/a\nvariables: {n: 0}\n"


@pytest.fixture
def story(story_dir):
    return load_story(story_dir({"one.yaml": CHAPTER}, manifest=MANIFEST))


def test_a_new_story_checks_clean_and_plays_to_its_ending(tmp_path, capsys):
    folder = tmp_path / "mine"
    assert main(["new", str(folder), "--title", "Quiet: a story"]) == 0
    assert "experience check" in capsys.readouterr().out
    result = check_story(folder)
    assert result.diagnostics == [] and result.story.title == "Quiet: a story"
    assert result.story.id == "mine"  # its lasting name, from the folder: the title may change freely
    report = walk(result.story, runs=100)
    assert report.ok and report.never_reached(result.story) == []
    assert any(s.reflect for s in result.story.scenes.values())
    assert (folder / ".schema" / "chapter.schema.json").is_file()
    assert (
        (folder / "beginning.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=.schema/chapter.schema.json")
    )


def test_new_never_overwrites_an_authors_files(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert main(["new", str(folder)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_edges_mark_conditional_choices_detours_and_gentler_paths(story):
    kinds = {(e.source, e.target): e.kind for e in edges(story)}
    assert kinds[("one/a", "one/b")] in ("goto", "conditional")
    assert [e.kind for e in edges(story) if e.source == "one/a"] == ["goto", "conditional", "detour"]
    assert kinds[("one/b", "one/c")] in ("continue", "gentler")
    assert ("one/breath", "one/a") not in kinds  # a return depends on where the detour began


def test_mermaid_has_chapters_as_subgraphs_and_marks_endings(story):
    text = to_mermaid(story)
    assert text.startswith("flowchart TD")
    assert 'subgraph chapter_one["One"]' in text
    assert 's_one_a["The #quot;start#quot;"]' in text
    assert 's_one_c(["c"])' in text and "class s_one_c gentle" in text  # a gentle ending stands apart
    assert 's_one_breath["breath ↩"]' in text  # a scene that returns says so
    assert "s_one_a -.-> s_one_b" in text  # the conditional choice is dashed
    assert 's_one_a -.->|"detour"| s_one_breath' in text


def test_dot_has_clusters_double_borders_and_dashes(story):
    text = to_dot(story, labels=True)
    assert 'subgraph "cluster_one"' in text and 'label="One (First)"' in text
    assert '"one/c" [label="c", peripheries=2, fillcolor="#e3efe3"]' in text
    assert '"one/a" -> "one/b" [style=dashed, label="Maybe"]' in text
    assert '"one/a" -> "one/breath" [style=dotted, label="Pause"]' in text


def test_a_fallback_keeps_its_own_arrow(story_dir):
    chapter = CHAPTER.replace(
        "      - text: Pause\n        detour: breath\n",
        "      - text: Pause\n        detour: breath\n      - text: Else\n        goto: b\n"
        "        fallback: true\n        if: n > 5\n",
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    assert [e.kind for e in edges(story) if e.source == "one/a"] == ["goto", "conditional", "detour", "fallback"]
    assert '"one/a" -> "one/b" [style=dashed, label="otherwise"]' in to_dot(story)


def test_stats_count_each_movement(story):
    (first,) = movement_stats(story)
    assert (first.name, first.scenes, first.prompts, first.deep, first.endings, first.workshop_minutes) == (
        "First",
        4,
        0,
        1,
        1,
        10,
    )
    assert first.words == len(["Hello", "there,", "reader.", "Deep.", "Breathe.", "Bye.", "On", "Maybe", "Pause"])


def test_graph_and_stats_commands(story_dir, tmp_path, capsys):
    root = story_dir({"one.yaml": CHAPTER}, manifest=MANIFEST)
    assert main(["graph", str(root), "--format", "dot", "-o", str(tmp_path / "g.dot")]) == 0
    assert (tmp_path / "g.dot").read_text().startswith('digraph "Graphing"')
    assert main(["stats", str(root)]) == 0
    assert "First" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_through_graphviz(story_dir, tmp_path):
    root = story_dir({"one.yaml": CHAPTER}, manifest=MANIFEST)
    assert main(["graph", str(root), "--format", "svg", "-o", str(tmp_path / "g.svg")]) == 0
    assert "<svg" in (tmp_path / "g.svg").read_text()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_the_bundled_journey_draws_through_graphviz(tmp_path):
    from experience.bundled import bundled_story

    assert main(["graph", str(bundled_story()), "--format", "svg", "-o", str(tmp_path / "g.svg")]) == 0
    assert "<svg" in (tmp_path / "g.svg").read_text()


def test_without_graphviz_the_author_is_told_how_to_install_it(story_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    root = story_dir({"one.yaml": CHAPTER}, manifest=MANIFEST)
    assert main(["graph", str(root), "--format", "png", "-o", str(tmp_path / "g.png")]) == 1
    assert "apt install graphviz" in capsys.readouterr().err


def test_the_guide_documents_every_key_and_every_code():
    from experience.story import format as fmt
    from experience.story.diagnostics import CODES

    guide = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    for kind, keys in fmt.KINDS.items():
        for key in keys:
            assert f"`{key.name}`" in guide, f"{kind}.{key.name} is not in AUTHORING.md"
    for code in CODES:
        assert f"| {code} |" in guide, f"{code} is not in AUTHORING.md's table"


def test_the_guide_travels_with_the_program(capsys):
    assert main(["guide"]) == 0
    assert capsys.readouterr().out.startswith("# Writing stories for `experience`")
