"""Stops that are pauses, picking up again, check-ins that come back, and withheld answers: the
pure rules, on the story of stops (tests/care/stories/stopping), with no store and no screen."""

from __future__ import annotations

import pytest

from experience.story import begin, load_story, needs_checkin, record_answer, take
from experience.story.pickup import movements, pick_up, stop_for_today, way_on

from ..helpers import STOPPING_STORY


@pytest.fixture(scope="module")
def story():
    return load_story(STOPPING_STORY)


def go(story, state, label: str):
    scene = story.scenes[state.scene]
    return take(story, state, next(c for c in scene.choices if c.text.render(state.variables) == label))


def at_the_low_room(story):
    return go(story, go(story, begin(story), "Go in."), "Go down the stairs.")


def test_end_pause_makes_an_ending_that_is_a_pause(story):
    assert story.scenes["one/resting"].end and story.scenes["one/resting"].pause
    assert story.scenes["two/window"].end and not story.scenes["two/window"].pause


def test_the_story_names_its_gentle_stop(story):
    assert story.stop_scene == "rest/for_today"


def one_chapter(story_dir, scenes: str):
    """A story of one chapter, `one`, with these scenes (YAML, at the scenes' own indent), from one/a."""
    return load_story(story_dir({"one.yaml": "title: One\nscenes:\n" + scenes}, manifest="title: T\nstart: one/a\n"))


def test_without_a_stop_the_first_pause_ending_is_the_stop(story_dir):
    story = one_chapter(
        story_dir,
        """\
  a:
    text: Hello.
    choices:
      - {text: Rest., goto: b}
      - {text: End., goto: c}
  c: {text: The end., end: true}
  b: {text: A pause., end: pause}
""",
    )
    assert story.stop_scene == "one/b"


def test_a_check_in_comes_again_where_the_content_note_changes(story):
    state = at_the_low_room(story)
    assert needs_checkin(story, state, "one/lower")  # an old loss, then an old fear


def test_a_deep_scene_with_the_same_note_needs_no_second_check_in(story_dir):
    same = one_chapter(
        story_dir,
        """\
  a:
    text: Hello.
    choices: [{text: In., goto: b}]
  b:
    text: Deep.
    intensity: deep
    content_note: Touches on one thing.
    choices: [{text: On., goto: c}]
  c: {text: Deeper., intensity: deep, content_note: Touches on one thing., end: true}
""",
    )
    state = take(same, begin(same), same.scenes["one/a"].choices[0])
    assert not needs_checkin(same, state, "one/c")


def test_stopping_for_today_steps_aside_to_the_stop_and_the_way_on_is_where_one_stood(story):
    hall = go(story, begin(story), "Go in.")
    stopped = stop_for_today(story, hall)
    assert stopped is not None and stopped.scene == "rest/for_today"
    assert stopped.previous is hall and stopped.step == hall.step + 1
    assert way_on(story, stopped) == "one/hall"


def test_the_way_on_from_a_stop_in_a_deep_stretch_is_before_the_stretch(story):
    low = at_the_low_room(story)
    breath = go(story, low, "Take a breath.")
    stopped = go(story, breath, "I'll stop for today.")
    assert stopped.scene == "rest/for_today"
    assert way_on(story, stopped) == "one/hall"  # not the pause, not the deep room: its check-in comes again


def test_the_way_on_from_resting_is_the_scene_before_it(story):
    garden = go(story, go(story, begin(story), "Go in."), "Sit in the garden.")
    resting = go(story, garden, "Rest here for today.")
    assert way_on(story, resting) == "one/garden"


def test_there_is_no_way_on_anywhere_but_a_pause(story):
    window = go(
        story,
        go(story, go(story, go(story, begin(story), "Go in."), "Sit in the garden."), "Go on to the second room."),
        "Sit by the window.",
    )
    assert window.scene == "two/window" and way_on(story, window) is None
    assert way_on(story, begin(story)) is None


def test_the_movements_reached_are_offered_at_their_first_scene(story):
    state = begin(story)
    assert [m.name for m in movements(story, state)] == ["Arriving"]
    second = go(story, go(story, go(story, state, "Go in."), "Sit in the garden."), "Go on to the second room.")
    assert [(m.name, m.chapter_title, m.landing) for m in movements(story, second)] == [
        ("Arriving", "The first room", "one/door"),
        ("Going on", "The second room", "two/arrive"),
    ]  # the pause belongs to no movement a reader lands in


def test_picking_up_is_one_more_step_keeping_what_the_story_remembers(story):
    hall = go(story, begin(story), "Go in.")
    answered = record_answer(story, hall, "quiet")
    door = pick_up(story, answered, "one/door")
    assert door.scene == "one/door" and door.previous is answered
    assert door.variables["need"] == "quiet" and door.visits_to("one/door") == 2


def test_a_withheld_answer_leaves_the_variable_at_its_start_and_sets_the_flag(story):
    hall = go(story, begin(story), "Go in.")
    withheld = record_answer(story, hall, "I want to die", withheld=True)
    assert withheld.variables["need"] == "" and withheld.variables["heavy"] is True
    revised = record_answer(story, withheld, "some quiet")
    assert revised.variables["need"] == "some quiet" and revised.variables["heavy"] is False
