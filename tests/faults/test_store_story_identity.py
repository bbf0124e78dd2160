"""A story's title can change without hiding anyone's place or journal: saves are filed under the
story's lasting key (its `id`, or its title with capitals, spacing and punctuation set aside)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story

from ..helpers import older_database
from .store_faults import ANSWER, SMALL_STORY, experience


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SMALL_STORY, tmp_path / "small"))


def play_and_answer(story: Path, data: Path) -> None:
    done = experience("play", str(story), "--plain", "--data-dir", str(data), input=f"\n1\n{ANSWER}\n\nq\n")
    assert "Kept in your journal." in done.stdout, done.stdout + done.stderr


def retitle(story: Path, old: str, new: str) -> None:
    manifest = story / "story.yaml"
    manifest.write_text(manifest.read_text().replace(f"title: {old}", f"title: {new}"))


def come_back(story: Path, data: Path) -> str:
    done = experience("play", str(story), "--plain", "--data-dir", str(data), input="j\nq\n")
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_changing_only_the_capitals_of_a_title_keeps_the_place_and_the_journal(tmp_path, story):
    data = tmp_path / "data"
    play_and_answer(story, data)
    retitle(story, "A small story", "A Small Story")
    said = come_back(story, data)
    assert "Welcome back" in said and ANSWER in said


def test_a_story_with_an_id_keeps_the_place_and_the_journal_through_a_new_title(tmp_path, story):
    data = tmp_path / "data"
    manifest = story / "story.yaml"
    manifest.write_text(manifest.read_text().replace("title: A small story", "title: A small story\nid: small"))
    play_and_answer(story, data)
    retitle(story, "A small story", "The quiet house")
    said = come_back(story, data)
    assert "Welcome back" in said and ANSWER in said
    exported = json.loads(experience("journal", "export", "--format", "json", "--data-dir", str(data)).stdout)
    assert exported["stories"] == ["The quiet house"]  # named by the title it was last played under


def test_a_story_given_an_id_after_readers_began_takes_their_places_along(tmp_path, story):
    data = tmp_path / "data"
    play_and_answer(story, data)
    manifest = story / "story.yaml"
    manifest.write_text(manifest.read_text().replace("title: A small story", "title: A small story\nid: small"))
    said = come_back(story, data)
    assert "Welcome back" in said and ANSWER in said
    retitle(story, "A small story", "The quiet house")
    assert ANSWER in come_back(story, data)


def test_saves_filed_under_a_title_by_an_older_version_are_found_again(tmp_path, story):
    """A database at version 3 filed everything under the title as written."""
    data = older_database(tmp_path / "data", 3, ANSWER, [{"need": "", "warmth": 1}])
    store = Store.open(data)
    try:
        session = Session.resume(load_story(story), store, "default", seed=0)
        assert session.state.scene == "first/hall"
        assert [e.answer for e in session.journal.entries()] == [ANSWER]
    finally:
        store.close()
