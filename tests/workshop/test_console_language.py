"""The facilitator's side in the facilitator's language (`experience facilitate/serve --lang`),
and each participant in their own: the language a session begins in is the server's, and what a
participant chooses on the join screen is theirs alone, whatever the console speaks."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.widgets import Digits, Static

from experience.i18n import use_language
from experience.story import load_story
from experience.workshop.console import FacilitatorApp
from experience.workshop.facilitation import Facilitation
from experience.workshop.room import Rooms
from experience.workshop.serving import ServedRoom, banner, story_language
from experience.workshop.timer import Timer

from ..helpers import REPO
from .webclient import Tab, page_of

ROOM = "martes"
JOURNEY = REPO / "scenes"  # the bundled journey, which has its Spanish translation
F2 = "\x1bOQ"  # what a terminal (and the browser's terminal) sends for f2


def words(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def footer(app) -> str:
    return " ".join(str(key.description) for key in app.screen.query("FooterKey"))


@pytest.fixture
def spanish_console(room_story, rooms, clock):
    use_language("es")  # as `experience facilitate --lang es` leaves the program (see cli.run)
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    rooms.open_movement(ROOM, 0)
    app = FacilitatorApp(room_story, rooms, ROOM, poll=0.05, clock=clock)
    app.animation_level = "none"
    return app


async def test_the_console_in_spanish_has_spanish_headings_keys_and_timer(spanish_console, rooms, clock):
    app = spanish_console
    rooms.set_timer(ROOM, Timer.set_to(60, start_at=clock.now))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert words(app, "#room-name") == "Sala «martes» · A small room"
        assert "Abrir siguiente" in footer(app) and "Mensaje a la sala" in footer(app)
        assert "Open next" not in footer(app)
        clock.tick(60 + 2 * 60 + 5)
        await pilot.pause(0.2)
        assert words(app, "#timer-state") == "Se acabó el tiempo · 2 min de más"
        assert app.screen.query_one("#timer", Digits).value == "0:00"  # a clock face has no language


async def test_the_projector_in_spanish_welcomes_the_room_and_says_how_to_join(room_story, rooms, clock):
    use_language("es")
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    rooms.serve(ROOM, "http://<this computer's address>:8000", "KX7-M4P")  # as an English server kept it
    app = FacilitatorApp(room_story, rooms, ROOM, projector=True, poll=0.05, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert words(app, "#projector-movement") == "Te damos la bienvenida. En un momento empezamos, en grupo."
        assert [str(label.content) for label in app.screen.query(".label")] == ["Únete en", "Código"]
        assert words(app, "#projector-url") == "http://<la dirección de este equipo>:8000"
        assert not app.screen.query_one("#projector-qr").display  # an address to guess has no QR code


def test_the_counts_and_gates_are_the_same_whatever_language_the_console_speaks(room_story, rooms, clock):
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    rooms.open_movement(ROOM, 0)
    for waiting in (True, False):
        rooms.report(rooms.arrive(ROOM), ROOM, movement=0, waiting=waiting, ended=False)

    def seen() -> tuple:
        moment = Facilitation(room_story, rooms, ROOM, clock=clock).moment
        return moment.counts, moment.room.open_movement, moment.remaining

    english = seen()
    use_language("es")
    assert seen() == english


def test_the_server_starts_every_session_in_its_language_and_the_story_in_it_where_it_can(tmp_path, room_story_dir):
    served = ServedRoom(JOURNEY, tmp_path, ROOM, tmp_path / "rooms.db", lang="es")
    assert served.zygote_arguments()[-2:] == ["--lang", "es"]
    assert story_language(JOURNEY, "es") == "es"
    assert story_language(room_story_dir, "es") is None  # no translation: its own words, not refused
    assert load_story(JOURNEY, story_language(JOURNEY, "es")).title == "Volver a casa, a ti"


def test_the_servers_banner_speaks_spanish_and_fits_80_columns():
    use_language("es")
    lines = banner("Volver a casa, a ti", "http://192.168.1.5:8000", "martes", "KX7-M4P", 30)
    assert lines[2] == "  Únete en   http://192.168.1.5:8000"
    assert "  Máximo     30 participantes a la vez" in lines
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]


async def test_the_participants_page_speaks_the_servers_language_with_the_title_escaped(start_server):
    use_language("es")  # as `experience serve --lang es` leaves the server's process
    server = await start_server()
    server.server.title = "<b>A small room</b>"
    page = await page_of(server.base)
    assert '<html lang="es">' in page
    assert "Abriendo tu propio espacio tranquilo…" in page and "Empezar una sesión nueva" in page
    assert "&lt;b&gt;A small room&lt;/b&gt;" in page and "<b>" not in page


def test_facilitate_help_says_lang_in_spanish():
    shown = subprocess.run(
        [sys.executable, "-m", "experience", "facilitate", "--lang", "es", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert shown.returncode == 0
    assert "Abre un movimiento cada vez" in shown.stdout and "solo la pantalla compartida" in shown.stdout
    assert "--lang LANG" in shown.stdout and "--projector" in shown.stdout  # the options' names are kept


# -- a participant keeps the language they chose ----------------------------------------------------------
async def test_a_participant_who_joined_in_english_stays_english_while_the_console_speaks_spanish(
    start_server, tmp_path, clock
):
    """The server was started with --lang es: a tab begins in Spanish, and one participant
    chooses English on the join screen; a tab opened after that still begins in Spanish. The
    facilitator's console is in Spanish and sends a message; the one who chose English reads it
    under English words, the other under Spanish."""
    rooms_db = tmp_path / "host" / "rooms.db"
    rooms_db.parent.mkdir()
    journey = load_story(JOURNEY, "es")
    rooms = Rooms.open(rooms_db)
    try:
        rooms.ensure(ROOM, journey.key, first_minutes=5)
        rooms.open_movement(ROOM, 0)
        served = ServedRoom(JOURNEY, tmp_path / "sessions", ROOM, rooms_db, lang="es")
        base = (await start_server(room=served, join_code="KX7-M4P")).base
        english = await Tab.open(base)
        spanish = None
        try:
            await english.wait_for("Escribe el código para unirte")  # the server's language, at first
            english.mark()
            await english.press(F2)
            await english.wait_for("Please type the join code")
            spanish = await Tab.open(base)  # forked from the same warm process after that choice
            await spanish.wait_for("Escribe el código para unirte")
            for tab in (english, spanish):
                tab.mark()
                await tab.type("kx7m4p")
                await tab.press("enter")
            await english.wait_for("You are in a workshop room")
            await spanish.wait_for("Estás en una sala de taller")

            use_language("es")  # the facilitator's console, in this process, speaks Spanish
            console = FacilitatorApp(journey, rooms, ROOM, poll=0.05)
            async with console.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert words(console, "#room-name") == f"Sala «{ROOM}» · Volver a casa, a ti"
                for tab in (english, spanish):
                    tab.mark()
                    await tab.press("enter")  # past the arrival, into the first scene
                await english.wait_for("Download journal")
                await spanish.wait_for("Descargar diario")
                for tab in (english, spanish):
                    tab.mark()
                console.facilitation.send_message("Cinco minutos más.")
                await english.wait_for("From your facilitator", "Cinco minutos más.")
                await spanish.wait_for("De quien facilita la sesión", "Cinco minutos más.")
            assert "De quien facilita" not in english.screen_since_mark()
        finally:
            await english.close()
            if spanish is not None:
                await spanish.close()
    finally:
        rooms.close()
