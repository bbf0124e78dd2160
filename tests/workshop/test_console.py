"""The facilitator's console, driven with Pilot: gates with a second thought, the timer, counts
that never say who, the projector, and a room that is still there after a restart."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Markdown, Static

from experience.workshop.console import FacilitatorApp
from experience.workshop.facilitation import Facilitation, Moment
from experience.workshop.room import Counts, Room, Rooms
from experience.workshop.room_words import gate_line, open_line, opening_question, timer_line
from experience.workshop.screens.confirm import ConfirmScreen
from experience.workshop.screens.console import ConsoleScreen
from experience.workshop.screens.projector import ProjectorScreen
from experience.workshop.timer import Timer

ROOM = "tuesday"


@pytest.fixture
def make_console(room_story, rooms, clock):
    def make(*, projector: bool = False, begun: bool = True) -> FacilitatorApp:
        rooms.ensure(ROOM, "A small room", first_minutes=10)
        if begun:
            rooms.open_movement(ROOM, 0)
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
    room = Room(ROOM, "A small room", 2, Timer(), False, joined=4)
    moment = Moment(room, Counts(present=4, by_movement={2: 4}, ended=1), 0.0)
    assert gate_line(moment, movements) == "1 of 4 has reached an ending."


def test_the_facilitators_decisions_are_made_without_a_screen(room_story, rooms, clock):
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    rooms.open_movement(ROOM, 0)
    arrive(rooms, waiting=True)
    facilitation = Facilitation(room_story, rooms, ROOM, clock=clock)
    assert opening_question(facilitation, 1) == (
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
    assert open_line(facilitation) == "Open: 2 of 3 · Turning   Next: Home (n opens it)"
    assert timer_line(facilitation) == "running · 15 min set"


def test_with_nobody_there_the_question_before_beginning_does_not_count_zero_people(room_story, rooms, clock):
    rooms.ensure(ROOM, "A small room", first_minutes=10)
    question, detail, _yes = opening_question(Facilitation(room_story, rooms, ROOM, clock=clock), 0)
    assert detail.startswith("Nobody is waiting yet.") and "0 people" not in detail


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
    rooms.open_movement(ROOM, 0)
    rooms.set_timer(ROOM, Timer.set_to(60, start_at=clock()))
    clock.tick(200)
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert timer_face(app) == "0:00"
        assert shown(app, "#timer-state") == "Time is up · 2 min over"


# -- restarting --------------------------------------------------------------------------------------------------
async def test_restarting_the_console_finds_the_room_as_it_was(room_story, rooms_path, clock):
    first = Rooms.open(rooms_path, clock=clock)
    first.ensure(ROOM, "A small room", first_minutes=10)
    first.open_movement(ROOM, 0)
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


# -- the lobby, and beginning ------------------------------------------------------------------------------------
async def test_before_the_session_begins_the_console_counts_who_has_joined(make_console, rooms):
    app = make_console(begun=False)
    arrive(rooms, waiting=True)
    arrive(rooms, waiting=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-gate") == "2 have joined."
        assert shown(app, "#room-open") == "Not begun yet. n begins with Arriving and starts its timer."
        assert "## 1. Arriving" in sheet(app)


async def test_beginning_the_session_opens_the_first_movement_and_starts_its_timer(make_console, rooms, clock):
    app = make_console(begun=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Begin the session?" in " ".join(str(w.content) for w in app.screen.query(Static))
        await pilot.press("1")
        await pilot.pause()
        room = rooms.get(ROOM)
        assert room.begun and room.open_movement == 0
        assert room.timer.running and room.timer.remaining(clock()) == 10 * 60


# -- what the counts say ----------------------------------------------------------------------------------------
async def test_after_everyone_has_left_the_console_says_so_not_that_no_one_joined(make_console, rooms):
    app = make_console()
    rooms.leave(arrive(rooms))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-gate") == "No one is here just now: everyone who joined has left (1 in all)."


async def test_when_no_one_has_reached_the_gate_it_says_so_plainly(make_console, rooms):
    app = make_console()
    arrive(rooms)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-gate") == "No one has reached the gate yet (1 here)."


async def test_moments_pauses_and_stepping_out_are_counted_never_named(make_console, rooms, clock):
    app = make_console()
    for kind in ({"moment": clock()}, {"pausing": True}, {"pausing": True}, {"stepped_out": True}, {}):
        rooms.report(rooms.arrive(ROOM), ROOM, movement=0, waiting=False, ended=False, **kind)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-care") == "1 asked for a moment · 2 pausing · 1 stepping out"


async def test_with_no_one_needing_care_the_care_line_is_not_shown(make_console, rooms):
    app = make_console()
    arrive(rooms)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#room-care").display


# -- passing over a movement -----------------------------------------------------------------------------------
async def test_k_passes_over_the_next_movement_and_n_then_opens_the_one_after(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert rooms.get(ROOM).skipped == {1}
        assert "passing over Turning" in shown(app, "#room-open") and "Next: Home" in shown(app, "#room-open")
        await pilot.press("n")
        await pilot.pause()
        detail = " ".join(str(w.content) for w in app.screen.query(Static))
        assert "Open “Home” for everyone?" in detail and "Turning is passed over" in detail
        await pilot.press("1")
        await pilot.pause()
        assert rooms.get(ROOM).open_movement == 2


async def test_k_again_keeps_a_movement_after_all(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert rooms.get(ROOM).skipped == frozenset()


async def test_a_movement_already_open_cannot_be_passed_over(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("left", "k")  # browsing the open movement
        await pilot.pause()
        assert rooms.get(ROOM).skipped == frozenset()


def test_a_plan_for_ninety_minutes_passes_over_the_movements_its_way_leaves_out(rooms, clock):
    from experience.bundled import bundled_story
    from experience.story import load_story
    from experience.workshop.plan import propose

    story = load_story(bundled_story())
    facilitation = Facilitation(story, rooms, ROOM, clock=clock)
    facilitation.follow_plan(propose(story, 90))
    room = rooms.get(ROOM)
    assert room.route == "short" and room.skipped == {1, 2}
    facilitation.open_next()  # begin
    facilitation.refresh()
    assert facilitation.next_movement == 3  # Coming home, straight after Noticing
    assert facilitation.minutes_of(3) == 24  # its time on the shorter way, without Signs of healing
    assert "passing over Meeting and Grieving" in open_line(facilitation)


# -- a word to everyone, and a new code --------------------------------------------------------------------------
async def test_m_sends_a_short_message_to_every_participant(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Five more minutes.", "enter")
        await pilot.pause()
        assert rooms.get(ROOM).message == "Five more minutes."
        assert shown(app, "#room-message") == "Sent to everyone just now: “Five more minutes.”"


async def test_escape_sends_no_message(make_console, rooms):
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", *"oops", "escape")
        await pilot.pause()
        assert rooms.get(ROOM).message == ""


async def test_the_console_shows_how_to_join_and_can_make_a_new_code(make_console, rooms):
    rooms.ensure(ROOM, "A small room")
    rooms.serve(ROOM, "http://192.168.1.5:8000", "KX7-M4P")
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app, "#room-join") == "Join at http://192.168.1.5:8000 · code KX7-M4P"
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("1")  # Make a new code
        await pilot.pause()
        code = rooms.get(ROOM).join_code
        assert code != "KX7-M4P" and len(code) == 7
        assert shown(app, "#room-join").endswith(f"code {code}")


async def test_a_room_served_to_this_computer_only_has_no_code_to_renew(make_console, rooms):
    rooms.ensure(ROOM, "A small room")
    rooms.serve(ROOM, "http://127.0.0.1:8000", None)
    app = make_console()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen) and rooms.get(ROOM).join_code is None


# -- when the time runs out --------------------------------------------------------------------------------------
async def test_when_the_time_runs_out_the_console_alerts_once_and_stays_marked(make_console, rooms, clock):
    app = make_console()
    rooms.set_timer(ROOM, Timer.set_to(60, start_at=clock()))
    notes = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.notify = lambda message, **options: notes.append(message)
        await pilot.pause(0.1)
        assert notes == []
        clock.tick(61)
        await pilot.pause(0.2)
        assert notes == ["Time is up for “Arriving”."]
        assert app.screen.query_one("#timer").has_class("-over")
        assert shown(app, "#timer-state") == "Time is up"


# -- the projector: how to join, and the lobby -----------------------------------------------------------------
async def test_the_projector_shows_how_to_join_with_a_qr_code_and_who_has_joined(make_console, rooms):
    rooms.ensure(ROOM, "A small room")
    rooms.serve(ROOM, "http://192.168.1.5:8000", "KX7-M4P")
    app = make_console(begun=False, projector=True)
    arrive(rooms)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app, "#projector-url") == "http://192.168.1.5:8000"
        assert shown(app, "#projector-code") == "KX7-M4P"
        qr = app.screen.query_one("#projector-qr", Static)
        assert qr.display and "█" in str(qr.content)
        assert shown(app, "#projector-counts") == "1 has joined."
        assert not app.screen.query_one("#projector-timer").display  # no clock before it begins


async def test_the_projector_title_fits_on_one_line_at_120_columns(rooms, clock):
    from experience.bundled import bundled_story
    from experience.story import load_story

    story = load_story(bundled_story())  # a title wider than the clock beneath it
    rooms.ensure(ROOM, story.title)
    rooms.open_movement(ROOM, 0)
    app = FacilitatorApp(story, rooms, ROOM, projector=True, poll=0.05, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#projector-story", Static)
        assert title.region.height == 1


async def test_the_projector_says_in_words_when_the_time_is_up(make_console, rooms, clock):
    app = make_console(projector=True)
    rooms.set_timer(ROOM, Timer.set_to(60, start_at=clock() - 120))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#projector-time-up").display
