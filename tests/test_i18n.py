"""Which language to speak: one order of choices for the whole program, and one form of a tag."""

from __future__ import annotations

import argparse

import pytest

from experience.cli.arguments import language_tag
from experience.i18n import ENGLISH, Source, best_match, normalise, resolve_language, system_language


@pytest.mark.parametrize(
    ("given", "tag"),
    [
        ("es", "es"),
        ("es_MX.UTF-8", "es-MX"),
        ("ES-mx", "es-MX"),
        ("pt_BR", "pt-BR"),
        ("sr_RS@latin", "sr-RS"),
        ("zh_hant_tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
        ("not a language", None),
        ("e", None),
    ],
)
def test_a_tag_is_kept_in_one_form_whatever_form_it_came_in(given, tag):
    assert normalise(given) == tag


def test_the_command_line_comes_before_everything():
    chosen = resolve_language("fr", "de", "es", {"LANG": "it_IT.UTF-8"})
    assert (chosen.tag, chosen.source) == ("fr", Source.COMMAND_LINE)
    assert chosen.source.explicit


def test_then_the_readers_settings_then_the_story_then_the_system():
    environ = {"LANG": "it_IT.UTF-8"}
    assert resolve_language(None, "de", "es", environ).source is Source.SETTINGS
    assert resolve_language(None, None, "es", environ) == resolve_language(story="es", environ=environ)
    assert resolve_language(None, None, "es", environ).source is Source.STORY
    system = resolve_language(None, None, None, environ)
    assert (system.tag, system.language, system.source) == ("it-IT", "it", Source.SYSTEM)


def test_with_nothing_chosen_it_is_english():
    chosen = resolve_language(environ={})
    assert (chosen.tag, chosen.source) == (ENGLISH, Source.DEFAULT)
    assert not chosen.source.explicit


def test_the_first_locale_variable_set_decides_even_when_it_says_c():
    assert system_language({"LC_ALL": "", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE"}) == "es-ES"
    assert system_language({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}) is None


def test_a_translation_serves_the_nearest_language_it_can():
    assert best_match("es-MX", ["es", "es-MX"]) == "es-MX"
    assert best_match("es-MX", ["fr", "es"]) == "es"
    assert best_match("es-MX", ["es-ES"]) == "es-ES"
    assert best_match("es", ["pt-BR"]) is None


def test_the_lang_argument_takes_a_tag_in_any_usual_form_and_refuses_anything_else():
    assert language_tag("es_MX.UTF-8") == "es-MX"
    with pytest.raises(argparse.ArgumentTypeError, match="like es or es-MX"):
        language_tag("spanish please")
