"""The author's commands, as an author types them: slips get a clear message, nothing of a
reader's is touched, and numbers are said as a person would say them."""

from __future__ import annotations

import json

import pytest

from experience.cli import main
from experience.progress.paths import DATA_DIR_ENV, DATABASE_NAME
from experience.story.graph import reading_time

ONE = "title: One\nscenes:\n  a:\n    text: A few words only.\n    end: true\n"
MANIFEST = "title: Short\nstart: one/a\n"


@pytest.fixture
def preview_runs(monkeypatch):
    """The sessions of the previews started; no window is opened."""
    opened: list[str] = []
    monkeypatch.setattr("experience.tui.preview.PreviewApp.run", lambda self: opened.append(self.session))
    return opened


def test_a_name_with_spaces_typed_without_quotes_is_explained_and_nothing_is_made(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "my", "story"]) == 2
    assert "put it in quotes: experience new 'my story'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_name_with_spaces_in_quotes_makes_the_story_and_its_next_steps_can_be_pasted(tmp_path, capsys):
    folder = tmp_path / "my story"
    assert main(["new", str(folder)]) == 0
    assert f"experience check '{folder}'" in capsys.readouterr().out
    assert (folder / "story.yaml").is_file()


def test_new_on_a_file_says_it_is_a_file(tmp_path, capsys):
    (tmp_path / "notes").write_text("mine")
    assert main(["new", str(tmp_path / "notes")]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert (tmp_path / "notes").read_text() == "mine"


def test_preview_keeps_its_place_in_the_folder_given(story_dir, tmp_path, preview_runs):
    root = story_dir({"one.yaml": ONE}, manifest=MANIFEST)
    assert main(["preview", str(root), "--data-dir", str(tmp_path / "trials")]) == 0
    assert preview_runs and (tmp_path / "trials" / DATABASE_NAME).is_file()


async def test_a_preview_that_keeps_its_place_says_where_not_that_nothing_is_kept(story_dir, tmp_path, open_store):
    from experience.progress.session import Session
    from experience.story import load_story
    from experience.tui.preview import PreviewApp

    root = story_dir({"one.yaml": ONE}, manifest=MANIFEST)
    session = Session.resume(load_story(root), open_store(), "preview")
    said: list[str] = []
    app = PreviewApp(session, root, poll_seconds=30, kept_in=tmp_path / "trials")
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert any(f"Your place is kept in {tmp_path / 'trials'}" in m for m in said)
    assert not any("Nothing here is kept" in m for m in said)


def test_preview_refuses_the_readers_own_data_folder(story_dir, tmp_path, preview_runs, monkeypatch, capsys):
    own = tmp_path / "own"
    monkeypatch.setenv(DATA_DIR_ENV, str(own))
    root = story_dir({"one.yaml": ONE}, manifest=MANIFEST)
    assert main(["preview", str(root), "--data-dir", str(own)]) == 2
    assert "where your own progress and journal are kept" in capsys.readouterr().err
    assert not preview_runs and not own.exists()


def test_preview_without_a_data_folder_leaves_the_readers_own_alone(story_dir, tmp_path, preview_runs, monkeypatch):
    own = tmp_path / "own"
    monkeypatch.setenv(DATA_DIR_ENV, str(own))
    assert main(["preview", str(story_dir({"one.yaml": ONE}, manifest=MANIFEST))]) == 0
    assert preview_runs and not own.exists()


def test_schema_writes_the_one_asked_for_to_a_file(tmp_path, capsys):
    assert main(["schema", "story", "-o", str(tmp_path / "story.json")]) == 0
    schema = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    assert "start" in schema["properties"] and capsys.readouterr().out == ""


def test_a_short_story_reads_in_under_a_minute_not_in_0_min(story_dir, capsys):
    assert main(["stats", str(story_dir({"one.yaml": ONE}, manifest=MANIFEST))]) == 0
    out = capsys.readouterr().out
    assert "under a minute" in out and "0 min" not in out


@pytest.mark.parametrize("minutes, said", [(0, "-"), (0.3, "under a minute"), (0.6, "1 min"), (12.4, "12 min")])
def test_reading_times_are_said_as_a_person_would(minutes, said):
    assert reading_time(minutes) == said


@pytest.mark.parametrize("command", ["new", "preview", "check", "walk", "graph", "stats", "schema", "guide", "lsp"])
def test_every_author_command_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    description = out.split("\n\n")[1]
    assert not description.startswith(("positional arguments", "options")), out
