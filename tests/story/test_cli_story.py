"""`experience check` and `experience walk` as authors and CI use them."""

from __future__ import annotations

import json
import subprocess
import sys

from experience.cli import main

from ..helpers import REPO

CHAPTER = "title: One\nscenes:\n  a:\n    text: Hi.\n    choices:\n      - text: On\n        goto: b\n  b:\n    text: Bye.\n    end: true\n"


def test_check_prints_nothing_but_a_summary_for_a_clean_story(story_dir, capsys):
    root = story_dir({"one.yaml": CHAPTER}, manifest="title: T\nstart: one/a\n")
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"{root}: 0 errors, 0 warnings (2 scenes in 1 chapter of “T”)"


def test_check_exits_1_on_errors_and_prints_one_line_per_problem(story_dir, capsys):
    root = story_dir(
        {"one.yaml": CHAPTER.replace("goto: b", "goto: c").replace("text: Bye.", "txt: Bye.")},
        manifest="title: T\nstart: one/a\n",
    )
    assert main(["check", str(root)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert all(line.startswith(f"{root / 'one.yaml'}:") for line in lines)
    assert len(lines) == 2  # the unknown scene and the misspelled key (not also the text it meant, missing)
    assert "error" in captured.err


def test_warnings_pass_unless_strict(story_dir, capsys):
    root = story_dir(
        {"one.yaml": CHAPTER + "  lonely:\n    text: x\n    end: true\n"}, manifest="title: T\nstart: one/a\n"
    )
    assert main(["check", str(root)]) == 0
    assert main(["check", "--strict", str(root)]) == 1
    assert "W400" in capsys.readouterr().out


def test_check_speaks_json_for_editors_and_ci(story_dir, capsys):
    root = story_dir({"one.yaml": CHAPTER.replace("goto: b", "goto: c")}, manifest="title: T\nstart: one/a\n")
    assert main(["check", "--format", "json", str(root)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1
    (item,) = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert item["code"] == "E200" and item["line"] == 7 and item["column"] == 15


def test_walk_exits_0_for_a_healthy_story_and_reports(story_dir, capsys):
    root = story_dir({"one.yaml": CHAPTER}, manifest="title: T\nstart: one/a\n")
    assert main(["walk", str(root), "-n", "50", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "50 random play-throughs" in out and "one/b" in out


def test_walk_on_a_broken_story_prints_the_errors_not_a_traceback(story_dir, capsys):
    root = story_dir({"one.yaml": CHAPTER.replace("goto: b", "goto: c")}, manifest="title: T\nstart: one/a\n")
    assert main(["walk", str(root)]) == 1
    err = capsys.readouterr().err
    assert "E200" in err and "Traceback" not in err


def test_bad_arguments_are_explained(capsys):
    try:
        main(["walk", "-n", "zero"])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "'zero' is not a whole number" in capsys.readouterr().err


def test_the_story_tools_never_import_textual(story_dir):
    root = story_dir({"one.yaml": CHAPTER}, manifest="title: T\nstart: one/a\n")
    code = (
        "import sys; from experience.cli import main; "
        f"main(['check', {str(root)!r}]); main(['walk', {str(root)!r}, '-n', '5']); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'PURE')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert out.strip().endswith("PURE")


def test_python_dash_m_works(story_dir):
    root = story_dir({"one.yaml": CHAPTER}, manifest="title: T\nstart: one/a\n")
    done = subprocess.run(
        [sys.executable, "-m", "experience", "check", str(root)], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0 and "0 errors" in done.stdout


def test_author_tools_use_the_story_in_the_current_folder(story_dir, capsys, monkeypatch):
    root = story_dir({"one.yaml": CHAPTER}, manifest="title: T\nstart: one/a\n")
    monkeypatch.chdir(root)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("this folder: 0 errors, 0 warnings (2 scenes in 1 chapter of “T”)")
