"""The checker and the players never crash on a number: each is a located error or a safe value.

An integer of more than 4,300 digits (a variable's start, `minutes`) made Python refuse to read
it (ValueError, exit 2); a constant `if: 1 / 0 > 0` stopped the whole report at its first
division; a `set` that multiplies a variable by itself passed the checker and crashed play after
three steps, when the number grew too long to be shown. Numbers now lie within ±10^15 (written
beyond that, they are an error where they are written), an expression without variables is
computed once as it loads, and what a `set` computes stops at the limit.
"""

from __future__ import annotations

from experience.story import begin, check_story, load_story, take, view
from experience.story.codes import Code
from experience.story.diagnostics import StoryRuntimeError

from .terminals import run_experience

HUGE = "9" * 5000
LIMIT = 10**15  # the range AUTHORING.md promises authors (format.NUMBER_LIMIT)
TEXT_LIMIT = 10_000  # and the longest text a set keeps (format.TEXT_LIMIT)
ONE_SCENE = "title: One\nscenes:\n  a:\n    text: Hi.\n    end: true\n"


def check(root) -> tuple[int, str]:
    done = run_experience("check", str(root))
    return done.returncode, (done.stdout + done.stderr).decode()


def codes_at(root) -> set[tuple[str, str, int | None]]:
    return {(d.code.value, d.location.path.name, d.location.line) for d in check_story(root).diagnostics}


def test_a_start_value_of_five_thousand_digits_is_a_located_error_not_a_crash(story_dir):
    root = story_dir({"one.yaml": ONE_SCENE}, manifest=f"title: T\nstart: one/a\nvariables:\n  n: {HUGE}\n")
    code, said = check(root)
    assert code == 1, said
    assert "story.yaml:4:6: error: the start of 'n' is too large" in said
    assert "something went wrong" not in said


def test_minutes_of_five_thousand_digits_is_a_located_error(story_dir):
    root = story_dir({"one.yaml": ONE_SCENE.replace("scenes:", f"minutes: -{HUGE}\nscenes:")})
    assert (Code.INVALID_VALUE.value, "one.yaml", 2) in codes_at(root)


def test_a_number_beyond_the_limit_in_an_expression_is_a_located_error(story_dir):
    chapter = ONE_SCENE.replace(
        "    end: true\n", "    choices:\n      - text: go\n        if: tenderness < 1e400\n        goto: a\n"
    )
    assert (Code.INVALID_VALUE.value, "one.yaml", 7) in codes_at(story_dir({"one.yaml": chapter}))


def test_a_constant_that_cannot_be_computed_is_one_located_error_among_the_rest(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: Hi.\n    choices:\n"
        "      - text: never\n        if: 1 / 0 > 0\n        goto: b\n"
        "      - text: on\n        goto: b\n"
        "  b:\n    text: Bye.\n    end: true\n    colour: blue\n"
    )
    code, said = check(story_dir({"one.yaml": chapter}))
    assert code == 1
    assert "one.yaml:7:13: error: division by zero in '1 / 0 > 0' [E307]" in said
    assert "[E101]" in said  # the report went on: the unknown key further down is there too


SQUARING = """\
title: One
scenes:
  a:
    text: "n is {n}, and the trail is {trail}"
    choices:
      - text: again
        set: {n: n * n * n * n * n, trail: trail + trail}
        goto: a
      - text: stop
        goto: b
  b:
    text: Bye.
    end: true
"""
SQUARING_MANIFEST = 'title: T\nstart: one/a\nvariables:\n  n: 10\n  trail: "ab"\n'


def test_a_set_that_grows_without_end_stops_at_the_limits(story_dir):
    from experience.story import format as fmt

    assert (fmt.NUMBER_LIMIT, fmt.TEXT_LIMIT) == (LIMIT, TEXT_LIMIT)
    story = load_story(story_dir({"one.yaml": SQUARING}, manifest=SQUARING_MANIFEST))
    state = begin(story)
    for _ in range(30):
        state = take(story, state, view(story, state).choices[0][0])
    assert state.variables["n"] == LIMIT
    assert len(state.variables["trail"]) == TEXT_LIMIT
    assert f"n is {LIMIT}" in view(story, state).text


def test_playing_a_story_that_grows_without_end_goes_on_step_after_step(story_dir, data_dir):
    root = story_dir({"one.yaml": SQUARING}, manifest=SQUARING_MANIFEST)
    done = run_experience("play", "--plain", str(root), "--data-dir", str(data_dir), typed=b"\n" + b"1\n" * 8 + b"2\n")
    assert done.returncode == 0, done.stderr.decode()
    assert f"n is {LIMIT}".encode() in done.stdout and b"Bye." in done.stdout


def test_numbers_past_counting_are_a_runtime_error_the_players_handle(story_dir):
    """inf - inf is nan: not a number to keep in a variable, but a step that cannot be taken."""
    big = " * ".join(["n"] * 25)
    chapter = SQUARING.replace("n * n * n * n * n", f"{big} * 1.0 - {big} * 1.0")
    story = load_story(story_dir({"one.yaml": chapter}, manifest=SQUARING_MANIFEST.replace("n: 10", "n: 1e15")))
    state = begin(story)
    try:
        take(story, state, view(story, state).choices[0][0])
    except StoryRuntimeError as error:
        assert "grew too large" in str(error)
    else:
        raise AssertionError("nan was kept as if it were a number")
