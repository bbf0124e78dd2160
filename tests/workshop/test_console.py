"""The facilitator's console, driven with Pilot: gates with a second thought, the timer, counts
that never say who, the projector, and a room that is still there after a restart."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Markdown, Static

from experience.workshop.console import FacilitatorApp
from experience.workshop.facilitation import Facilitation, Moment, gate_line
from experience.workshop.room import Counts, Room, Rooms
from experience.workshop.screens.confirm import ConfirmScreen
from experience.workshop.screens.console import ConsoleScreen
from experience.workshop.screens.projector import ProjectorScreen
from experience.workshop.timer import Timer

ROOM = "tuesday"


@pytest.fixture
def make_console(room_story, rooms, clock):
    def make(*, projector: bool = False) -> FacilitatorApp:
        rooms.ensure(ROOM, "A small room", first_minutes=10)
        app = FacilitatorApp(room_story, rooms, ROOM, projector=projector, poll=0.05, clock=clock)
        app.animation_level = "none"
        return app

    return make


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def timer_face(app, selector: str = "#timer") -> str:
    return app.screen.query_one(selector, Digits).value


def sheet(app) -> str:
    return app.screen.query_one("#sheet-text", Markdown).source


def arrive(rooms, *, movement: int = 0, waiting: bool = False, ended: bool = False) -> str:
    token = rooms.arrive(ROOM)
    rooms.report(token, ROOM, movement=movement, waiting=waiting, ended=ended)
    return token


# -- at a glance -----------------------------------------------------------------------------------------
async def test_the_console_shows_the_room_the_open_movement_and_its_run_sheet(make_console):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert shown(app, "#room-name") == "Room “tuesday” · A small room"
        assert shown(app, "#room-open").startswith("Open: 1 of 3 · Arriving")
        assert "Next: Turning (n opens it)" in shown(app, "#room-open")
        assert "## 1. Arriving (10 min" in sheet(app)
        assert "Welcome everyone and say how to pause." in sheet(app)  # the facilitator's own note
        assert timer_face(app) == "10:00"


async def test_counts_say_how_many_have_reached_the_gate_and_never_who(make_console, rooms):
    app = make_console()
    for waiting in (True, True, False):
        arrive(rooms, waiting=waiting)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        assert shown(app, "#room-gate") == "2 of 3 have reached the gate."
        assert shown(app, "#room-spread") == "Arriving 3"


async def test_an_empty_room_says_no_one_has_joined(make_console):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-gate") == "No one has joined yet."


def test_in_the_last_movement_the_count_is_of_endings(movements):
    room = Room(ROOM, "A small room", 2, Timer(), False)
    moment = Moment(room, Counts(present=4, by_movement={2: 4}, ended=1), 0.0)
    assert gate_line(moment, movements) == "1 of 4 has reached an ending."


def test_the_facilitators_decisions_are_made_without_a_screen(room_story, rooms, clock):
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    arrive(rooms, waiting=True)
    facilitation = Facilitation(room_story, rooms, ROOM, clock=clock)
    assert facilitation.opening_question(1) == (
        "Open “Turning” for everyone?",
        "1 person is waiting at the gate and will go on by themselves. The timer will be set to 15 min and "
        "started. Once open, a movement stays open.",
        "Open “Turning” now",
    )
    seen = []
    facilitation.watch(seen.append)
    facilitation.open_next()
    facilitation.refresh()
    assert seen == [facilitation.moment] and facilitation.opened == 1
    assert facilitation.open_line() == "Open: 2 of 3 · Turning   Next: Home (n opens it)"
    assert facilitation.timer_line() == "running · 15 min set"


# -- opening a movement ------------------------------------------------------------------------------------
async def test_opening_the_next_movement_asks_first_and_not_yet_changes_nothing(make_console, rooms):
    app = make_console()
    arrive(rooms, waiting=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = " ".join(str(w.content) for w in app.screen.query(Static))
        assert "Open “Turning” for everyone?" in text
        assert "1 person is waiting at the gate" in text and "15 min" in text
        await pilot.press("2")  # Not yet
        await pilot.pause()
        assert rooms.get(ROOM).open_movement == 0


async def test_confirming_opens_the_gate_and_starts_its_timer(make_console, rooms, clock):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("1")  # Open “Turning” now
        await pilot.pause()
        room = rooms.get(ROOM)
        assert room.open_movement == 1
        assert room.timer.running and room.timer.remaining(clock()) == 15 * 60
        assert shown(app, "#room-open").startswith("Open: 2 of 3 · Turning")
        assert "## 2. Turning (15 min" in sheet(app)
        assert "Leave a long silence here." in sheet(app) and "a lonely memory" in sheet(app)


async def test_when_every_movement_is_open_there_is_nothing_more_to_open(make_console, rooms):
    rooms.ensure(ROOM, "A small room")
    rooms.open_movement(ROOM, 2)
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert "Every movement is open." in shown(app, "#room-open")


async def test_the_arrow_keys_browse_the_run_sheet_without_opening_anything(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert "## 2. Turning" in sheet(app)
        await pilot.pause(0.1)  # a poll does not pull the page back
        assert "## 2. Turning" in sheet(app)
        assert rooms.get(ROOM).open_movement == 0


# -- the timer ------------------------------------------------------------------------------------------------
async def test_the_timer_starts_pauses_and_extends(make_console, rooms, clock):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert rooms.get(ROOM).timer.running
        clock.tick(60)
        await pilot.pause(0.1)
        assert timer_face(app) == "9:00"
        await pilot.press("s", "e")
        await pilot.pause()
        timer = rooms.get(ROOM).timer
        assert not timer.running and timer.remaining(clock()) == 14 * 60
        assert "paused" in shown(app, "#timer-state")


async def test_reset_sets_the_open_movements_suggested_time(make_console, rooms, clock):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        clock.tick(120)
        await pilot.press("r")
        await pilot.pause()
        assert rooms.get(ROOM).timer == Timer(600, None, 0)


async def test_past_the_time_set_the_console_says_so_in_words(make_console, rooms, clock):
    rooms.ensure(ROOM, "A small room")
    rooms.set_timer(ROOM, Timer.set_to(60, start_at=clock()))
    clock.tick(200)
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert timer_face(app) == "0:00"
        assert shown(app, "#timer-state") == "2 min past the time set."


# -- restarting --------------------------------------------------------------------------------------------------
async def test_restarting_the_console_finds_the_room_as_it_was(room_story, rooms_path, clock):
    first = Rooms.open(rooms_path, clock=clock)
    first.ensure(ROOM, "A small room", first_minutes=10)
    app = FacilitatorApp(room_story, first, ROOM, poll=0.05, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
    first.close()

    clock.tick(5 * 60)
    again = Rooms.open(rooms_path, clock=clock)
    app = FacilitatorApp(room_story, again, ROOM, poll=0.05, clock=clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert shown(app, "#room-open").startswith("Open: 2 of 3 · Turning")
            assert timer_face(app) == "10:00"  # 15 minutes set, 5 gone while the console was closed
    finally:
        again.close()


# -- the projector ------------------------------------------------------------------------------------------------
async def test_the_projector_shows_the_movement_and_the_time_and_nothing_private(make_console, rooms):
    app = make_console()
    arrive(rooms, waiting=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        assert shown(app, "#projector-movement") == "Arriving"
        assert timer_face(app, "#projector-timer") == "10:00"
        assert not app.screen.query_one("#projector-counts").display  # counts only if chosen
        text = " ".join(str(w.content) for w in app.screen.query(Static))
        assert "Welcome everyone" not in text  # the facilitator's notes stay on the console
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)


async def test_the_facilitator_can_choose_to_show_counts_on_the_projector(make_console, rooms):
    app = make_console()
    arrive(rooms, waiting=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "v")
        await pilot.pause()
        counts = app.screen.query_one("#projector-counts", Static)
        assert counts.display and str(counts.content) == "1 of 1 has reached the gate."


async def test_a_projector_window_follows_the_room_from_another_console(make_console, rooms, clock):
    app = make_console(projector=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        rooms.open_movement(ROOM, 1, Timer.set_to(15 * 60, start_at=clock()))
        await pilot.pause(0.2)
        assert shown(app, "#projector-movement") == "Turning"
        assert timer_face(app, "#projector-timer") == "15:00"
        await pilot.press("escape", "n")  # a projector window has no console beneath and opens nothing
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen) and rooms.get(ROOM).open_movement == 1
