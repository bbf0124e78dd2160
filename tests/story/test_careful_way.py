"""The careful way: once the reader's words sound like a crisis or like someone hurting them, the
bundled journey never asks them to say anything to the person, pictures no change with them, and
celebrates no coming close again (the story's `careful_as` flag, set by the player)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from experience.bundled import bundled_story
from experience.story import check_story, record_answer, start_at, view
from experience.story.answers import careful


@pytest.fixture(scope="module")
def story():
    result = check_story(bundled_story())
    assert result.story is not None, [str(d) for d in result.diagnostics]
    return result.story


def at(story, scene_id, **variables):
    state = start_at(story, scene_id)
    return replace(state, variables={**state.variables, **variables})


def test_the_bundled_story_names_its_careful_flag(story):
    assert story.careful_as == "careful" and story.variables["careful"].initial is False


def test_a_withheld_answer_turns_the_journey_careful(story):
    state = record_answer(story, at(story, "noticing/need"), "he hits me", withheld=True)
    assert state.variables["careful"] is True and state.variables["need"] == ""


def test_an_ordinary_answer_leaves_the_journey_as_it_was(story):
    state = record_answer(story, at(story, "noticing/need"), "some quiet")
    assert state.variables["careful"] is False


def test_careful_is_kept_once_set_and_a_story_without_the_flag_is_untouched(story):
    state = careful(story, at(story, "noticing/need"))
    assert careful(story, state) is state
    assert careful(replace(story, careful_as=None), at(story, "noticing/need")).variables["careful"] is False


def test_on_the_careful_way_the_conversation_offers_no_rehearsal(story):
    labels = [label for _, label in view(story, at(story, "carrying/conversation", careful=True)).choices]
    assert "I'd like to practise saying it." not in labels
    assert "I'd say it to someone I trust first." in labels
    ordinary = [label for _, label in view(story, at(story, "carrying/conversation")).choices]
    assert "I'd like to practise saying it." in ordinary


def test_on_the_careful_way_the_blessing_celebrates_no_coming_close_again(story):
    text = view(story, at(story, "home/blessing", careful=True)).text
    assert "when they come close again" not in text and "room at the table for you both" not in text
    assert "when they come close again" in view(story, at(story, "home/blessing")).text


def test_on_the_careful_way_no_picture_of_changing_things_with_them_is_offered(story):
    labels = [label for _, label in view(story, at(story, "letting_go/crossroads", careful=True)).choices]
    assert labels == ["I'm ready to go on."]


def test_on_the_careful_way_comfort_makes_no_excuse_for_the_person(story):
    text = view(story, at(story, "home/comfort", careful=True)).text
    assert "caught up in their own weather" not in text


def test_saying_a_limit_would_not_be_safe_turns_the_journey_careful(story):
    from experience.story import take

    state = at(story, "letting_go/boundary")
    choice = next(c for c, label in view(story, state).choices if label == "Saying that wouldn't be safe for me.")
    assert take(story, state, choice).variables["careful"] is True


def test_words_heard_in_a_draft_turn_the_journey_careful_from_the_next_step(story, open_store):
    from experience.care.crisis import Concern
    from experience.progress.session import Session
    from experience.story import available

    store = open_store()
    session = Session(story, store, store.profile("default"), start_at(story, story.start), saved=False)
    assert session.offer_care("my partner hurts me") is Concern.HARM
    assert session.state.variables["careful"] is False  # the step on screen stays as it is
    assert session.offer_care("he hits me") is None  # once a step
    session.choose(available(story, session.state)[0])
    assert session.state.variables["careful"] is True and session.careful


ONE_CHAPTER = {"one.yaml": "title: One\nscenes:\n  a:\n    text: Hello.\n    end: true\n"}


@pytest.mark.parametrize(
    ("careful_as", "code"),
    [("role", "E100"), ("nowhere", "E301")],
)
def test_careful_as_must_name_a_declared_true_false_variable(story_dir, careful_as, code):
    manifest = (
        f'title: T\nformat: 2\nstart: one/a\ncareful_as: {careful_as}\nvariables:\n  role: ""\n  careful: false\n'
    )
    result = check_story(story_dir(ONE_CHAPTER, manifest))
    assert any(str(d).endswith(f"[{code}]") and "careful_as" in str(d) for d in result.diagnostics), [
        str(d) for d in result.diagnostics
    ]


def test_careful_as_on_a_true_false_variable_is_read(story_dir):
    manifest = "title: T\nformat: 2\nstart: one/a\ncareful_as: careful\nvariables:\n  careful: false\n"
    result = check_story(story_dir(ONE_CHAPTER, manifest))
    assert result.story is not None and result.story.careful_as == "careful"
