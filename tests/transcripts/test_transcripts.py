"""Pinned play-throughs: `experience record` writes a transcript, `experience replay` holds the
story to it.

The transcripts beside this file are play-throughs of the bundled journey (the whole of it, the
shorter way with a pause, help, the journal and stepping out, and a gentler path with going
back, starting again and leaving). When the journey's writing changes on purpose, accept the
change and read the diff in review:

    experience replay scenes tests/transcripts --update
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from experience.bundled import bundled_story
from experience.cli import main
from experience.story import load_story
from experience.transcripts.replay import DATE, play, replay
from experience.transcripts.tape import lines_of
from experience.transcripts.transcript import Transcript, TranscriptError, parse

PINNED = Path(__file__).parent

GARDEN = {
    "garden.yaml": """\
        title: The garden
        scenes:
          gate:
            title: At the gate
            text:
              - shuffle:
                  - The gate is open.
                  - The gate stands ajar.
                  - The gate swings in the wind.
              - '\\> this line is the story''s, not typed'
            choices:
              - text: Walk in
                goto: path
              - text: Sit on the wall
                goto: wall
          path:
            title: The path
            text: A path winds between the beds.
            reflect:
              prompt: What do you see?
            end: true
          wall:
            title: The wall
            text: The stones are warm.
            end: true
        """,
}


@pytest.fixture
def garden(story_dir) -> Path:
    return story_dir(GARDEN, manifest="title: A garden\nstart: garden/gate\n")


def _record(story: Path, inputs: list[str], output: Path, monkeypatch, seed: int = 0) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in inputs)))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    return main(["record", str(story), "-o", str(output), "--seed", str(seed)])


@pytest.fixture
def wall(garden, tmp_path, monkeypatch) -> Path:
    """A transcript of the garden, pinned: in at the gate, then to the wall."""
    output = tmp_path / "wall.transcript"
    _record(garden, ["", "2"], output, monkeypatch)
    monkeypatch.undo()
    return output


def _edit(garden: Path, old: str, new: str) -> None:
    chapter = garden / "garden.yaml"
    chapter.write_text(chapter.read_text().replace(old, new))


# -- the bundled journey, pinned -------------------------------------------------------------------
def test_the_bundled_journeys_pinned_play_throughs_still_hold(capsys):
    pinned = sorted(PINNED.glob("*.transcript"))
    assert len(pinned) >= 3
    code = main(["replay", str(bundled_story()), str(PINNED)])
    out = capsys.readouterr().out
    assert code == 0, "the journey no longer reads as pinned (see the module's docstring to accept it):\n" + out
    assert out.count("same ") == len(pinned)


# -- recording ------------------------------------------------------------------------------------
def test_record_writes_what_was_typed_and_what_was_shown(garden, tmp_path, monkeypatch):
    output = tmp_path / "walk-in.transcript"
    assert _record(garden, ["", "1", "It is quiet.", ""], output, monkeypatch) == 0
    transcript = parse(output.read_text())
    assert transcript.inputs == ["", "1", "It is quiet.", ""]
    assert transcript.path == ["garden/gate", "garden/path"]
    assert "  The garden: The path" in transcript.body
    assert "> It is quiet." in transcript.body


def test_record_will_not_replace_a_transcript_without_force(garden, tmp_path, monkeypatch, capsys):
    output = tmp_path / "kept.transcript"
    output.write_text("mine")
    assert _record(garden, [""], output, monkeypatch) == 1
    assert output.read_text() == "mine"


def test_story_text_that_looks_typed_stays_shown_text(garden, tmp_path, monkeypatch):
    output = tmp_path / "quoted.transcript"
    _record(garden, ["", "2"], output, monkeypatch)
    transcript = parse(output.read_text())
    assert "  > this line is the story's, not typed" in transcript.body
    assert transcript.inputs == ["", "2"]


# -- replaying ------------------------------------------------------------------------------------
def test_a_replay_of_an_unchanged_story_is_the_same(garden, wall, capsys):
    assert main(["replay", str(garden), str(wall)]) == 0
    assert "same " in capsys.readouterr().out


def test_a_changed_sentence_is_shown_as_a_unified_diff_and_fails(garden, wall, capsys):
    _edit(garden, "The stones are warm.", "The stones are cool.")
    assert main(["replay", str(garden), str(wall)]) == 1
    out = capsys.readouterr().out
    assert f"--- {wall} (pinned)" in out and f"+++ {wall} (replayed)" in out
    assert "\n-  The stones are warm.\n+  The stones are cool.\n" in out


def test_a_changed_road_shows_in_the_scenes_passed(garden, wall, capsys):
    _edit(garden, "goto: wall", "goto: path")
    assert main(["replay", str(garden), str(wall)]) == 1
    out = capsys.readouterr().out
    assert "\n-@ garden/wall\n" in out and "\n+@ garden/path\n" in out


def test_update_accepts_the_change_and_keeps_the_authors_comments(garden, wall, capsys):
    wall.write_text("# the wall, for the warm stones\n" + wall.read_text().split("\n", 3)[3])
    _edit(garden, "The stones are warm.", "The stones are cool.")
    assert main(["replay", str(garden), str(wall), "--update"]) == 0
    assert "  The stones are cool." in wall.read_text().splitlines()
    assert wall.read_text().startswith("# the wall, for the warm stones\n")
    assert main(["replay", str(garden), str(wall)]) == 0


def test_replay_reads_every_transcript_in_the_stories_own_folder(garden, tmp_path, monkeypatch, capsys):
    folder = garden / "transcripts"
    folder.mkdir()
    _record(garden, ["", "1"], folder / "path.transcript", monkeypatch)
    _record(garden, ["", "2"], folder / "wall.transcript", monkeypatch)
    monkeypatch.undo()
    assert main(["replay", str(garden)]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("same ") == 2
    assert "2 transcripts: 2 the same, 0 changed" in captured.err


def test_replay_with_no_transcripts_says_how_to_make_one(garden, capsys):
    assert main(["replay", str(garden)]) == 1
    assert "experience record" in capsys.readouterr().err


def test_a_transcript_that_is_not_one_names_its_line(garden, tmp_path, capsys):
    broken = tmp_path / "broken.transcript"
    broken.write_text("seed: 0\n\n  shown\nnot a line of any kind\n")
    assert main(["replay", str(garden), str(broken)]) == 1
    assert f"{broken}: cannot be read: line 4:" in capsys.readouterr().err
    with pytest.raises(TranscriptError, match="line 1: seed is a whole number"):
        parse("seed: soon\n\n")


# -- the same on any machine, any day ------------------------------------------------------------
def test_the_seed_chooses_the_variations_and_a_replay_keeps_them(garden):
    story = load_story(garden)
    readings = {
        seed: [line for line in play(story, lines_of([""]), seed=seed, width=78) if "gate" in line]
        for seed in range(12)
    }
    assert len({tuple(lines) for lines in readings.values()}) > 1  # the shuffle depends on the seed
    assert all(
        play(story, lines_of([""]), seed=seed, width=78) == play(story, lines_of([""]), seed=seed, width=78)
        for seed in (3, 7)
    )


def test_dates_in_the_journal_are_written_as_a_placeholder(garden):
    story = load_story(garden)
    body = play(story, lines_of(["", "1", "Roses.", "", "1"]), seed=0, width=78)  # answer, then read the journal
    assert any(line.strip() == f"({DATE})" for line in body)
    assert not any(re.search(r"\b\d{1,2} \w+ 2000\b", line) for line in body)  # (0808 2000 247 is a helpline)


def test_a_transcript_dumps_to_what_it_parses_from():
    transcript = Transcript(5, 60, ["  Hello", "", "@ a/b", "> 1", ">", ">   indented"])
    again = parse(transcript.dump())
    assert (again.seed, again.width, again.body) == (5, 60, transcript.body)
    assert again.inputs == ["1", "", "  indented"]


def test_replay_of_a_file_that_does_not_exist_says_so(garden, tmp_path, capsys):
    assert main(["replay", str(garden), str(tmp_path / "gone.transcript")]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_replay_returns_what_was_pinned_and_what_was_replayed(garden, wall):
    result = replay(load_story(garden), wall)
    assert result.same and result.diff() == ""
