"""The checker in the corners the ports of two other tools' stories found: one error for one
mistake, no warning where a reader cannot be stranded, and YAML's mistakes in an author's words."""

from __future__ import annotations

import pytest

from experience.story import check_story

MANIFEST = "title: T\nstart: one/a\nvariables:\n  teacup: false\n  x: 0\n"


def found(story_dir, chapter: str, manifest: str = MANIFEST) -> list[tuple[str, int | None, str]]:
    """What the checker says, but for variables these small stories leave unused (W402, W403)."""
    result = check_story(story_dir({"one.yaml": chapter}, manifest=manifest))
    return [(d.code, d.location.line, d.message) for d in result.diagnostics if d.code not in ("W402", "W403")]


def two_ways(first: str, second: str, extra: str = "") -> str:
    return (
        "title: One\nscenes:\n  a:\n    text: Tea?\n    choices:\n"
        f"      - text: Yes\n        goto: b\n        if: {first}\n"
        f"      - text: No\n        goto: b\n        if: {second}\n{extra}"
        "  b:\n    text: Bye, {x}.\n    end: true\n"
    )


# -- one error for one mistake --------------------------------------------------------------------------
def test_a_variable_declared_without_a_value_is_one_error_not_one_more_per_use(story_dir):
    manifest = "title: T\nstart: one/a\nvariables:\n  mood:\n"
    chapter = (
        "title: One\nscenes:\n  a:\n    text: 'You feel {mood}.'\n    choices:\n"
        "      - text: On\n        goto: b\n        if: mood == 'low'\n        set: {mood: '\"ok\"'}\n"
        "  b:\n    text: Bye.\n    end: true\n"
    )
    assert [(code, line) for code, line, _ in found(story_dir, chapter, manifest)] == [("E104", 4)]


# -- stranded readers ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, second",
    [
        ("teacup", "not teacup"),
        ("x > 15", "not (x > 15)"),
        ("x > 15", "x <= 15"),
        ("15 < x", "x <= 15"),
        ("x == 3", "x != 3"),
        ("teacup and x > 1", "not teacup or x <= 1"),
    ],
)
def test_complementary_conditions_never_strand_a_reader(story_dir, first, second):
    assert found(story_dir, two_ways(first, second)) == []


def test_conditions_that_only_might_cover_everything_still_warn(story_dir):
    [(code, line, message)] = found(story_dir, two_ways("x > 15", "x < 15"))
    assert (code, line) == ("W401", 6) and "add a choice that always is, or one with 'fallback: true'" in message


def test_a_conditional_fallback_is_named_and_no_second_fallback_is_suggested(story_dir):
    extra = "      - text: Wait\n        goto: b\n        fallback: true\n        if: x > 1\n"
    [(code, _, message)] = found(story_dir, two_ways("x > 15", "x < 15", extra))
    assert code == "W401" and "the fallback here (choice 3) is conditional too" in message
    assert "one with 'fallback: true'" not in message


def test_a_shared_list_of_choices_is_warned_about_once_where_it_is_written(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: One.\n    choices: &both\n"
        "      - text: Yes\n        goto: c\n        if: teacup\n"
        "      - text: No\n        goto: c\n        if: x > 2\n"
        "  b:\n    text: Two.\n    choices: *both\n"
        "  c:\n    text: Bye, {x}.\n    end: true\n"
    )
    warnings = [(code, line) for code, line, _ in found(story_dir, chapter) if code == "W401"]
    assert warnings == [("W401", 6)]


# -- YAML, in an author's words ---------------------------------------------------------------------------------
CHOICES = "title: One\nscenes:\n  a:\n    text: Hello\n    choices:\n      - text: On\n        goto: b\n"
END = "  b:\n    text: Bye.\n    end: true\n"


@pytest.mark.parametrize(
    "chapter, line, words",
    [
        (CHOICES.replace("        goto: b\n", "       goto: b\n") + END, 7, "indent it by 8 spaces"),
        (CHOICES + "     - text: Off\n        goto: b\n" + END, 8, "4 spaces (like line 5, 'choices:') or 6 spaces"),
        (CHOICES + "    - text: Off\n      goto: b\n" + END, 8, "starts a list item where a key was expected"),
        ("title: One\nscenes:\n  a:\n    text: Hello\n      goto: b\n" + END, 5, "indented more than 'text:'"),
        ("title: One\nscenes:\n  a:\n    text: |\n      Hello\n    there\n    goto: b\n" + END, 7, "ends the block"),
        (CHOICES.replace("- text: On", "-text: On") + END, 7, "needs a space after the '-'"),
    ],
)
def test_indentation_mistakes_say_which_line_and_what_to_line_it_up_with(story_dir, chapter, line, words):
    [(code, at, message)] = found(story_dir, chapter)
    assert code == "E003" and words in message and "did not find expected" not in message, message
    assert at == line or f"line {line}" in message


def test_a_goto_swallowed_by_a_text_block_is_pointed_out_in_the_dead_end(story_dir):
    chapter = "title: One\nscenes:\n  a:\n    text: |\n      The kettle clicks off.\n      goto: b\n" + END
    [(code, _, message)] = found(story_dir, chapter)
    assert code == "E201" and "the 'goto:' on line 6 is part of the text above it" in message


def test_a_key_swallowed_by_a_text_block_is_warned_about_at_its_line(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: |\n      Write here.\n      reflect:\n        prompt: Why?\n"
        "    goto: b\n" + END
    )
    [(code, line, message)] = found(story_dir, chapter)
    assert (code, line) == ("W408", 6) and "line it up with 'text:'" in message


def test_a_comma_that_split_a_set_in_braces_says_to_quote_the_value(story_dir):
    chapter = CHOICES.replace("        goto: b\n", "        goto: b\n        set: {x: random(1, 6)}\n") + END
    [(code, _, message)] = found(story_dir, chapter, MANIFEST.replace("  x: 0\n", "  x: 0\nformat: 2\n"))
    assert code == "E300" and "put the value in quotes: x: 'random(1, 6)'" in message


# -- empty pages ---------------------------------------------------------------------------------------
def one_scene(text: str) -> str:
    return f"title: One\nscenes:\n  a:\n    text:\n{text}    end: true\n"


def test_a_scene_whose_every_paragraph_may_be_hidden_is_warned_of_at_its_first(story_dir):
    text = "      - if: x > 1\n        text: Many.\n      - if: x == 1\n        text: One.\n"
    [(code, line, message)] = found(story_dir, one_scene(text))
    assert (code, line) == ("W409", 5) and "the reader sees an empty page" in message


@pytest.mark.parametrize(
    "text",
    [
        "      - if: x > 1\n        text: Many.\n      - Always.\n",
        "      - if: teacup\n        text: Tea.\n      - if: not teacup\n        text: No tea.\n",
    ],
)
def test_a_paragraph_that_always_shows_or_two_that_complement_each_other_fill_the_page(story_dir, text):
    assert found(story_dir, one_scene(text)) == []
