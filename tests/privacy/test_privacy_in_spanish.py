"""The journal's commands in Spanish, as a person who reads Spanish runs them: what they say follows
--lang (or the system's locale); what they write out for programs, the word typed to confirm and
the person's own words stay exactly as they are."""

from __future__ import annotations

import json
import re

import pytest

from experience import cli
from experience.i18n import use_language
from experience.progress.locate import describe

from .privacy_helpers import ANSWER, PASSPHRASE, raw_bytes


def run(*argv: str) -> int:
    return cli.main(list(argv))


def said(capsys) -> tuple[str, str]:
    """Standard output and error, with line wrapping undone."""
    captured = capsys.readouterr()
    return captured.out.replace("\n", " "), captured.err.replace("\n", " ")


@pytest.fixture
def written(play, data_dir):
    play().store.close()
    return ["--data-dir", str(data_dir)]


@pytest.fixture
def spanish_system(monkeypatch):
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")


def test_the_exported_letter_has_spanish_headings_around_the_readers_own_words(written, small_story_dir, capsys):
    assert run("journal", "export", str(small_story_dir), "--lang", "es", *written) == 0
    letter = capsys.readouterr().out
    assert "Para mí:" in letter and "Con cariño," in letter and "Dear me," not in letter
    assert f"> {ANSWER}" in letter  # their words, as they wrote them
    assert re.search(r"^\*\d{1,2} de \w+ de \d{4}\*$", letter, re.MULTILINE)  # the day it was written, in Spanish


def test_the_json_export_is_the_same_for_programs_in_every_language(written, tmp_path, capsys):
    english, spanish = tmp_path / "en.json", tmp_path / "es.json"
    assert run("journal", "export", "--format", "json", "-o", str(english), *written) == 0
    assert run("journal", "export", "--format", "json", "-o", str(spanish), "--lang", "es", *written) == 0
    first, second = (json.loads(path.read_text(encoding="utf-8")) for path in (english, spanish))
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    _, told = said(capsys)
    assert "Escrito en" in told and "1 respuesta de 1 historia" in told and "no está sellada" in told


def test_erasing_in_spanish_lists_what_goes_and_asks_for_the_same_word_as_in_english(
    written, keyboard, capsys, data_dir, spanish_system
):
    keyboard.lines("borrar")  # a Spanish word is not the word asked for: nothing is erased
    assert run("journal", "erase", *written) == 1
    out, err = said(capsys)
    assert "Se va a borrar el diario de «default»" in out and "1 respuesta en «A small story»" in out
    assert "Se conservan tu lugar en la historia y tus ajustes." in out
    assert "Escribe erase para borrarlo, o pulsa solo Enter para conservarlo" in err
    assert "No se ha borrado nada." in out
    assert ANSWER.encode() in raw_bytes(data_dir)

    keyboard.lines("erase")
    assert run("journal", "erase", *written) == 0
    out, _ = said(capsys)
    assert "Borrado: 1 respuesta y las copias que guardaba la historia." in out
    assert "Comprobado de nuevo en el disco: no queda ninguna entrada del diario" in out
    assert "ninguna de las palabras borradas aparece en experience.db" in out
    assert ANSWER.encode() not in raw_bytes(data_dir)


def test_sealing_in_spanish_explains_asks_and_reports_in_spanish(written, keyboard, capsys, data_dir):
    keyboard.passphrases(PASSPHRASE, PASSPHRASE)
    assert run("journal", "passphrase", "set", "--lang", "es", *written) == 0
    out, _ = said(capsys)
    assert "Una frase de contraseña sella tu diario en este equipo" in out
    assert (
        "Tu diario está sellado: 1 respuesta, las copias que la historia guarda para escenas posteriores y tu "
        "lugar en la historia." in out
    )
    assert "Comprobado: ninguna de las palabras" in out
    assert keyboard.asked == ["Frase de contraseña nueva: ", "La misma frase de contraseña otra vez: "]
    assert ANSWER.encode() not in raw_bytes(data_dir)


def test_a_reader_who_chose_spanish_in_their_settings_is_answered_in_spanish(play, data_dir, tmp_path, capsys):
    session = play()
    session.store.set_setting(session.profile, "language", "es")
    session.store.close()
    target = tmp_path / "carta.md"
    assert run("journal", "export", "-o", str(target), "--data-dir", str(data_dir)) == 0
    assert "Escrito en" in said(capsys)[1] and "Para mí:" in target.read_text(encoding="utf-8")
    assert run("journal", "export", "-o", str(tmp_path / "letter.md"), "--lang", "en", "--data-dir", str(data_dir)) == 0
    assert "Wrote 1 answer" in said(capsys)[1]  # --lang, named for this run, comes first


def test_the_journal_commands_explain_themselves_in_spanish(capsys):
    with pytest.raises(SystemExit):
        run("journal", "erase", "--help", "--lang", "es")
    out, _ = said(capsys)
    assert "te pide que escribas 'erase'" in out and "no preguntar (para scripts)" in out


def test_locate_says_where_the_data_is_in_spanish(written, data_dir):
    use_language("es")
    shown = describe(data_dir)
    assert f"Tu carpeta de datos: {data_dir}" in shown and "Perfiles: default" in shown
    assert "Solo tu cuenta de usuario puede leer estos archivos." in shown


def test_the_export_in_spanish_names_the_chapters_as_the_spanish_story_does(tmp_path):
    import subprocess
    import sys

    data = ["--data-dir", str(tmp_path / "data")]
    typed = "\n1\n1\n1\n1\n\nuna tarde en casa\n\n\nq\n"  # the bundled journey, to its first question
    subprocess.run([sys.executable, "-m", "experience", "play", "--plain", "--lang", "es", *data], input=typed,
                   text=True, capture_output=True, timeout=120, check=True)  # fmt: skip
    letter = subprocess.run([sys.executable, "-m", "experience", "journal", "export", "--lang", "es", *data],
                            text=True, capture_output=True, timeout=120, check=True).stdout  # fmt: skip
    assert "## Darte cuenta de la distancia" in letter and "Noticing the distance" not in letter
    assert "una tarde en casa" in letter
