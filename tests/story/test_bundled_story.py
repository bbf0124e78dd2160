"""The bundled journey: it ships with the package, checks clean, and every path leads somewhere."""

from __future__ import annotations

import pytest

from experience.bundled import bundled_story
from experience.story import check_story
from experience.story.walk import walk


@pytest.fixture(scope="module")
def story():
    result = check_story(bundled_story())
    assert result.story is not None, [str(d) for d in result.diagnostics]
    return result.story


def test_the_bundled_story_ships_with_the_package():
    assert (bundled_story() / "story.yaml").is_file()


def test_the_bundled_story_checks_clean_without_warnings():
    result = check_story(bundled_story())
    assert [str(d) for d in result.diagnostics] == []


def test_it_has_the_shape_the_journey_promises(story):
    movements = {chapter.movement for chapter in story.chapters.values()}
    assert {"Noticing", "Meeting", "Grieving", "Coming home"} <= movements
    assert len(story.scenes) >= 40
    assert sum(scene.words for scene in story.scenes.values()) >= 6000
    assert sum(1 for scene in story.scenes.values() if scene.reflect) >= 8
    endings = story.endings()
    assert len(endings) >= 3
    assert any(story.scenes[e].intensity == "gentle" for e in endings)


def test_random_readers_reach_every_scene_and_ending_and_never_get_stuck(story):
    report = walk(story, runs=3000, seed=2)
    assert report.ok, [f"{p.kind} at {p.scene}" for p in report.problems.values()]
    assert report.never_reached(story) == []
    assert report.endings_never_reached(story) == []
    assert report.unfinished == 0
