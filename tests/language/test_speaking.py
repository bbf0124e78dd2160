"""Which language the program speaks, and that it speaks it: from --lang, the reader's setting,
the story's own language or the system's, with English when there is no catalogue, and a
change taking effect at once."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from experience import cli
from experience.care.settings import LANGUAGE, language_label, language_value
from experience.care.support import as_text
from experience.care.words import WHAT_THIS_IS, CheckInReply, local_date
from experience.i18n import _, current_country, current_language, ngettext, use_language, use_setting
from experience.plain import play_plain

from ..helpers import REPO


def test_a_language_without_a_catalogue_is_english_with_no_error():
    assert use_language("fr-CA") == "en"
    assert _("Pause") == "Pause" and current_language() == "en"


def test_a_region_is_served_by_its_language_and_names_the_country():
    assert use_language("es-MX") == "es"
    assert (current_language(), current_country()) == ("es", "MX")
    assert _("Pause") == "Pausa"


def test_words_kept_at_module_level_follow_a_change_of_language_at_once():
    use_language("es")
    assert str(WHAT_THIS_IS).startswith("Esto es una reflexión guiada")
    assert CheckInReply.GO_ON.label == "Me gustaría seguir."
    use_language("en")
    assert str(WHAT_THIS_IS).startswith("This is a guided reflection")
    assert CheckInReply.GO_ON.label == "I'd like to go on."


def test_dates_follow_the_locale_and_the_programs_english_keeps_the_day_first():
    stamp = "2026-12-02T10:05:00Z"  # the suite runs in UTC
    assert local_date(stamp) == "2 December 2026, 10:05"
    use_language("es-MX")
    assert local_date(stamp) == "2 de diciembre de 2026, 10:05"
    use_language("en-US")
    assert local_date(stamp) == "December 2, 2026, 10:05"


def test_dates_in_a_language_babel_does_not_know_are_said_in_english_not_a_traceback():
    stamp = "2026-12-02T10:05:00Z"
    use_language("xx")  # --lang xx, or a system locale Babel has no data for
    assert local_date(stamp) == "2 December 2026, 10:05"
    use_language("es-XX")  # a known language in a region Babel does not know: the language's own
    assert local_date(stamp) == "2 de diciembre de 2026, 10:05"


def test_plurals_follow_the_languages_own_rules():
    use_language("es")
    assert [ngettext("{count} error", "{count} errors", n).format(count=n) for n in (1, 2, 1_000_000)] == [
        "1 error",
        "2 errores",
        "1000000 de errores",
    ]


def test_the_support_lines_follow_the_language_and_the_country():
    use_language("es-AR")
    text = as_text()
    assert text.index("Argentina: Línea 135") < text.index("España: 024")
    assert "Números de emergencia: Argentina 911" in text
    use_language("es")  # no country: the international directory first
    assert as_text().index("Find A Helpline") < as_text().index("España: 024")


def test_a_reader_who_chose_no_language_gets_the_storys_then_the_systems(monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert use_setting(None) == "es"
    assert use_setting(None, story="en") == "en"
    assert use_setting("en", story="es") == "en"


def test_the_language_setting_is_named_in_english_too_once_it_is_another():
    assert (language_label(), language_value(None)) == ("Language", "Automatic: English")
    use_language("es")
    assert (language_label(), language_value("es")) == ("Idioma · Language", "Español")


def _plain(session, typed: str) -> str:
    out = io.StringIO()
    assert play_plain(session, stdin=io.StringIO(typed), stdout=out) == 0
    return out.getvalue()


def test_the_plain_player_in_spanish_from_beginning_to_goodbye(open_session):
    use_language("es")
    out = _plain(open_session(), "\nh\nq\n")
    assert str(WHAT_THIS_IS) in out and "Esto es una reflexión guiada" in out
    assert "Escribe el número de una opción y pulsa Enter." in out  # the help
    assert "Has salido por ahora." in out
    assert "This is" not in out and "Press Enter" not in out


def test_the_language_changes_in_the_plain_settings_at_once_and_is_kept(open_session):
    out = _plain(open_session(), "\no\n3\n3\n\nq\n")  # automatic, then English, then Spanish
    assert "  3. Language: Automatic: English" in out
    assert "  3. Language: English" in out
    assert "  3. Idioma · Language: Español" in out
    assert "Escribe 1, 2 o 3 para cambiarlo" in out and "Has salido por ahora." in out
    assert open_session().profile.settings[LANGUAGE] == "es"


def test_lang_es_on_the_command_line_speaks_spanish_from_the_start(data_dir):
    done = subprocess.run(  # the bundled journey, which has its Spanish translation
        [sys.executable, "-m", "experience", "play", "--data-dir", str(data_dir), "--plain", "--lang", "es"],
        input="\nq\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    assert "Esto es una reflexión guiada" in done.stdout and "Has salido por ahora." in done.stdout
    assert "Volver a casa, a ti" in done.stdout  # the story's own words in Spanish too


def test_the_system_locale_is_followed_when_nothing_else_says(played_story_dir, data_dir):
    done = subprocess.run(
        [sys.executable, "-m", "experience", "play", str(played_story_dir), "--data-dir", str(data_dir), "--plain"],
        input="\nq\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_MX.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    assert "Esto es una reflexión guiada" in done.stdout


def test_the_help_of_the_command_line_follows_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    try:
        cli.main(["--help"])
    except SystemExit:
        pass
    assert "una reflexión guiada para la terminal" in capsys.readouterr().out


def test_a_lang_the_program_does_not_speak_leaves_its_words_in_the_systems_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")  # a Spanish author checks a French translation
    cli.main(["new", str(tmp_path / "s")])
    capsys.readouterr()
    cli.main(["strings", "--lang", "fr", str(tmp_path / "s")])
    assert "creado" in capsys.readouterr().out  # Spanish, not English
