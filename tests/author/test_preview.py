"""Live preview: every save reloads the story, keeps the author's place, and shows what is wrong."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.tui.preview import PreviewApp, ProblemsScreen, carry_over, fingerprint, start_at
from experience.tui.screens.scene import SceneScreen

MANIFEST = "title: Preview\nstart: one/a\nvariables: {warmth: 0}\n"
ONE = """\
title: One
scenes:
  a:
    text: First room.
    choices:
      - text: Warm up
        goto: b
        set: {warmth: warmth + 1}
  b:
    text: "Second room, warmth {warmth}."
    choices:
      - text: On
        goto: c
  c:
    text: Last room.
    end: true
"""


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a save the watcher can always see


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    write(folder, "story.yaml", MANIFEST)
    write(folder, "one.yaml", ONE)
    return folder


@pytest.fixture
def session(root: Path, tmp_path: Path):
    store = Store.open(tmp_path / "scratch")
    yield Session.resume(load_story(root), store, "preview", seed=1)
    store.close()


def passage(app) -> str:
    return str(app.screen.query_one("#passage").render())


async def test_a_save_reloads_the_story_and_keeps_place_and_values(root, session):
    app = PreviewApp(session, root, poll_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert session.state.scene == "one/b"
        write(root, "one.yaml", ONE.replace("Second room", "The second room, repainted"))
        app.check_for_changes()
        await pilot.pause()
        assert session.state.scene == "one/b" and session.state.variables["warmth"] == 1
        assert "The second room, repainted, warmth 1." in passage(app)
        assert session.can_go_back  # history came along: back still works


async def test_a_broken_save_shows_the_checker_and_the_next_good_save_recovers(root, session):
    app = PreviewApp(session, root, poll_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        write(root, "one.yaml", ONE.replace("goto: c", "goto: cc"))
        app.check_for_changes()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(".problem"))
        assert "E200" in text and "did you mean 'c'?" in text and "one.yaml:13:15" in text
        write(root, "one.yaml", ONE.replace("Last room.", "The very last room."))
        app.check_for_changes()
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and session.state.scene == "one/a"


async def test_a_removed_scene_lands_where_an_old_save_would(root, session):
    app = PreviewApp(session, root, poll_seconds=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        write(root, "one.yaml", ONE.replace("  b:\n", "  bee:\n").replace("goto: b\n", "goto: bee\n"))
        app.check_for_changes()
        await pilot.pause()
        assert session.state.scene == "one/a"


def test_play_from_here_starts_at_any_scene_with_the_starting_values(root):
    story = load_story(root)
    state = start_at(story, "one/c")
    assert state.scene == "one/c" and state.visits == {"one/c": 1} and state.variables == {"warmth": 0}


def test_carrying_a_history_over_keeps_every_step(root):
    from experience.story import begin, choose

    story = load_story(root)
    state = choose(story, begin(story), 1)
    moved, notes = carry_over(load_story(root), state)
    assert moved == state and notes == () and [s.scene for s in moved.history()] == ["one/a", "one/b"]


def test_the_watcher_sees_saves_new_chapters_and_removed_ones(root):
    before = fingerprint(root)
    write(root, "two.yaml", "title: Two\nscenes:\n  x:\n    text: x\n    end: true\n")
    added = fingerprint(root)
    assert added != before
    (root / "two.yaml").unlink()
    assert fingerprint(root) == before


def test_preview_of_an_unknown_scene_is_refused_with_a_suggestion(root, capsys):
    from experience.cli import main

    assert main(["preview", str(root), "--from", "one/bb"]) == 2
    assert "did you mean 'one/b'?" in capsys.readouterr().err


def test_play_from_a_pause_scene_can_return(tmp_path):
    root = tmp_path / "s"
    root.mkdir()
    write(root, "story.yaml", MANIFEST)
    write(
        root,
        "one.yaml",
        ONE.replace(
            "      - text: Warm up\n", "      - text: Pause\n        detour: two/breath\n      - text: Warm up\n"
        ),
    )
    write(root, "two.yaml", "title: Two\nscenes:\n  breath:\n    text: Breathe.\n    return: true\n")
    from experience.story import advance

    story = load_story(root)
    state = start_at(story, "two/breath")
    assert state.detours == ("one/a",)
    assert advance(story, state).scene == "one/a"


def test_preview_from_a_chapter_starts_at_its_first_scene(root, monkeypatch):
    from experience import cli

    started = {}
    monkeypatch.setattr(
        "experience.tui.preview.PreviewApp.run", lambda self: started.setdefault("at", self.session.state.scene)
    )
    assert cli.main(["preview", str(root), "--from", "one"]) == 0
    assert started["at"] == "one/a"


async def test_a_renamed_scene_is_explained_to_the_author(root, session):
    app = PreviewApp(session, root, poll_seconds=30)
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        write(root, "one.yaml", ONE.replace("  b:\n", "  bee:\n").replace("goto: b\n", "goto: bee\n"))
        app.check_for_changes()
        await pilot.pause()
        assert any("“one/b” is no longer in the story" in message for message in said)


async def test_a_preview_in_another_language_reloads_in_it_when_its_translation_is_saved(root, tmp_path):
    from experience.story.string_table import collect, write_string_table

    _, strings = collect(root)
    write_string_table(root, "Preview", "1", strings, new="es")
    po = (root / "locale" / "es.po").read_text(encoding="utf-8")
    translated = po.replace('msgid "First room."\nmsgstr ""', 'msgid "First room."\nmsgstr "Primera habitación."')
    store = Store.open(tmp_path / "scratch-es")
    try:
        session = Session.resume(load_story(root, "es"), store, "preview", seed=1)
        app = PreviewApp(session, root, poll_seconds=30)
        async with app.run_test(size=(80, 24)) as pilot:
            assert "First room." in passage(app)
            write(root, "locale/es.po", translated)
            app.check_for_changes()
            await pilot.pause()
            assert "Primera habitación." in passage(app)
            assert session.story.language == "es"
    finally:
        store.close()
