"""The crisis words: a plain, local list that hears the usual ways of saying it, and not idioms."""

from __future__ import annotations

import pytest

from experience.care.crisis import load_crisis_words, sounds_like_crisis

PACKAGED = load_crisis_words()


@pytest.mark.parametrize("phrase", PACKAGED.phrases, ids=lambda p: p.example)
def test_every_phrase_hears_its_own_example(phrase):
    assert phrase.example, f"{phrase.pattern} has no example in crisis.yaml"
    assert sounds_like_crisis(phrase.example)


@pytest.mark.parametrize("sentence", PACKAGED.not_meant)
def test_nothing_in_the_list_of_what_is_not_meant_is_heard(sentence):
    assert not sounds_like_crisis(sentence)


@pytest.mark.parametrize(
    "words",
    [
        "I want to die.",
        "I want to die. I do not want to be here anymore.",
        "I wanna die",
        "I WANT TO DIE",
        "i really just want to die",
        "part of me wants to die",
        "I don’t want to be here anymore",  # a curly apostrophe
        "I dont want to be here any more",
        "I'm going to kill myself",
        "sometimes I want to end it all",
        "There is no reason to live",
        "theyd all be better off without me",
        "I keep wanting to hurt myself",
        "I wish I was dead",
        "I've been thinking about suicide",
    ],
)
def test_the_usual_ways_of_saying_it_are_heard(words):
    assert sounds_like_crisis(words)


@pytest.mark.parametrize(
    "words",
    [
        "I could die of embarrassment",
        "this plant wants to die",
        "I'm dying to see you",
        "the battery died",
        "I don't want to die",
        "what I need is to be heard",
        "",
    ],
)
def test_idioms_and_other_meanings_are_not(words):
    assert not sounds_like_crisis(words)


def test_a_text_is_read_without_case_curly_apostrophes_or_contractions():
    assert PACKAGED.normalise("I DON’T  want… to be HERE!") == "i do not want to be here"


def test_a_damaged_list_still_hears_the_plainest_words():
    damaged = load_crisis_words("phrases: [unclosed")
    assert damaged.matches("I will kill myself") and not damaged.matches("the battery died")


def test_a_phrase_that_is_not_a_pattern_is_left_out_and_the_rest_still_work():
    words = load_crisis_words("phrases:\n  - pattern: '(unclosed'\n  - pattern: 'end it all'\n")
    assert words.matches("I want to end it all") and not words.matches("unclosed")
