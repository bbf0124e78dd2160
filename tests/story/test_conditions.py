"""The expression language: what authors can write, what they cannot, and what it computes."""

from __future__ import annotations

from pathlib import Path

import pytest

from experience.story.conditions import ValueType, compile_expression
from experience.story.diagnostics import Location, StoryRuntimeError
from experience.story.text import format_value

VARIABLES = {"tenderness": ValueType.NUMBER, "role": ValueType.TEXT, "ready": ValueType.FLAG}
SCENES = {"one/a", "one/b", "two/x"}
HERE = Location(Path("one.yaml"), 3, 9)


def resolve(ref: str) -> str | None:
    full = ref if "/" in ref else f"one/{ref}"
    return full if full in SCENES else None


def compile_(source: str):
    return compile_expression(source, variables=VARIABLES, resolve_scene=resolve, location=HERE)


def value(source: str, variables=None, visits=None):
    expression, problem = compile_(source)
    assert problem is None, str(problem)
    env = {"tenderness": 2, "role": "caretaker", "ready": False}
    env.update(variables or {})
    return expression.evaluate(env, visits or {})


def rejected(source: str):
    expression, problem = compile_(source)
    assert expression is None and problem is not None, source
    return problem


@pytest.mark.parametrize(
    "source, expected",
    [
        ("1 + 2 * 3", 7),
        ("tenderness / 4", 0.5),
        ("-tenderness + 5", 3),
        ("tenderness > 1 and not ready", True),
        ("ready or tenderness == 2", True),
        ('role == "caretaker"', True),
        ("role + '!' == 'caretaker!'", True),
        ("1 < tenderness < 3", True),
        ("1 < tenderness < 2", False),
        ("true and false", False),
        ("not 0", True),
    ],
)
def test_expressions_compute_what_they_say(source, expected):
    assert value(source) == expected


def test_seen_and_visits_read_the_reader_history():
    visits = {"one/a": 2}
    assert value('seen("a")', visits=visits) is True
    assert value('seen("one/b")', visits=visits) is False
    assert value('visits("one/a") + 1', visits=visits) == 3


def test_expressions_know_their_type_and_what_they_read():
    expression, _ = compile_('tenderness > 1 and seen("two/x")')
    assert expression.type is ValueType.FLAG
    assert expression.reads == {"tenderness"}
    assert expression.scenes == {"two/x"}


@pytest.mark.parametrize(
    "source, code, words",
    [
        ("role.__class__", "E303", "attributes"),
        ("role[0]", "E303", "subscripts"),
        ("__import__('os')", "E302", "unknown function"),
        ("__builtins__", "E303", "double underscores"),
        ("open('x')", "E302", "unknown function 'open'"),
        ("seen", "E300", "is a function"),
        ("role.upper()", "E303", "write capitalize(role)"),
        ("role.__len__()", "E303", "only the story's functions can be called"),
        ("[1, 2]", "E303", "lists"),
        ("lambda: 1", "E303", "lambda"),
        ("x if ready else 1", "E303", "if ... else"),
        ("(y := 2)", "E303", "':='"),
        ("f'{role}'", "E303", "f-strings"),
        ("tenderness % 2", "E303", "only + - * /"),
        ("tenderness ** 2", "E303", "only + - * /"),
        ("role in 'abc'", "E303", "'in'"),
        ("ready is true", "E303", "use == and !="),
        ("True", "E303", "lower case"),
        ("None", "E303", "None is not a value"),
        ("tendernes > 1", "E301", "did you mean 'tenderness'?"),
        ("mood > 1", "E301", "declare it under 'variables'"),
        ("seen('nowhere')", "E200", "which does not exist"),
        ("seen(role)", "E300", "scene name in quotes"),
        ("seen('a', 'b')", "E300", "takes one scene"),
        ("sen('a')", "E302", "did you mean 'seen'?"),
        ("tenderness = 2", "E300", "write '=='"),
        ("ready && true", "E300", "'and'"),
        ("!ready", "E300", "'not'"),
        ("(", "E300", "cannot read"),
        ("", "E300", "empty"),
    ],
)
def test_anything_outside_the_language_is_refused_with_a_reason(source, code, words):
    problem = rejected(source)
    assert problem.code == code
    assert words in problem.message


@pytest.mark.parametrize(
    "source, words",
    [
        ("role > 3", "needs two numbers or two texts"),
        ("role == 3", "compares text with a number"),
        ("tenderness + role", "needs two numbers"),
        ("-role", "needs a number"),
        ("ready < true", "needs two numbers or two texts"),
    ],
)
def test_type_mismatches_are_found_before_anyone_plays(source, words):
    problem = rejected(source)
    assert problem.code == "E304" and words in problem.message


def test_errors_point_at_the_offending_part():
    problem = rejected("tenderness > 1 and mood")
    assert (problem.location.line, problem.location.column) == (3, 9 + 19)


def test_very_long_or_deep_expressions_are_refused_not_crashed():
    assert rejected("1 + " * 400 + "1").code == "E300"
    assert rejected("(" * 300 + "1" + ")" * 300).code == "E300"
    assert rejected("-" * 200 + "1").code == "E300"


def test_division_by_zero_is_a_story_error_with_a_place():
    expression, _ = compile_("tenderness / (tenderness - 2)")
    with pytest.raises(StoryRuntimeError) as caught:
        expression.evaluate({"tenderness": 2}, {})
    assert caught.value.location == HERE


def test_values_read_naturally_in_text():
    assert [format_value(v) for v in (3.0, 2.5, True, False, "x", 7)] == ["3", "2.5", "yes", "no", "x", "7"]


# -- the functions format 2 added ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "source, expected",
    [
        ('capitalize("the younger you, McKay")', "The younger you, McKay"),  # the rest as it was
        ('capitalize("  ünder")', "  Ünder"),
        ('capitalize("")', ""),
        ("round(2.5)", 3),  # halves round up, not to even
        ("round(-0.4)", 0),
        ("round(tenderness / 3)", 1),
    ],
)
def test_capitalize_and_round_do_what_an_author_expects(source, expected):
    assert value(source) == expected


def test_random_is_a_whole_number_in_its_range_fixed_by_the_draw():
    expression, _ = compile_("random(1, 6)")
    rolls = [expression.evaluate({}, {}, draw) for draw in range(200)]
    assert set(rolls) == {1, 2, 3, 4, 5, 6}
    assert [expression.evaluate({}, {}, draw) for draw in range(200)] == rolls
    assert not expression.is_constant and expression.rolls


@pytest.mark.parametrize(
    "source, code, words",
    [
        ("capitalize(3)", "E304", "capitalize() needs text, not a number"),
        ("random(1)", "E300", "random() takes 2 values, like random(1, 6)"),
        ("round(role)", "E304", "round() needs a number"),
    ],
)
def test_the_new_functions_are_checked_like_the_rest(source, code, words):
    problem = rejected(source)
    assert problem.code == code and words in problem.message
