"""The bundled journey in Spanish (scenes/locale/es.po): every string translated and clean, the same
journey underneath, and Spanish that speaks to any reader without assuming who they are."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from experience.bundled import bundled_story
from experience.story import begin, check_story, load_story, take, view
from experience.story.walk import walk

from ..helpers import words_of


@pytest.fixture(scope="module")
def spanish():
    result = check_story(bundled_story(), "es")
    assert result.story is not None, [str(d) for d in result.diagnostics]
    return result


def test_every_string_is_translated_and_checks_clean(spanish):
    """What `experience check --strict --lang es` says of it: nothing."""
    assert [str(d) for d in spanish.diagnostics] == []
    assert spanish.story.language == "es" and spanish.story.title == "Volver a casa, a ti"


def test_it_is_the_same_journey_underneath(spanish):
    english = load_story(bundled_story())
    story = spanish.story
    assert story.key == english.key
    assert list(story.scenes) == list(english.scenes)
    for sid, scene in english.scenes.items():
        assert [e[:3] for e in story.scenes[sid].exits()] == [e[:3] for e in scene.exits()], sid


def test_random_readers_in_spanish_reach_every_scene_and_ending(spanish):
    report = walk(spanish.story, runs=3000, seed=2)
    assert report.ok, [f"{p.kind} at {p.scene}" for p in report.problems.values()]
    assert report.never_reached(spanish.story) == []
    assert report.endings_never_reached(spanish.story) == []


def test_the_values_a_reader_chose_are_shown_in_spanish_and_kept_in_english(spanish):
    story = spanish.story
    state = replace(begin(story), scene="meeting/place", variables={**story.initial_variables(), "age": "school"})
    place = next(c for c in story.scenes["meeting/place"].choices if c.text.source == "Junto a la mesa de la cocina.")
    state = take(story, state, place)
    assert state.variables["place"] == "at the kitchen table"
    assert view(story, state).text.startswith("Ahí está, junto a la mesa de la cocina.")


# Spain's vosotros forms, and gender marked with a slash, @ or x: neutral Spanish words around them.
_VOSOTROS = re.compile(r"\b(vosotr[oa]s|vuestr[oa]s?|os)\b|\b\w+(áis|éis)\b", re.IGNORECASE)
_MARKED = re.compile(r"\w[oa]/[oa]s?\b|\w@\w|\b\w+xs\b")


def test_the_two_checks_below_would_catch_what_they_look_for():
    assert all(_VOSOTROS.search(text) for text in ("Quizá estáis juntos.", "os veréis menos", "vuestra casa"))
    assert all(_MARKED.search(text) for text in ("cansado/a", "tod@s", "todxs"))
    assert not _MARKED.search("El sábado y/o el domingo, en el tórax.")


def test_it_speaks_neutral_spanish_without_vosotros(spanish):
    assert [(sid, text) for sid, text in words_of(spanish.story, notes=True) if _VOSOTROS.search(text)] == []


def test_it_never_marks_the_readers_gender_with_a_slash_or_a_symbol(spanish):
    assert [(sid, text) for sid, text in words_of(spanish.story, notes=True) if _MARKED.search(text)] == []
