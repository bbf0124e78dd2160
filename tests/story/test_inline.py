"""Format 2 inside a sentence: `{if …}`, `{sequence: …}` and any expression in braces, checked
when the story loads and read the same way on every replay."""

from __future__ import annotations

from experience.story import advance, begin, check_story, load_story, scene_text, view

MANIFEST = """\
title: Inline
format: 2
start: one/a
variables:
  tired: false
  strength: 40
  name: "the younger you"
  answer: "**me**"
"""


def chapter(text: str, *, more: str = "") -> str:
    """One scene that shows `text` and comes back to itself, so its visits can be counted."""
    return f"title: One\nscenes:\n  a:\n    text: '{text}'\n    goto: b\n  b:\n    text: Again.\n    goto: a\n{more}"


def story_with(story_dir, text: str, manifest: str = MANIFEST):
    return load_story(story_dir({"one.yaml": chapter(text)}, manifest=manifest))


def shown(story, **values) -> str:
    state = begin(story, seed=7)
    if values:
        state = state.__class__(state.scene, dict(state.variables, **values), state.visits, seed=7)
    return scene_text(story, state)


def problems(story_dir, text: str) -> list[tuple[str, int | None, int | None, str]]:
    result = check_story(story_dir({"one.yaml": chapter(text)}, manifest=MANIFEST))
    return [(d.code, d.location.line, d.location.column, d.message) for d in result.diagnostics]


# -- what the reader sees -----------------------------------------------------------------------------
def test_a_condition_inside_a_sentence_shows_one_alternative_or_the_other(story_dir):
    story = story_with(story_dir, "You walk {if tired: slowly|quickly} home.")
    assert shown(story) == "You walk quickly home."
    assert shown(story, tired=True) == "You walk slowly home."


def test_a_condition_with_nothing_otherwise_leaves_no_gap_in_the_sentence(story_dir):
    story = story_with(story_dir, "You walk {if tired: slowly} home. You rest{if tired: , at last}.")
    assert shown(story) == "You walk home. You rest."
    assert shown(story, tired=True) == "You walk slowly home. You rest, at last."


def test_spaces_are_kept_as_written_and_one_is_shown_where_two_meet(story_dir):
    story = story_with(story_dir, "You walk {if tired: slowly | quickly} home, {name}{if tired: , worn| from afar}.")
    assert shown(story) == "You walk quickly home, the younger you from afar."
    assert shown(story, tired=True) == "You walk slowly home, the younger you, worn."


def test_a_full_stop_typed_at_the_end_of_an_answer_meets_the_sentence_it_is_shown_in(story_dir):
    """One full stop, not two, and none before a comma (a value's own marks are escaped Markdown)."""
    story = story_with(story_dir, "You named {name}. Beside {name}, you rest.")
    assert shown(story, name="the kettle, and the rain outside.") == (
        "You named the kettle, and the rain outside\\. Beside the kettle, and the rain outside, you rest."
    )


def test_a_question_or_an_ellipsis_typed_by_the_reader_is_kept_as_typed(story_dir):
    story = story_with(story_dir, "You asked {name}. Then {name}, softly.")
    assert shown(story, name="why me?") == "You asked why me? Then why me?, softly."
    assert shown(story, name="not sure...") == "You asked not sure\\.\\.\\.. Then not sure\\.\\.\\., softly."


def test_any_expression_of_the_language_can_be_shown(story_dir):
    story = story_with(story_dir, "{100 - strength} left; {capitalize(name)} waits; {round(strength / 3)}.")
    assert shown(story) == "60 left; The younger you waits; 13."


def test_a_value_is_shown_as_typed_but_an_alternative_is_the_authors_markdown(story_dir):
    story = story_with(story_dir, "You wrote {answer}. {if tired: *Rest.*|**Go.**}")
    assert shown(story) == "You wrote \\*\\*me\\*\\*. **Go.**"


def test_alternatives_vary_by_visit_as_paragraphs_do(story_dir):
    story = story_with(story_dir, "{sequence: First|Then|Always}, {cycle: tick|tock}.")
    state, seen = begin(story), []
    for _ in range(4):
        seen.append(scene_text(story, state))
        state = advance(story, advance(story, state))
    assert seen == ["First, tick.", "Then, tock.", "Always, tick.", "Always, tock."]


def test_a_shuffle_inside_a_sentence_is_fixed_by_the_readers_seed(story_dir):
    story = story_with(story_dir, "{shuffle: a|b|c|d|e|f}")

    def visits(seed: int) -> list[str]:
        state, out = begin(story, seed=seed), []
        for _ in range(6):
            out.append(scene_text(story, state))
            state = advance(story, advance(story, state))
        return out

    assert visits(1) == visits(1) and sorted(visits(1)) == list("abcdef")
    assert any(visits(seed) != visits(1) for seed in range(2, 6))


def test_variations_nest_and_close_together(story_dir):
    story = story_with(story_dir, "{if strength > 10: {if tired: worn|strong}|weak}")
    assert shown(story) == "strong" and shown(story, tired=True) == "worn" and shown(story, strength=5) == "weak"


def test_a_bar_or_a_brace_inside_an_alternative_is_written_as_a_value(story_dir):
    story = story_with(story_dir, '{if tired: a {"|"} b|{"{"}c{"}"}} and {{literal}}')
    # values are escaped for Markdown, which shows \\{ as {
    assert shown(story) == "\\{c\\} and {literal}" and shown(story, tired=True) == "a \\| b and {literal}"


def test_choice_labels_and_prompts_vary_too(story_dir):
    root = story_dir(
        {
            "one.yaml": "title: One\nscenes:\n  a:\n    text: Hi.\n    reflect:\n"
            "      prompt: 'What does {capitalize(name)} need?'\n    choices:\n"
            "      - text: '{if tired: Rest|Run}'\n        goto: b\n  b:\n    text: Bye.\n    end: true\n"
        },
        manifest=MANIFEST,
    )
    now = view(load_story(root), begin(load_story(root)))
    assert now.prompt == "What does The younger you need?" and [label for _, label in now.choices] == ["Run"]


# -- what the checker says ---------------------------------------------------------------------------
def test_a_condition_without_its_colon_is_pointed_at(story_dir):
    [(code, line, column, message)] = problems(story_dir, "You walk {if tired slowly|quickly}.")
    assert (code, line, column) == ("E306", 4, 21) and "needs a colon after its condition" in message


def test_an_unknown_variation_suggests_the_one_meant(story_dir):
    [(code, _, column, message)] = problems(story_dir, "{seq: first|then}")
    assert code == "E306" and column == 12 and "did you mean 'sequence'?" in message


def test_a_sequence_needs_two_alternatives_and_an_if_takes_two_at_most(story_dir):
    assert [p[0] for p in problems(story_dir, "{sequence: only}")] == ["E306"]
    [(code, _, _, message)] = problems(story_dir, "{if tired: a|b|c}")
    assert code == "E306" and "two alternatives at most" in message


def test_an_unclosed_variation_is_pointed_at_where_it_opens(story_dir):
    [(code, _, column, message)] = problems(story_dir, "Then {if tired: slowly|quickly and on")
    assert (code, column) == ("E306", 17) and "never closed" in message


def test_expressions_in_text_are_type_checked_at_the_exact_character(story_dir):
    [(code, _, column, message)] = problems(story_dir, "You have {strength + name}.")
    assert (code, column) == ("E304", 22) and "'+' needs two numbers" in message
    [(code, _, column, message)] = problems(story_dir, "{if tird: a|b}")
    assert (code, column) == ("E301", 16) and "did you mean 'tired'?" in message


def test_format_1_placeholders_read_as_before(story_dir):
    manifest = "title: Old\nstart: one/a\nvariables:\n  name: Sam\n"
    story = story_with(story_dir, "Hello {name}, {{not a value}}.", manifest=manifest)
    assert shown(story) == "Hello Sam, {not a value}."
    assert check_story(story.root).diagnostics == []  # no format 2 in it, so no W407
