"""Format 2's ways on, without dummy choices: `set` on entering a scene, a `goto` with branches,
a detour that goes on elsewhere (`then`), and a choice shown but not selectable."""

from __future__ import annotations

import pytest

from experience.story import (
    StoryRuntimeError,
    advance,
    available,
    begin,
    check_story,
    choose,
    destination,
    load_story,
    needs_checkin,
    take,
    view,
)

MANIFEST = """\
title: Flow
format: 2
start: one/a
variables:
  steps: 0
  warmth: 0
  ready: false
"""

FLOW = """\
title: One
scenes:
  a:
    set: {steps: steps + 1}
    text: "Step {steps}."
    choices:
      - text: Warm up and go on
        set: {warmth: warmth + 3}
        goto:
          - if: warmth > 2
            to: warm
          - to: cold
      - text: Pause, then go on
        detour: pause
        then: after
      - text: Leave
        disabled_if: not ready
        reason: Not yet.
        goto: end
  pause:
    text: Breathe.
    return: true
  after:
    set: {ready: true}
    text: After the pause.
    goto: a
  warm:
    text: Warm.
    goto:
      - if: steps < 2
        to: a
      - to: end
  cold:
    text: Cold.
    goto: end
  end:
    text: The end.
    end: true
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir({"one.yaml": FLOW}, manifest=MANIFEST))


def choice(story, scene: str, number: int):
    return story.scenes[scene].choices[number - 1]


def test_set_on_entering_a_scene_applies_at_the_start_and_on_every_arrival(story):
    start = begin(story)
    assert start.variables["steps"] == 1 and view(story, start).text == "Step 1."
    again = advance(story, take(story, start, choice(story, "one/a", 1)))
    assert again.scene == "one/a" and again.variables["steps"] == 2


def test_a_goto_takes_its_first_branch_that_holds_after_the_choices_set(story):
    start = begin(story)
    assert destination(story, start, choice(story, "one/a", 1)) == "one/warm"  # warmth 0 + 3 > 2
    assert take(story, start, choice(story, "one/a", 1)).scene == "one/warm"


def test_a_scene_goto_takes_its_last_branch_when_no_other_holds(story):
    start = begin(story)
    warm = take(story, start, choice(story, "one/a", 1))
    second = take(story, advance(story, warm), choice(story, "one/a", 1))
    assert second.variables["steps"] == 2 and advance(story, second).scene == "one/end"


def test_a_detour_with_then_goes_on_to_a_new_scene_which_counts_as_a_visit(story):
    paused = take(story, begin(story), choice(story, "one/a", 2))
    assert paused.scene == "one/pause" and paused.detours == ("then:one/after",)
    after = advance(story, paused)
    assert after.scene == "one/after" and after.detours == () and after.visits["one/after"] == 1
    assert after.variables["ready"] is True  # entered, so its set applied


def test_coming_back_from_a_detour_without_then_sets_nothing_again(story_dir):
    chapter = FLOW.replace("        detour: pause\n        then: after\n", "        detour: pause\n")
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    back = advance(story, take(story, begin(story), choice(story, "one/a", 2)))
    assert back.scene == "one/a" and back.variables["steps"] == 1 and back.visits["one/a"] == 1


def test_a_disabled_choice_is_shown_with_its_reason_but_cannot_be_taken(story):
    start = begin(story)
    now = view(story, start)
    assert [label for _, label in now.choices] == ["Warm up and go on", "Pause, then go on"]
    assert [(label, reason) for _, label, reason in now.disabled] == [("Leave", "Not yet.")]
    with pytest.raises(StoryRuntimeError):
        choose(story, start, 3)
    ready = advance(story, take(story, start, choice(story, "one/a", 2)))
    assert ready.scene == "one/after" and "Leave" in [c.text.source for c in available(story, advance(story, ready))]


def test_a_fallback_is_offered_when_the_other_choices_are_disabled(story_dir):
    chapter = FLOW.replace(
        "        goto: end\n  pause:",
        "        goto: end\n      - text: Wait\n        fallback: true\n        goto: end\n  pause:",
    ).replace("      - text: Warm up and go on\n", "      - text: Warm up and go on\n        disabled_if: true\n")
    chapter = chapter.replace(
        "        detour: pause\n        then: after\n",
        "        detour: pause\n        then: after\n        disabled_if: steps > 0\n",
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    assert [c.text.source for c in available(story, begin(story))] == ["Wait"]


def test_a_scene_can_continue_into_a_detour_and_on(story_dir):
    chapter = FLOW.replace(
        "  cold:\n    text: Cold.\n    goto: end\n", "  cold:\n    text: Cold.\n    detour: pause\n    then: end\n"
    ).replace("to: warm", "to: cold")
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    cold = take(story, begin(story), choice(story, "one/a", 1))
    paused = advance(story, cold)
    assert paused.scene == "one/pause" and advance(story, paused).scene == "one/end"


def test_going_on_after_a_detour_into_a_deep_scene_is_asked_about_but_coming_back_is_not(story_dir):
    chapter = FLOW.replace(
        "  after:\n", "  after:\n    intensity: deep\n    content_note: Touches on a hard evening.\n"
    )
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    paused = take(story, begin(story), choice(story, "one/a", 2))
    assert needs_checkin(story, paused, destination(story, paused))


def test_random_is_the_same_on_a_replay_and_new_at_the_next_step(story_dir):
    chapter = FLOW.replace("    set: {steps: steps + 1}\n", "    set: {steps: steps + 1, roll: 'random(1, 1000)'}\n")
    chapter = chapter.replace('"Step {steps}."', '"Step {steps}, rolled {roll}."')
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST + "  roll: 0\n"))
    first, replay = begin(story, seed=5), begin(story, seed=5)
    assert first.variables["roll"] == replay.variables["roll"]
    rolls = {begin(story, seed=seed).variables["roll"] for seed in range(10)}
    assert len(rolls) > 5 and all(1 <= r <= 1000 for r in rolls)
    later = advance(story, take(story, first, choice(story, "one/a", 1)))
    assert later.variables["roll"] != first.variables["roll"]


def test_a_goto_whose_branches_all_fail_is_a_runtime_error_with_a_place(story_dir):
    chapter = FLOW.replace("      - to: end\n", "      - if: steps > 100\n        to: end\n")
    story = load_story(story_dir({"one.yaml": chapter}, manifest=MANIFEST))
    second = take(
        story, advance(story, take(story, begin(story), choice(story, "one/a", 1))), choice(story, "one/a", 1)
    )
    with pytest.raises(StoryRuntimeError, match="none of the branches"):
        advance(story, second)


# -- what the checker says ------------------------------------------------------------------------------
def codes(story_dir, chapter: str, manifest: str = MANIFEST) -> list[tuple[str, str]]:
    result = check_story(story_dir({"one.yaml": chapter}, manifest=manifest))
    return [(d.code, d.message) for d in result.diagnostics]


def test_the_flow_story_checks_clean(story_dir):
    assert codes(story_dir, FLOW) == []


def test_then_needs_a_detour_and_a_reason_needs_disabled_if(story_dir):
    chapter = FLOW.replace("        detour: pause\n", "        goto: cold\n").replace(
        "        disabled_if: not ready\n", ""
    )
    found = codes(story_dir, chapter)
    assert ("E102", "'then' says where a detour goes on to, so it needs 'detour' beside it") in found
    assert ("E102", "'reason' is shown while a choice cannot be taken, so it needs 'disabled_if' beside it") in found


def test_a_scene_that_continues_into_a_detour_needs_then(story_dir):
    chapter = FLOW.replace("    text: Cold.\n    goto: end\n", "    text: Cold.\n    detour: pause\n")
    [(code, message)] = codes(story_dir, chapter)
    assert code == "E102" and "needs 'then'" in message


def test_a_branch_written_as_a_scene_name_says_how_to_write_it(story_dir):
    chapter = FLOW.replace("          - to: cold\n", "          - cold\n")
    [(code, message)] = codes(story_dir, chapter)
    assert code == "E100" and "write '- to: cold'" in message


def test_a_goto_whose_every_branch_has_a_condition_may_strand_a_reader(story_dir):
    chapter = FLOW.replace("          - to: cold\n", "          - if: warmth < 1\n            to: cold\n")
    [(code, message)] = codes(story_dir, chapter)
    assert code == "W401" and "let the last branch have no 'if'" in message and "fallback" not in message


def test_branches_with_complementary_conditions_never_strand_a_reader(story_dir):
    chapter = FLOW.replace("          - to: cold\n", "          - if: not (warmth > 2)\n            to: cold\n")
    assert codes(story_dir, chapter) == []


def test_format_2_without_saying_so_is_one_warning_at_its_first_use(story_dir):
    found = codes(story_dir, FLOW, manifest=MANIFEST.replace("format: 2\n", ""))
    assert [code for code, _ in found] == ["W407"]
    assert "'set' in scene 'a'" in found[0][1] and "say 'format: 2' in story.yaml" in found[0][1]


@pytest.mark.parametrize(
    "written, words",
    [("3", "this story is written in format 3"), ("two", "format is 1 and 2, not the text 'two'")],
)
def test_a_format_this_program_cannot_read_is_said_plainly(story_dir, written, words):
    found = codes(story_dir, FLOW, manifest=MANIFEST.replace("format: 2", f"format: {written}"))
    assert any(code == "E104" and words in message for code, message in found)


def test_the_welcome_is_read_with_the_story(story_dir):
    manifest = MANIFEST + "welcome: |\n  A short story about *flow*.\n"
    story = load_story(story_dir({"one.yaml": FLOW}, manifest=manifest))
    assert story.welcome == "A short story about *flow*.\n" and story.format == 2
