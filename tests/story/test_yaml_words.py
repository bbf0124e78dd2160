"""A scene file YAML cannot read is explained in the format's own words, at the place to look.

The parser's wording ("while scanning a block scalar: did not find expected comment or line
break") says where it gave up, not what the author did; every message here names the line, says
what was expected there and what to do, and the file:line:col points where the mistake is.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from experience.scaffold import scaffold
from experience.story import check_story

#: The parser's own phrases, which must never reach an author.
PARSER_WORDS = (
    "while scanning",
    "while parsing",
    "did not find expected",
    "could not find expected",
    "in this context",
    "cannot start any token",
    "found character",
    "found unexpected",
    "found unknown",
)

CHAPTER = "title: One\nscenes:\n  a:\n    title: At the door\n    text: Hello.\n    goto: b\n  b:\n    text: Bye.\n    end: true\n"


def only_problem(story_dir, chapter: str):
    result = check_story(story_dir({"one.yaml": chapter}))
    [diagnostic] = result.diagnostics
    return diagnostic


def test_a_stray_block_sign_is_pointed_at_where_it_begins_with_what_to_do(story_dir):
    d = only_problem(story_dir, CHAPTER.replace("    text: Hello.", "    text: >> Hello."))
    assert d.code == "E003" and (d.location.line, d.location.column) == (5, 11)
    assert "'>' after 'text:' on line 5 starts a block of text" in d.message
    assert "put it all in quotes" in d.message and "remove it" in d.message


def test_a_stray_block_sign_on_a_line_of_its_own_is_pointed_at_too(story_dir):
    d = only_problem(story_dir, CHAPTER.replace("    title: At the door\n", "    title: At the door\n    >>\n"))
    assert (d.location.line, d.location.column) == (5, 5) and "'>' on line 5 starts a block of text" in d.message


def test_a_quote_left_open_is_pointed_at_where_it_opens_not_where_yaml_gave_up(story_dir):
    chapter = CHAPTER.replace("title: At the door", 'title: "At the door').replace("text: Bye.", 'text: "Bye."')
    d = only_problem(story_dir, chapter)
    assert (d.location.line, d.location.column) == (4, 12)
    assert 'the " that opens the text on line 4 is not closed on that line' in d.message


def test_a_key_lined_up_with_the_dash_of_its_list_item_says_how_far_to_indent_it(story_dir):
    chapter = CHAPTER.replace("    goto: b\n", "    choices:\n      - text: On\n      goto: b\n")
    d = only_problem(story_dir, chapter)
    assert "indented like the '-' on line 7" in d.message and "indent it by 8 spaces" in d.message


@pytest.mark.parametrize(
    "mistake, words",
    [
        ("title: [At the door", "the '[' on line 4 (column 12) starts a list written in brackets"),
        ("title: {At the door", "the '{' on line 4 (column 12) starts a mapping written in braces"),
        ("title: @home", "'@' and '`' are reserved"),
        ('title: "a\\q"', "a backslash starts an escape"),
        ("title: - a", "a list item ('- ') cannot begin on the line of its key"),
        ("title: At the door\n    - a", "starts a list item where a key was expected"),
        ("title: At the door\n    end:true", "has no space after the ':' of 'end'"),
    ],
)
def test_other_things_yaml_cannot_read_are_said_in_the_formats_words(story_dir, mistake, words):
    d = only_problem(story_dir, CHAPTER.replace("title: At the door", mistake))
    assert d.code == "E003" and words in d.message, d.message
    assert not any(phrase in d.message for phrase in PARSER_WORDS), d.message


def test_an_unknown_key_comes_before_a_dead_end_further_up_the_file(story_dir):
    chapter = CHAPTER.replace("    goto: b\n", "").replace("    end: true", "    end: true\n    titel: Bye")
    assert [d.code for d in check_story(story_dir({"one.yaml": chapter})).diagnostics] == ["E101", "E201"]


@pytest.mark.parametrize(
    "before, after",
    [
        ("    end: true", "    ende: true"),  # not also a dead end
        ("    goto: b\n", "    choices:\n      - text: On\n        gotoo: b\n"),  # not also a choice without a way on
        ("    text: Bye.", "    txt: Bye."),  # not also a scene without text
    ],
)
def test_a_misspelled_key_is_one_error_not_also_the_key_it_meant_missing(story_dir, before, after):
    [d] = check_story(story_dir({"one.yaml": CHAPTER.replace(before, after)})).diagnostics
    assert d.code == "E101" and "did you mean" in d.message


# -- a real scene file, broken at random ----------------------------------------------------------------
INSERTS = list(":->|\"'[]{}#&*!%@`\t ,?\n") + ["  ", ">>", "- ", ": ", "{if x: a|b}", "---\n", "\\"]


@st.composite
def mutations(draw, lines: list[str]):
    """One to three edits of the kind a slip of the hand makes: a character typed or lost, a line
    indented, dedented, doubled or lost."""
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["insert", "delete", "indent", "dedent", "double", "drop"]))
        line = draw(st.integers(0, len(lines) - 1))
        column = draw(st.integers(0, 80))
        edits.append((kind, line, column, draw(st.sampled_from(INSERTS))))
    return edits


def mutate(lines: list[str], edits) -> str:
    lines = list(lines)
    for kind, line, column, text in edits:
        line = min(line, len(lines) - 1)
        here = lines[line]
        column = min(column, len(here))
        if kind == "insert":
            lines[line] = here[:column] + text + here[column:]
        elif kind == "delete":
            lines[line] = here[:column] + here[column + 1 :]
        elif kind == "indent":
            lines[line] = " " * (1 + column % 4) + here
        elif kind == "dedent":
            lines[line] = here[min(len(here) - len(here.lstrip(" ")), 1 + column % 4) :]
        elif kind == "double":
            lines.insert(line, here)
        elif len(lines) > 1:
            del lines[line]
    return "\n".join(lines) + "\n"


def _example_story() -> tuple[Path, str]:
    folder = Path(tempfile.mkdtemp()) / "story"
    scaffold(folder)
    [chapter] = [p for p in folder.glob("*.yaml") if p.name != "story.yaml"]
    return folder, chapter.name


EXAMPLE, CHAPTER_FILE = _example_story()
EXAMPLE_LINES = (EXAMPLE / CHAPTER_FILE).read_text(encoding="utf-8").splitlines()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations(EXAMPLE_LINES))
def test_a_scene_file_broken_at_random_gets_messages_with_a_place_never_a_traceback(edits):
    folder = Path(tempfile.mkdtemp())
    try:
        root = Path(shutil.copytree(EXAMPLE, folder / "story"))
        (root / CHAPTER_FILE).write_text(mutate(EXAMPLE_LINES, edits), encoding="utf-8")
        result = check_story(root)
        for d in result.diagnostics:
            where = d.location
            assert where.path is not None and where.line is not None and where.column is not None, str(d)
            assert not any(phrase in d.message for phrase in PARSER_WORDS), str(d)
    finally:
        shutil.rmtree(folder)
