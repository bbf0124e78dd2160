"""The crisis words in Spanish: the usual ways of saying it, in Spain and Latin America, heard
whatever language the program speaks; the everyday idioms about dying and killing, not."""

from __future__ import annotations

import pytest

from experience.care.crisis import Concern, concern_in, crisis_lists, load_crisis_words, sounds_like_crisis

SPANISH = load_crisis_words(name="crisis.es.yaml")


def test_there_is_a_list_for_each_language_shipped():
    assert crisis_lists() == ("crisis.yaml", "crisis.es.yaml")
    assert len(SPANISH.phrases) >= 15 and len(SPANISH.not_meant) >= 15
    assert len(SPANISH.harm) >= 5


@pytest.mark.parametrize(
    "words",
    [
        "Me quiero morir.",
        "quiero morirme",
        "QUIERO MORIRME",
        "a veces quisiera estar muerta",
        "ya no quiero vivir mas",  # without the accent, as people type
        "no quiero seguir viviendo",
        "estoy pensando en suicidarme",
        "me voy a matar",
        "quiero quitarme la vida",
        "voy a acabar con mi vida",
        "solo quiero acabar con todo de una vez",
        "todos estarian mejor sin mi",
        "nadie me extrañaría",
        "no tengo por qué vivir",
        "no le veo sentido para vivir",
        "ojala no hubiera nacido",
        "me tomé todas las pastillas",
        "me sigo cortando los brazos",
        "volví a hacerme daño",
        "q ganas de morirme",
    ],
)
def test_the_usual_ways_of_saying_it_in_spanish_are_heard(words):
    assert sounds_like_crisis(words)


@pytest.mark.parametrize(
    "words",
    [
        "me muero de risa contigo",
        "me muero por verte",
        "casi me mato en la moto",
        "me mato a estudiar para el examen",
        "no me quiero morir",
        "no quiero vivir sola en esa casa",
        "estoy muerto de sueño",
        "esta película me mató de aburrimiento",
        "me hice daño jugando al fútbol",
        "lo que necesito es que me escuchen",
    ],
)
def test_spanish_idioms_and_other_meanings_are_not(words):
    assert not sounds_like_crisis(words)


def test_the_english_list_is_still_heard_beside_the_spanish_one():
    assert sounds_like_crisis("I want to die") and sounds_like_crisis("quiero morirme")


@pytest.mark.parametrize(
    "words",
    [
        "mi pareja me pega",
        "Mi marido me golpea cuando bebe",
        "el me pega",  # without the accent, as people type
        "me pega cuando se enfada",
        "me amenazó con matarme si me iba",
        "le tengo miedo",
        "no estoy a salvo en casa",
        "creo que sufro violencia de genero",
        "mi novio no me deja ver a mis amigas",
    ],
)
def test_harm_from_another_person_said_in_spanish_is_heard_as_harm(words):
    assert concern_in(words) is Concern.HARM


def test_wanting_to_die_said_beside_harm_is_heard_first():
    assert concern_in("mi pareja me pega y ya no quiero vivir") is Concern.SELF


@pytest.mark.parametrize(
    "words",
    ["ese color te pega mucho", "el balón me pegó en la cara", "le tengo miedo a las arañas", "ya no le tengo miedo"],
)
def test_everyday_sentences_with_the_same_words_are_not_heard_as_harm(words):
    assert concern_in(words) is None
