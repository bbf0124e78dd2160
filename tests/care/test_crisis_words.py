"""The crisis words: a plain, local list that hears the usual ways of saying it, and not idioms."""

from __future__ import annotations

import pytest

from experience.care.crisis import Concern, concern_in, crisis_lists, load_crisis_words, sounds_like_crisis

LISTS = [load_crisis_words(name=name) for name in crisis_lists()]  # one for each language shipped
PHRASES = [phrase for words in LISTS for phrase in words.phrases]
HARM = [phrase for words in LISTS for phrase in words.harm]
NOT_MEANT = [sentence for words in LISTS for sentence in words.not_meant]


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.example)
def test_every_phrase_hears_its_own_example(phrase):
    assert phrase.example, f"{phrase.pattern} has no example in its list"
    assert concern_in(phrase.example) is Concern.SELF


@pytest.mark.parametrize("phrase", HARM, ids=lambda p: p.example)
def test_every_phrase_of_harm_from_another_hears_its_own_example(phrase):
    assert phrase.example, f"{phrase.pattern} has no example in its list"
    assert concern_in(phrase.example) is Concern.HARM


@pytest.mark.parametrize("sentence", NOT_MEANT)
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
        "want to die",
        "just want to die",
        "kms",
        "i want 2 die",
        "i feel like dying",
        "i have a plan to end it",
        "wish i wasn't alive",
        "i wish i wasnt alive",
        "better off without me",
        "no reason to live",
        "dont want to be here",
        "i dont want to be here and i cant explain it",
        "im going to kill myself",
    ],
)
def test_the_usual_ways_of_saying_it_are_heard(words):
    assert concern_in(words) is Concern.SELF


@pytest.mark.parametrize(
    "words",
    [
        "he hits me when he drinks",
        "my partner hurts me",
        "I'm scared of him",
        "im scared of him",
        "she threatens me",
        "I'm not safe at home",
        "I don't feel safe at home",
        "my boyfriend is hurting me",
        "he always shoves me when we argue",
        "I am afraid of my husband",
        "I'm scared of what he will do",
        "she threatened to hurt me if I left",
        "my wife hit me",
        "he won't let me see my friends",
        "HE HITS ME",
    ],
)
def test_the_usual_ways_of_saying_someone_hurts_or_frightens_you_are_heard(words):
    assert concern_in(words) is Concern.HARM


@pytest.mark.parametrize(
    "words",
    [
        "the fall hurt me",
        "he hit the ball",
        "I hurt my back",
        "my back hurts me in the mornings",
        "it hurts me that we don't talk any more",
        "I'm scared of spiders",
        "I'm scared of her reaction",
        "I'm not afraid of him any more",
        "I feel safe at home now",
        "he said it hurts me to hear that",
        "the film was violent",
    ],
)
def test_hurts_and_fears_that_are_not_about_someone_hurting_you_are_not_heard(words):
    assert concern_in(words) is None


def test_wanting_to_die_is_heard_before_harm_when_both_are_written():
    assert concern_in("he hits me and I want to die") is Concern.SELF


@pytest.mark.parametrize(
    "words",
    [
        "I could die of embarrassment",
        "this plant wants to die",
        "I'm dying to see you",
        "the battery died",
        "I don't want to die",
        "what I need is to be heard",
        "this meeting is killing me",
        "I'd die for a coffee",
        "dying to know",
        "I'm dying to know how it ends",
        "we drove 20 kms",
        "I don't want to be here at this party",
        "",
    ],
)
def test_idioms_and_other_meanings_are_not(words):
    assert not sounds_like_crisis(words)


def test_a_text_is_read_without_case_curly_apostrophes_or_contractions():
    assert LISTS[0].normalise("I DON’T  want… to be HERE!") == "i do not want to be here"


def test_a_damaged_list_still_hears_the_plainest_words():
    damaged = load_crisis_words("phrases: [unclosed")
    assert damaged.matches("I will kill myself") and not damaged.matches("the battery died")


def test_a_damaged_list_still_hears_the_plainest_harm():
    damaged = load_crisis_words("harm: [unclosed")
    assert damaged.concern("he hits me") is Concern.HARM and damaged.concern("he hit the ball") is None


def test_a_phrase_that_is_not_a_pattern_is_left_out_and_the_rest_still_work():
    words = load_crisis_words("phrases:\n  - pattern: '(unclosed'\n  - pattern: 'end it all'\n")
    assert words.matches("I want to end it all") and not words.matches("unclosed")
