"""The room, its run-sheet and its messages in the reader's language: the facilitator's run-sheet
says its own words in Spanish beside the story's Spanish, and a ready-made message reaches each
participant in the language they chose on the join screen, while typed words stay as typed."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from experience.cli import main
from experience.i18n import use_language
from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.workshop.facilitation import Moment
from experience.workshop.presets import BY_KEY
from experience.workshop.room import Counts, Room
from experience.workshop.room_words import gate_line
from experience.workshop.timer import Timer

from ..helpers import REPO
from .conftest import PARTICIPANTS_POLL as POLL
from .test_console import ROOM, make_console  # noqa: F401 - the console's fixture
from .test_participant import arrive, notes_of, until
from .webclient import SERVED_ROOM

JOURNEY = REPO / "scenes"  # the bundled journey, with its Spanish translation


def runsheet(capsys, *arguments: str) -> str:
    assert main(["runsheet", str(JOURNEY), "--lang", "es", *arguments]) == 0
    return capsys.readouterr().out


# -- the run-sheet ---------------------------------------------------------------------------------
def test_the_run_sheet_in_spanish_says_its_own_words_in_spanish_beside_the_storys(capsys):
    sheet = runsheet(capsys)
    assert sheet.startswith("# Guion de la sesión: Volver a casa, a ti\n")  # the story's Spanish title
    assert "**Duración total:** 107 min (1:47), 4 movimientos, 8 capítulos, 91 escenas." in sheet
    for heading in ("## Antes de empezar", "## Cronograma", "| empieza | movimiento | tiempo |", "## 1. Darte cuenta"):
        assert heading in sheet
    assert "- **Reflexión** (privada, opcional): «" in sheet and "- **Punto de pausa:** desde aquí" in sheet
    assert "`noticing/arrival`" in sheet  # ids stay as they are written, in every language
    for english in ("Run-sheet", "Before you begin", "Timeline", "Reflection", "Pause point", "movements"):
        assert english not in sheet


def test_a_plan_for_the_time_available_is_said_in_spanish_with_its_command_kept(capsys):
    sheet = runsheet(capsys, "--minutes", "90")
    assert "## Un plan para 90 min" in sheet
    assert "'experience facilitate --minutes 90'" in sheet  # a command, typed as it is
    assert "| 0:00 | *Bienvenida: cómo hacer una pausa" in sheet and "| 1:30 | fin | |" in sheet


def test_the_html_run_sheet_in_spanish_names_its_language_and_says_its_words_in_it(capsys):
    page = runsheet(capsys, "--format", "html")
    assert '<html lang="es">' in page
    assert "<title>Guion de la sesión: Volver a casa, a ti</title>" in page
    assert "<h2>Antes de empezar</h2>" in page and "<th>empieza</th><th>movimiento</th><th>tiempo</th>" in page
    assert "<strong>Reflexión</strong> (privada, opcional): «" in page
    assert "Run-sheet" not in page and "Before you begin" not in page


def test_the_html_run_sheet_in_english_still_says_it_is_english(capsys):
    assert main(["runsheet", str(JOURNEY), "--lang", "en", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert '<html lang="en">' in page and "<h2>Before you begin</h2>" in page


# -- what the room says --------------------------------------------------------------------------------
def test_the_counts_at_the_gate_are_the_same_numbers_in_spanish_words(movements):
    room = Room("tuesday", "A small room", 0, Timer(), False, joined=5)
    moment = Moment(room, Counts(present=5, by_movement={0: 5}, waiting=2), 0.0)
    assert gate_line(moment, movements) == "2 of 5 have reached the gate."
    use_language("es")
    assert gate_line(moment, movements) == "2 de 5 han llegado al punto de espera."


# -- a message to everyone ---------------------------------------------------------------------------
@pytest.fixture
def journey_participant(make_participant, tmp_path):
    """A participant in the bundled journey who joins through the join screen, choosing Spanish
    there (f2) or keeping English, as a session in its own process does."""
    stores = []

    def make(*, spanish: bool):
        store = Store.open(tmp_path / f"journey-{len(stores)}")
        stores.append(store)

        def in_language(tag: str) -> Session:
            use_language(tag)
            return Session.resume(load_story(JOURNEY, tag), store, "participant", seed=0)

        app = make_participant(
            ask_code=True, story=load_story(JOURNEY), languages=("en", "es"), in_language=in_language
        )

        async def join(pilot) -> None:
            await pilot.pause()
            if spanish:
                await pilot.press("f2")
            await pilot.press(*"kx7m4p", "enter")
            await pilot.pause()
            app.screen.answered(True)
            await arrive(pilot)

        return app, join

    yield make
    for store in stores:
        store.close()


async def message_shown(journey_participant, rooms, clock, *, spanish: bool, words: str, preset: str | None):
    app, join = journey_participant(spanish=spanish)
    shown = notes_of(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await join(pilot)
        clock.tick(30)
        rooms.send_message(SERVED_ROOM, words, preset=preset)
        await until(pilot, lambda: shown)
        await pilot.pause(POLL * 2)
    use_language(None)  # the next participant is another process, in their own language
    return shown


async def test_a_ready_made_message_reaches_each_participant_in_their_own_language(journey_participant, rooms, clock):
    five = str(BY_KEY["five-minutes"].words)  # the words as an English console sends them
    english = await message_shown(journey_participant, rooms, clock, spanish=False, words=five, preset="five-minutes")
    spanish = await message_shown(journey_participant, rooms, clock, spanish=True, words=five, preset="five-minutes")
    assert english == [("From your facilitator", "Five more minutes.")]
    assert spanish == [("De quien facilita la sesión", "Cinco minutos más.")]


async def test_words_the_facilitator_typed_reach_a_spanish_participant_as_typed(journey_participant, rooms, clock):
    typed = "Five more minutes, then tea [b]outside[/b]"
    shown = await message_shown(journey_participant, rooms, clock, spanish=True, words=typed, preset=None)
    assert shown == [("De quien facilita la sesión", typed)]  # their own words, never markup


async def test_the_message_screen_sends_a_ready_made_message_as_its_key_and_edited_words_as_typed(make_console, rooms):  # noqa: F811 - the fixture
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "down", "enter")
        await pilot.pause()
        room = rooms.get(ROOM)
        assert (room.message, room.message_preset) == ("Five more minutes.", "five-minutes")
        await pilot.press("m", "down", "down")
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(BY_KEY["one-minute"].words)
        await pilot.press("backspace", *" then tea.", "enter")
        await pilot.pause()
        room = rooms.get(ROOM)
        assert room.message_preset is None and room.message.endswith("when you are ready then tea.")
