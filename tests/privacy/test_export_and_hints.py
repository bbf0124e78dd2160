"""`journal export` keeps the story's letter and works beside the player; every hint the privacy
commands give names the same journal (its --profile and --data-dir), so following it works."""

from __future__ import annotations

import json
import shlex
import shutil

import pytest

from experience import cli
from experience.progress.lock import ProfileLock
from experience.progress.session import Session
from experience.story import load_story

from ..helpers import LETTER_STORY
from .privacy_helpers import ANSWER


def run(*argv: str) -> int:
    return cli.main(list(argv))


@pytest.fixture
def letter_dir(tmp_path):
    return shutil.copytree(LETTER_STORY, tmp_path / "letter")


@pytest.fixture
def lettered(letter_dir, open_store, data_dir):
    """The letter story answered to its letter ("Sam", then the test's ANSWER); the --data-dir flag."""
    store = open_store()
    session = Session.resume(load_story(letter_dir), store, "default", seed=0)
    session.start()
    session.answer("Sam")
    session.advance()
    session.answer(ANSWER)
    session.advance()
    store.close()
    return ["--data-dir", str(data_dir)]


def test_the_markdown_export_keeps_the_letter_after_the_answers(lettered, letter_dir, capsys):
    assert run("journal", "export", str(letter_dir), *lettered) == 0
    out = capsys.readouterr().out
    assert out.index(f"> {ANSWER}") < out.index("## A letter to yourself") < out.index("Dear Sam,")
    assert f"You wrote that you need: “{ANSWER}”" in out.replace("\\", "")  # escaped for Markdown


def test_the_json_export_keeps_the_letter_with_the_readers_words_exactly(lettered, letter_dir, capsys):
    assert run("journal", "export", str(letter_dir), "--format", "json", *lettered) == 0
    document = json.loads(capsys.readouterr().out)
    (letter,) = document["letters"]
    assert letter["story"] == "A story with a letter" and letter["scene"] == "closing/letter"
    assert letter["title"] == "A letter to yourself" and f"“{ANSWER}”" in letter["text"]


def test_an_export_written_to_a_file_says_the_letter_is_in_it(lettered, letter_dir, tmp_path, capsys):
    target = tmp_path / "mine.md"
    assert run("journal", "export", str(letter_dir), "-o", str(target), *lettered) == 0
    assert "Wrote 2 answers and your letter" in capsys.readouterr().err.replace("\n", " ")
    assert "Dear Sam," in target.read_text()


def test_export_works_while_the_journey_is_open_in_another_window(lettered, letter_dir, data_dir, capsys):
    with ProfileLock(data_dir, "default"):  # the player holds this while it runs
        assert run("journal", "export", str(letter_dir), *lettered) == 0
    assert ANSWER in capsys.readouterr().out


def test_export_reads_without_writing(lettered, letter_dir, data_dir, capsys):
    database = data_dir / "experience.db"
    before = database.read_bytes()
    assert run("journal", "export", str(letter_dir), *lettered) == 0
    assert database.read_bytes() == before


# -- hints that name the same journal ----------------------------------------------------------------
def hinted(text: str, start: str) -> list[str]:
    """The command line a message suggests: from `start` to the end of its line (not folded: the
    suite's output is not a terminal)."""
    line = next(line for line in text.splitlines() if start in line)
    return shlex.split(line[line.index(start) :])[1:]


def test_the_erase_hint_exports_the_same_journal_when_followed(play, keyboard, capsys, tmp_path):
    play(profile="ana").store.close()
    data = ["--data-dir", str(tmp_path / "data"), "--profile", "ana"]
    keyboard.lines("")  # change of mind: keep it
    run("journal", "erase", *data)
    told = capsys.readouterr().out
    argv = hinted(told, "experience journal export")
    assert "--profile" in argv and "--data-dir" in argv
    argv = [a if a != "my-journal.md" else str(tmp_path / "mine.md") for a in argv]
    assert run(*argv) == 0
    assert ANSWER in (tmp_path / "mine.md").read_text()


def test_a_hint_for_the_usual_journal_names_no_folder_or_profile(play, keyboard, capsys, monkeypatch, data_dir):
    monkeypatch.setenv("EXPERIENCE_DATA_DIR", str(data_dir))
    play().store.close()
    keyboard.lines("")
    run("journal", "erase")
    assert "To keep a copy first: experience journal export -o my-journal.md" in capsys.readouterr().out.replace(
        "\n", " "
    )
