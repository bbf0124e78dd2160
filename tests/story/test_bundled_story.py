"""The bundled journey: it ships with the package, checks clean, every path leads somewhere, and
what it says stays true to the path a reader took."""

from __future__ import annotations

import random
import re

import pytest

from experience.bundled import bundled_story
from experience.story import advance, available, begin, check_story, record_answer, scene_text, take
from experience.story.pickup import pick_up
from experience.story.routes import route_chapters, route_names
from experience.story.walk import walk

from ..helpers import words_of

STOP_ENDINGS = {"grounding/for_today", "noticing/rest"}

# The only words a lone way on may use: going on, never agreeing. Agreement ("That's true.") must
# always sit beside a way on that does not agree.
NEUTRAL_WAYS_ON = {
    "I'd like to begin.",
    "I'd like to go on.",
    "I'm ready to go on.",
    "I'd like to go on, gently.",
    "I'd like to go on, lightly.",
    "I'd like to go a little further.",
    "I'd like to go on to the last part.",
    "Take me to the last part.",
    "Back to my letter.",
    "Back to where I was.",
    "Take me back to where I was.",
    "That's all I've seen, for now.",
}


@pytest.fixture(scope="module")
def story():
    result = check_story(bundled_story())
    assert result.story is not None, [str(d) for d in result.diagnostics]
    return result.story


def _follow(story, *wanted, answers=None, withheld=(), seed=0, limit=300):
    """Play the story taking, wherever one is offered, the first choice whose words contain one of
    `wanted` (in that order of preference), else the first way on that is not a pause or a stop.
    The answers named in `withheld` are kept out of the story, as crisis words are.
    Returns each scene's text as it was shown, with the scene id and the choices offered."""
    answers = answers or {}
    state = begin(story, seed=seed)
    seen = []
    for _ in range(limit):
        scene = story.scenes[state.scene]
        if scene.reflect is not None and scene.reflect.save_as in answers:
            name = scene.reflect.save_as
            state = record_answer(story, state, answers[name], withheld=name in withheld)
        options = available(story, state)
        seen.append((scene.id, scene_text(story, state, escape=False), [c.text.source for c in options]))
        if scene.end:
            return seen
        if not scene.choices:
            state = advance(story, state)
            continue
        choice = next((c for w in wanted for c in options if w in c.text.source), None)
        if choice is None:
            choice = next(c for c in options if not c.detour and c.target not in STOP_ENDINGS)
        state = take(story, state, choice)
    raise AssertionError("the play-through did not end")


def test_the_bundled_story_ships_with_the_package():
    assert (bundled_story() / "story.yaml").is_file()


def test_the_bundled_story_checks_clean_without_warnings():
    result = check_story(bundled_story())
    assert [str(d) for d in result.diagnostics] == []


def test_it_has_the_shape_the_journey_promises(story):
    movements = {chapter.movement for chapter in story.chapters.values()}
    assert {"Noticing", "Meeting", "Grieving", "Coming home"} <= movements
    assert len(story.scenes) >= 85
    assert sum(scene.words for scene in story.scenes.values()) >= 11000
    assert sum(1 for scene in story.scenes.values() if scene.reflect) >= 15
    endings = story.endings()
    assert len(endings) == 4
    assert {e for e in endings if story.scenes[e].intensity == "gentle"} == set(endings)


def test_random_readers_reach_every_scene_and_ending_and_never_get_stuck(story):
    report = walk(story, runs=3000, seed=2)
    assert report.ok, [f"{p.kind} at {p.scene}" for p in report.problems.values()]
    assert report.never_reached(story) == []
    assert report.endings_never_reached(story) == []
    assert report.unfinished == 0


def _random_readers(story, runs: int, seed: int):
    """Every state `runs` random readers stand in, each reader choosing at random (bounded)."""
    rng = random.Random(seed)
    for run in range(runs):
        state = begin(story, seed=run)
        for _ in range(300):
            yield state
            scene = story.scenes[state.scene]
            if scene.end:
                break
            if not scene.choices:
                state = advance(story, state)
                continue
            state = take(story, state, rng.choice(available(story, state)))


def test_a_lone_way_on_only_ever_says_go_on_never_agrees(story):
    lone = set()
    for state in _random_readers(story, runs=1500, seed=5):
        if story.scenes[state.scene].choices:
            ways_on = [c for c in available(story, state) if not c.detour and c.target not in STOP_ENDINGS]
            if len(ways_on) == 1:
                lone.add(ways_on[0].text.source)
    assert lone <= NEUTRAL_WAYS_ON, lone - NEUTRAL_WAYS_ON


def test_no_reader_ever_meets_an_empty_page(story):
    empty = {
        state.scene for state in _random_readers(story, runs=1500, seed=11) if not scene_text(story, state).strip()
    }
    assert empty == set()


def test_no_scene_repeats_that_this_is_not_therapy(story):
    """The program's welcome and step-out screens say it once; scenes saying it again reads as
    legal cover."""
    assert [sid for sid, words in words_of(story) if "therapy" in words.lower()] == []


def test_story_text_names_no_keys(story):
    """Keys belong to the player and can change; the story says "pause" or "step out"."""
    key_talk = re.compile(r"\bpress\b|\bkey\b|\bctrl\b|\bthe [a-z] key\b", re.IGNORECASE)
    assert [(sid, words) for sid, words in words_of(story) if key_talk.search(words)] == []


def test_a_name_written_in_lower_case_never_begins_a_sentence(story):
    for wanted in (("I'll stay beside them.",), ("I'll stay here and watch",), ()):
        shown = _follow(story, "The whole journey", "Yes. Slowly.", *wanted, answers={"part_name": "little sam"})
        for scene_id, text, _ in shown:
            assert not re.search(r"(^|[.!?]\s+|\n)little sam", text), (scene_id, text)


def test_with_every_box_left_empty_no_quote_is_empty_and_no_inner_voice_says_you(story):
    shown = _follow(story, "The whole journey", "Yes. Slowly.", "I'll tell them I'll come back.")
    for scene_id, text, _ in shown:
        assert "“”" not in text, scene_id
        assert "That's the younger you" not in text, scene_id
    assert any("*Oh. That's the younger me," in text for _, text, _ in shown)


def test_the_shorter_way_keeps_to_noticing_and_coming_home(story):
    assert route_names(story) == ("full", "short")
    assert route_chapters(story, "short") == {"noticing", "home", "carrying"}
    short = sum(story.chapters[c].minutes for c in route_chapters(story, "short"))
    full = sum(story.chapters[c].minutes for c in route_chapters(story, "full"))
    assert 40 <= short <= 50
    assert 100 <= full <= 120


def test_the_shorter_way_offers_a_way_back_to_what_it_left_out(story):
    shown = _follow(story, "The shorter way", "I'd like to go on to the last part.")
    letter = next(choices for scene_id, _, choices in shown if scene_id == "carrying/letter")
    assert "First, I'd like to go back for what the shorter way left out." in letter
    assert not any(scene_id.startswith(("meeting/", "roles/", "letting_go/", "signs/")) for scene_id, *_ in shown)


def test_somewhere_softer_says_what_it_skips_and_the_letter_offers_it_back(story):
    shown = _follow(story, "The whole journey", "Not today.", "Somewhere softer")
    not_today = next(text for scene_id, text, _ in shown if scene_id == "meeting/not_today")
    assert "skips the old roles" in not_today
    letter = next(choices for scene_id, _, choices in shown if scene_id == "carrying/letter")
    assert "First, I'd like to go back to the old roles." in letter


def test_several_signs_of_healing_can_be_chosen_and_the_letter_names_each(story):
    shown = _follow(
        story,
        "The whole journey",
        "Not today.",
        "Somewhere softer",
        "Soothing, and being soothed.",
        "Asking instead",
        "That's all I've seen",
    )
    assert [scene_id for scene_id, *_ in shown].count("signs/look") == 3
    letter = next(text for scene_id, text, _ in shown if scene_id == "carrying/letter")
    assert "I've seen us soothe each other" in letter
    assert "I've seen us ask instead of guessing." in letter


def test_a_limit_that_would_not_be_safe_is_never_rehearsed_or_looked_at_for_signs(story):
    shown = _follow(
        story,
        "The whole journey",
        "Not today.",
        "On to the next part",
        "Staying, but changing",
        "Saying that wouldn't be safe for me.",
    )
    visited = [scene_id for scene_id, *_ in shown]
    assert "letting_go/careful" in visited
    assert not any(scene_id.startswith("signs/") for scene_id in visited)
    conversation = next(choices for scene_id, _, choices in shown if scene_id == "carrying/conversation")
    assert "I'd like to practise saying it." not in conversation


def test_the_belief_chosen_decides_which_scene_comes_after_going_close(story):
    for belief, scene in (("The first one.", "learned_sad"), ("The third.", "learned_useful")):
        shown = _follow(story, "The whole journey", "What kind", belief, "Yes. Slowly.", "I'd like to go closer.")
        assert f"meeting/{scene}" in [scene_id for scene_id, *_ in shown]


@pytest.mark.parametrize("way", ["The whole journey", "The shorter way"])
def test_an_answer_kept_out_of_the_story_is_never_quoted_nor_praised(story, way):
    shown = _follow(
        story, way, "Something else, in my own words.", answers={"need": "I want to die"}, withheld={"need"}
    )
    text = "\n".join(words for _, words, _ in shown)
    assert "I want to die" not in text and "kept in your journal, for you" in text
    for praise in ("deserves to be taken seriously", "Whatever you found, it counts", "no words", "without words"):
        assert praise not in text, praise


def test_both_stops_are_pauses_in_the_journey_and_the_story_names_its_stop(story):
    assert {sid for sid, scene in story.scenes.items() if scene.pause} == STOP_ENDINGS
    assert story.stop_scene == "grounding/for_today"


def test_a_picture_looked_at_the_gentler_way_is_not_offered_again(story):
    state = pick_up(story, begin(story, seed=0), "letting_go/crossroads")
    falls_away = next(c for c in available(story, state) if c.text.source == "One that falls away.")
    state = take(story, state, falls_away, gentler=True)
    assert state.scene == "letting_go/apart_soft"
    state = take(story, state, next(c for c in available(story, state) if "another way" in c.text.source))
    assert state.scene == "letting_go/crossroads"
    assert "One that falls away." not in [c.text.source for c in available(story, state)]


def test_a_letter_never_says_the_younger_part_was_told_what_the_reader_only_watched(story):
    shown = _follow(story, "The whole journey", "Yes. Slowly.", "I'll stay here and watch", "I'll just keep watching")
    letter = next(text for scene_id, text, _ in shown if scene_id == "carrying/letter")
    assert "from a little way off, and saw them." in letter
    assert "let them know" not in letter


def test_a_second_not_today_is_heard_without_the_first_ones_words_again(story):
    shown = _follow(story, "The whole journey", "Not today.", "Somewhere softer", "door again", "ready to meet")
    first, second = [text for scene_id, text, _ in shown if scene_id == "meeting/not_today"]
    assert "Saying no to something" in first
    assert "Saying no to something" not in second and "still a whole answer" in second
