"""Support lines chosen by language and country: a reader in Mexico who reads Spanish sees
Mexico's lines first; one whose country is not known sees the international directories first."""

from __future__ import annotations

import datetime as dt

import pytest

from experience.care.support import PEOPLE_TO_TALK_TO, as_text, load_support, support_file

SPANISH_COUNTRIES = ("ES", "MX", "AR", "US")


def test_each_language_shipped_has_its_own_lines_and_others_have_the_english_ones():
    assert support_file("es") == "support.es.yaml"
    assert support_file("en") == support_file("fr") == "support.yaml"
    assert "emergencias" in load_support(language="es").advice
    assert "emergency number" in load_support(language="fr").advice


@pytest.mark.parametrize("country", SPANISH_COUNTRIES)
def test_spain_mexico_argentina_and_the_us_have_lines_in_spanish_for_a_crisis_and_for_abuse(country):
    support = load_support(language="es", country=country)
    assert country in support.lines[0].countries
    assert country in support.safety_lines[0].countries
    assert country in support.emergency[0].countries


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_line_says_who_how_where_and_when_and_where_it_was_checked(language):
    support = load_support(language=language)
    for line in support.lines + support.safety_lines:
        assert line.name and line.how_to_reach and line.region
        assert isinstance(line.last_verified, dt.date) and line.source.startswith("https://")


@pytest.mark.parametrize("language", ["en", "es"])
def test_without_a_country_the_international_directories_come_first(language):
    support = load_support(language=language)
    assert support.lines[0].countries == () and support.safety_lines[0].countries == ()
    assert "findahelpline.com" in support.lines[0].how_to_reach


def test_a_country_with_no_lines_of_its_own_gets_the_international_directories_first():
    support = load_support(language="es", country="CL")
    assert support.lines[0].countries == ()


def test_nothing_is_hidden_by_choosing_a_country_only_put_in_order():
    everything = load_support(language="es")
    in_mexico = load_support(language="es", country="MX")
    assert sorted(map(str, everything.lines)) == sorted(map(str, in_mexico.lines))
    assert len(in_mexico.safety_lines) == len(everything.safety_lines)


def test_the_english_lines_follow_a_country_too():
    assert load_support(country="NZ").lines[0].name == "Need to talk? 1737"
    assert "GB" in load_support(country="GB").safety_lines[0].countries


@pytest.mark.parametrize("country", [None, "MX"])
def test_after_words_of_harm_the_abuse_services_come_first_in_their_countrys_order(country):
    support = load_support(language="es", country=country)
    text = as_text(support, harm_first=True)
    first_abuse_line, first_crisis_line = support.safety_lines[0], support.lines[0]
    assert text.index(support.safety_note) < text.index(str(PEOPLE_TO_TALK_TO))
    assert text.index(first_abuse_line.how_to_reach) < text.index(support.safety_lines[1].how_to_reach)
    assert text.index(first_abuse_line.how_to_reach) < text.index(first_crisis_line.how_to_reach)
