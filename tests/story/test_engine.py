"""The engine: immutable states, choices, detours, text that changes, and saves that survive edits."""

from __future__ import annotations

import pytest

from experience.story import (
    StoryRuntimeError,
    advance,
    available,
    back,
    begin,
    choose,
    destination,
    is_stuck,
    load_story,
    needs_checkin,
    record_answer,
    restore,
    restore_history,
    scene_text,
    view,
)

MANIFEST = """\
title: Engine
start: one/a
variables:
  tenderness: 0
  name: "the younger you"
"""

ONE = """\
title: One
scenes:
  a:
    title: Start
    text: "Hello, {name}."
    revisit: Back again.
    choices:
      - text: Warm up
        goto: b
        set: {tenderness: tenderness + 1}
      - text: Only once
        goto: b
        once: true
      - text: Pause
        detour: two/breath
      - text: Hidden until warm
        goto: c
        if: tenderness > 0
  b:
    text:
      - First.
      - if: tenderness > 0
        text: "Warm: {tenderness}."
      - sequence: [One, Two, Three]
      - cycle: [Odd, Even]
    reflect:
      prompt: "Name this part, {name}?"
      save_as: name
    choices:
      - text: Back to a
        goto: a
      - text: Deeper
        goto: deep
      - text: Only when stuck
        goto: c
        fallback: true
  deep:
    text: Deep water.
    intensity: deep
    content_note: A heavy moment.
    gentler: c
    goto: c
  c:
    text: "Bye, {name}."
    end: true
"""

TWO = """\
title: Two
scenes:
  breath:
    text: Breathe.
    choices:
      - text: Return
        return: true
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir({"one.yaml": ONE, "two.yaml": TWO}, manifest=MANIFEST))


def labels(story, state):
    return [label for _, label in view(story, state).choices]


def test_a_story_begins_at_its_start_with_declared_values(story):
    state = begin(story)
    assert state.scene == "one/a"
    assert state.variables == {"tenderness": 0, "name": "the younger you"}
    assert state.visits == {"one/a": 1}
    assert state.step == 0 and state.previous is None


def test_choosing_returns_a_new_state_and_leaves_the_old_one_alone(story):
    first = begin(story)
    second = choose(story, first, 1)
    assert second.scene == "one/b" and second.variables["tenderness"] == 1
    assert first.scene == "one/a" and first.variables["tenderness"] == 0
    assert second.previous is first and second.step == 1


def test_back_is_the_previous_state(story):
    first = begin(story)
    second = choose(story, first, 1)
    assert back(second) is first
    assert back(first) is None
    assert [s.scene for s in second.history()] == ["one/a", "one/b"]


def test_conditions_hide_choices_until_they_hold(story):
    state = begin(story)
    assert "Hidden until warm" not in labels(story, state)
    warmed = choose(story, choose(story, state, 1), 1)
    assert warmed.scene == "one/a" and "Hidden until warm" in labels(story, warmed)


def test_an_unavailable_choice_cannot_be_taken(story):
    with pytest.raises(StoryRuntimeError):
        choose(story, begin(story), 4)
    with pytest.raises(StoryRuntimeError):
        choose(story, begin(story), 9)


def test_once_only_choices_disappear_after_being_taken(story):
    state = choose(story, begin(story), 2)
    again = choose(story, state, 1)
    assert again.scene == "one/a" and "Only once" not in labels(story, again)


def test_fallback_choices_appear_only_when_nothing_else_is_available(story):
    state = choose(story, begin(story), 1)
    assert "Only when stuck" not in labels(story, state)


def test_a_detour_returns_to_where_it_began_without_counting_a_new_visit(story):
    state = begin(story)
    paused = choose(story, state, 3)
    assert paused.scene == "two/breath" and paused.detours == ("one/a",)
    back_again = choose(story, paused, 1)
    assert back_again.scene == "one/a" and back_again.detours == ()
    assert back_again.visits["one/a"] == 1


def test_return_without_a_detour_is_a_runtime_error_not_a_crash(story):
    from experience.story.engine import State

    stray = State("two/breath", {"tenderness": 0, "name": ""}, {"two/breath": 1})
    with pytest.raises(StoryRuntimeError):
        choose(story, stray, 1)


def test_text_uses_values_and_changes_on_a_return_visit(story):
    state = begin(story)
    assert view(story, state).text == "Hello, the younger you."
    returned = choose(story, choose(story, state, 2), 1)
    assert view(story, returned).text == "Back again."


def test_conditional_paragraphs_and_variations_follow_the_visits(story):
    first = choose(story, begin(story), 2)
    assert scene_text(story, first) == "First.\n\nOne\n\nOdd"
    second = choose(story, choose(story, first, 1), 1)  # back to a, then warm up into b
    assert scene_text(story, second) == "First.\n\nWarm: 1.\n\nTwo\n\nEven"
    third = choose(story, choose(story, second, 1), 1)
    assert scene_text(story, third).endswith("Three\n\nOdd")


def test_shuffled_paragraphs_are_fixed_per_reader(story_dir):
    chapter = "title: One\nscenes:\n  a:\n    text:\n      - shuffle: [A, B, C, D, E]\n    choices:\n      - text: again\n        goto: a\n"
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\n"))

    def reading(seed):
        state = begin(story, seed=seed)
        out = []
        for _ in range(5):
            out.append(scene_text(story, state))
            state = choose(story, state, 1)
        return out

    assert reading(1) == reading(1)
    assert sorted(reading(1)) == ["A", "B", "C", "D", "E"]  # each once per round
    assert any(reading(seed) != reading(1) for seed in range(2, 10))


def test_a_typed_name_is_kept_and_shown_literally(story):
    state = choose(story, begin(story), 1)
    named = record_answer(story, state, "  **Little** [bold]me[/]  ")
    assert named.variables["name"] == "**Little** [bold]me[/]"
    assert named.previous is state.previous and named.step == state.step  # not a new step
    assert view(story, named).prompt == "Name this part, **Little** [bold]me[/]?"


def test_reader_values_are_escaped_in_markdown(story):
    state = record_answer(story, choose(story, begin(story), 1), "# *me*")
    finished = advance(story, choose(story, state, 2), gentler=False)
    assert finished.scene == "one/c"
    assert view(story, finished).text == "Bye, \\# \\*me\\*."


def test_a_check_in_comes_before_the_first_deep_scene(story):
    at_b = choose(story, begin(story), 1)
    assert needs_checkin(story, at_b, "one/deep")
    assert not needs_checkin(story, at_b, "one/a")
    deep = choose(story, at_b, 2)
    assert not needs_checkin(story, deep, "one/c")


def test_the_gentler_path_lands_elsewhere_but_keeps_the_choice(story):
    at_b = choose(story, begin(story), 1)
    gentle = choose(story, at_b, 2, gentler=True)
    assert gentle.scene == "one/c"


def test_continuing_and_endings(story):
    deep = choose(story, choose(story, begin(story), 1), 2)
    assert view(story, deep).can_continue and destination(story, deep) == "one/c"
    end = advance(story, deep)
    assert view(story, end).ending and not is_stuck(story, end)
    with pytest.raises(StoryRuntimeError):
        advance(story, end)


def test_a_snapshot_restores_the_same_state(story):
    state = choose(story, choose(story, begin(story, seed=7), 2), 1)
    restored = restore(story, state.snapshot())
    assert restored.notes == ()
    assert restored.state == state


def test_a_whole_history_restores_so_back_still_works(story):
    state = choose(story, choose(story, begin(story), 1), 1)
    restored = restore_history(story, [s.snapshot() for s in state.history()]).state
    assert restored == state
    assert [s.scene for s in restored.history()] == ["one/a", "one/b", "one/a"]


def test_a_save_whose_scene_was_removed_lands_at_its_chapter_start(story):
    snap = begin(story).snapshot() | {"scene": "one/renamed"}
    restored = restore(story, snap)
    assert restored.state.scene == "one/a"
    assert "beginning of “One”" in restored.notes[0]


def test_a_save_whose_chapter_was_removed_lands_at_the_start(story):
    restored = restore(story, {"scene": "gone/x", "variables": {"tenderness": 3}})
    assert restored.state.scene == "one/a" and restored.state.variables["tenderness"] == 3
    assert "back at the beginning" in restored.notes[0]


def test_restore_never_raises_on_garbage(story):
    for junk in (
        {},
        {"scene": 5},
        {"variables": "x", "visits": [1], "taken": 3, "detours": {"a": 1}},
        {"variables": {"tenderness": "many", "gone": 1}, "visits": {"one/a": -1, "zz": 2}, "step": True},
    ):
        state = restore(story, junk).state
        assert state.scene in story.scenes and state.variables["tenderness"] == 0
        assert available(story, state) is not None


def test_the_gentler_path_does_not_apply_what_the_choice_would_have_set(story_dir):
    chapter = ONE.replace(
        "      - text: Deeper\n        goto: deep\n",
        "      - text: Deeper\n        goto: deep\n        set: {tenderness: 99}\n        once: true\n",
    )
    story = load_story(story_dir({"one.yaml": chapter, "two.yaml": TWO}, manifest=MANIFEST))
    at_b = choose(story, begin(story), 1)
    gentle = choose(story, at_b, 2, gentler=True)
    assert gentle.scene == "one/c" and gentle.variables["tenderness"] == 1 and gentle.taken == frozenset()
    brave = choose(story, at_b, 2)
    assert brave.scene == "one/deep" and brave.variables["tenderness"] == 99


def test_a_blank_answer_is_a_skip_and_keeps_the_default(story):
    state = choose(story, begin(story), 1)
    assert record_answer(story, state, "   \n ") is state
    assert view(story, record_answer(story, state, "")).prompt == "Name this part, the younger you?"


def test_a_mended_save_never_lands_on_a_side_path_with_no_way_back(story):
    restored = restore(story, {"scene": "two/gone", "detours": []})
    assert restored.state.scene == "one/a" and restored.state.detours == ()
    stranded = restore(story, {"scene": "two/breath", "detours": ["one/vanished"]})
    assert stranded.state.scene == "one/a" and "way back" in stranded.notes[0]
    kept = restore(story, {"scene": "two/breath", "detours": ["one/a"]})
    assert kept.state.scene == "two/breath" and kept.notes == ()


def test_a_mended_save_never_lands_on_a_deep_scene_without_a_check_in(story_dir):
    deep_first = ONE.replace(
        "scenes:\n  a:\n",
        "scenes:\n  plunge:\n    text: x\n    intensity: deep\n"
        "    content_note: n\n    gentler: c\n    goto: c\n  a:\n",
    )
    manifest = MANIFEST.replace("start: one/a", "start: one/a")
    story = load_story(story_dir({"one.yaml": deep_first + "", "two.yaml": TWO}, manifest=manifest))
    restored = restore(story, {"scene": "one/removed"})
    assert restored.state.scene == "one/a"  # the start, not the deep first scene of the chapter


def test_variations_in_revisit_count_the_returns(story_dir):
    chapter = (
        "title: One\nscenes:\n  a:\n    text: First time.\n    revisit:\n      - sequence: [One, Two]\n"
        "    choices:\n      - text: again\n        goto: a\n"
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest="title: T\nstart: one/a\n"))
    state = begin(story)
    seen = []
    for _ in range(4):
        seen.append(scene_text(story, state))
        state = choose(story, state, 1)
    assert seen == ["First time.", "One", "Two", "Two"]


def test_no_move_changes_a_state_it_was_given():
    """States are values though not frozen at run time (see State): every move leaves the states
    before it exactly as they were, through a hundred readers of the whole journey."""
    import random

    from experience.bundled import bundled_story

    journey = load_story(bundled_story())
    for seed in range(100):
        rng = random.Random(seed)
        state, kept = begin(journey, seed=seed), []
        while not journey.scenes[state.scene].end and len(kept) < 300:
            kept.append((state, state.snapshot(), state.draw, state.previous))
            scene = journey.scenes[state.scene]
            if scene.reflect is not None and scene.reflect.save_as and rng.random() < 0.5:
                state = record_answer(journey, state, "an answer")
            options = available(journey, state)
            if options:
                state = choose(journey, state, rng.choice(options), gentler=rng.random() < 0.3)
            else:
                state = advance(journey, state, gentler=rng.random() < 0.3)
        for before, snapshot, draw, previous in kept:
            assert (before.snapshot(), before.draw, before.previous) == (snapshot, draw, previous)


def test_a_scene_titled_as_its_chapter_is_headed_by_the_title_once(story_dir):
    named = story_dir({"one.yaml": ONE.replace("title: Start", "title: One"), "two.yaml": TWO}, manifest=MANIFEST)
    shown = view(load_story(named), begin(load_story(named)))
    assert (shown.chapter_title, shown.title) == ("One", None)
