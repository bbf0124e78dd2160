"""A participant's session, driven as a person would in their browser tab: the join code, the
gates, the journal they take home, and leaving with nothing left behind."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from experience.progress.session import Session, story_key
from experience.progress.store import Store
from experience.tui.screens.journal import JournalScreen
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.workshop import channel
from experience.workshop.driver import FromServer, ServerGone
from experience.workshop.pacing import Pacing
from experience.workshop.participant import TOO_MUCH_AT_ONCE, ParticipantApp
from experience.workshop.screens.arrival import ArrivalScreen
from experience.workshop.screens.farewell import FarewellScreen
from experience.workshop.screens.join import BUSY, FULL, WRONG, JoinScreen
from experience.workshop.screens.waiting import WaitingScreen

ROOM = "tuesday"
POLL = 0.05


@pytest.fixture
def make_participant(room_story, movements, rooms, tmp_path):
    opened = []

    def make(*, ask_code: bool = False, paced: bool = True, **options) -> ParticipantApp:
        store = Store.open(tmp_path / f"participant-{len(opened)}")
        opened.append(store)
        session = Session.resume(room_story, store, "participant", seed=0)
        pacing = None
        if paced:
            rooms.ensure(ROOM, story_key(room_story))
            pacing = Pacing(rooms, ROOM, movements)
        app = ParticipantApp(session, pacing=pacing, ask_code=ask_code, heartbeat=60, poll=POLL, **options)
        app.animation_level = "none"
        app.told = []  # type: ignore[attr-defined] - what it would have told the server
        app.tell_server = lambda kind, **fields: app.told.append((kind, fields))  # type: ignore[attr-defined, method-assign]
        return app

    yield make
    for store in opened:
        store.close()


def text_of(screen) -> str:
    return "\n".join(str(w.content) for w in screen.query(Static) if w.display)


def has_left(app) -> bool:
    """The app has begun to leave: Textual sets its return code then, and not before."""
    return app.return_code is not None


async def arrive(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # the arrival's Begin
    await pilot.pause()


async def reach_the_first_gate(pilot) -> None:
    await arrive(pilot)
    await pilot.press("1")  # Settle in.
    await pilot.pause()
    await pilot.press("enter")  # Continue: into the next movement
    await pilot.pause()


# -- arriving -------------------------------------------------------------------------------------
async def test_a_participant_is_told_their_words_stay_theirs(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ArrivalScreen)
        text = text_of(app.screen)
        assert "The facilitator never sees it" in text
        assert "nothing is kept on this computer once you leave" in text
        assert "press d at any time to download your journal" in text
        assert "not therapy" in text


async def test_with_a_join_code_the_code_comes_before_anything_else(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert not any(isinstance(s, SceneScreen) for s in app.screen_stack)  # no story built yet
        assert "join code" in text_of(app.screen)


def answer(app, ok: bool, **fields) -> None:
    """The server's answer to the code last typed, as the session's driver would deliver it."""
    app.post_message(FromServer(channel.ANSWER, {"type": channel.ANSWER, "ok": ok, **fields}))


async def test_the_code_typed_goes_to_the_server_which_alone_can_check_it(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"kx7 m4p", "enter")
        await pilot.pause()
        assert app.told == [(channel.JOIN, {"code": "kx7 m4p"})]
        assert app.screen.query_one(Input).disabled  # until the server answers
        assert isinstance(app.screen, JoinScreen)


async def test_a_wrong_code_gets_a_clear_message_and_nothing_more(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"KX7M4Q", "enter")
        answer(app, False, wait=1.0, why=channel.WHY_WRONG)
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert app.screen.query_one("#join-message", Static).content == WRONG
        assert app.screen.query_one(Input).disabled  # a moment before the next try
        await pilot.pause(1.2)
        assert not app.screen.query_one(Input).disabled


@pytest.mark.parametrize(("why", "words"), [(channel.WHY_WAIT, BUSY), (channel.WHY_FULL, FULL)])
async def test_the_server_can_ask_a_participant_to_wait_or_say_the_room_is_full(make_participant, why, words):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"KX7M4P", "enter")
        answer(app, False, wait=5.0, why=why)
        await pilot.pause()
        assert app.screen.query_one("#join-message", Static).content == words


async def test_the_journal_and_pause_keys_do_nothing_before_joining(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.check_action("journal", ()) is False
        assert app.check_action("download", ()) is False


async def test_when_the_server_says_the_code_is_right_the_participant_is_let_in(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        answer(app, True)  # an answer to nothing asked is ignored
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        await pilot.press(*"kx7 m4p", "enter")
        answer(app, True)
        await pilot.pause()
        assert isinstance(app.screen, ArrivalScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        assert app.session.state.scene == "arriving/threshold"


async def test_a_participant_is_told_kindly_when_a_paste_was_too_long(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        app.post_message(FromServer(channel.DROPPED, {"type": channel.DROPPED}))
        await pilot.pause()
        assert any(TOO_MUCH_AT_ONCE in str(n.message) for n in app._notifications)


# -- gates ----------------------------------------------------------------------------------------------
async def test_a_closed_movement_holds_the_participant_on_a_kind_waiting_screen(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        assert isinstance(app.screen, WaitingScreen)
        assert app.session.state.scene == "arriving/settle"  # not a step further
        text = text_of(app.screen)
        assert "The group will continue together soon." in text
        assert "You can pause, or read your journal, while you wait." in text


async def test_the_participant_goes_on_by_themselves_when_the_facilitator_opens_the_gate(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        rooms.open_movement(ROOM, 1)
        await pilot.pause(POLL * 4)
        assert isinstance(app.screen, SceneScreen)
        assert app.session.state.scene == "turning/door"


async def test_an_open_movement_does_not_hold_anyone(make_participant, rooms, room_story):
    app = make_participant()
    rooms.ensure(ROOM, story_key(room_story))
    rooms.open_movement(ROOM, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        assert isinstance(app.screen, SceneScreen)
        assert app.session.state.scene == "turning/door"


async def test_the_pause_is_never_held(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        await pilot.press("2")  # Breathe first: a detour to the pause
        await pilot.pause()
        assert app.session.state.scene == "pause/breath"


async def test_a_waiting_participant_can_pause_and_read_their_journal(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape", "j")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_a_gate_that_opens_while_the_journal_is_open_waits_for_the_participant(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        await pilot.press("j")
        await pilot.pause()
        rooms.open_movement(ROOM, 1)
        await pilot.pause(POLL * 4)
        assert isinstance(app.screen, JournalScreen)  # never pulled away mid-reading
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.state.scene == "turning/door"


async def test_a_waiting_participant_can_go_back_to_the_scene_and_stays_there(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)
        rooms.open_movement(ROOM, 1)
        await pilot.pause(POLL * 4)
        assert app.session.state.scene == "arriving/settle"  # the step is theirs to take again


# -- what the room is told ------------------------------------------------------------------------------
async def test_the_room_counts_a_participant_waiting_at_the_gate(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        assert rooms.counts(ROOM, 0).present == 1
        assert rooms.counts(ROOM, 0).waiting == 0
        await pilot.press("1", "enter")
        await pilot.pause()
        counts = rooms.counts(ROOM, 0)
        assert (counts.present, counts.waiting, counts.by_movement) == (1, 1, {0: 1})


async def test_the_room_follows_a_participant_into_the_next_movement(make_participant, rooms, room_story):
    app = make_participant()
    rooms.ensure(ROOM, story_key(room_story))
    rooms.open_movement(ROOM, 2)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_the_first_gate(pilot)
        assert rooms.counts(ROOM, 2).by_movement == {1: 1}


async def test_leaving_takes_the_participant_out_of_the_count(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert rooms.counts(ROOM, 0).present == 0


# -- the journal goes home with them ----------------------------------------------------------------------
async def answer_the_door(pilot, rooms, words: str) -> None:
    rooms.ensure(ROOM, story_key(pilot.app.session.story))
    rooms.open_movement(ROOM, 1)
    await reach_the_first_gate(pilot)
    await pilot.press(*words, "ctrl+s")
    await pilot.pause()


async def test_d_delivers_the_journal_to_the_browser_as_markdown(make_participant, rooms):
    app = make_participant()
    delivered = []
    app.deliver_text = lambda file, **options: delivered.append((file.read(), options))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_the_door(pilot, rooms, "a small room with a lamp")
        assert app.session.journal.entries(), "the answer was kept"
        await pilot.press("d")
        await pilot.pause()
    ((text, options),) = delivered
    assert options["save_filename"] == "my-journal.md" and options["mime_type"] == "text/markdown"
    assert options["open_method"] == "download"
    assert "**What is behind the door?**" in text and "> a small room with a lamp" in text


async def test_leaving_with_words_written_offers_the_journal_first(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_the_door(pilot, rooms, "a lamp")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, FarewellScreen)
        assert "Nothing you wrote is kept on this computer once you leave" in text_of(app.screen)
        await pilot.press("3")  # Stay a little longer
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and app.is_running


async def test_the_farewell_can_download_and_then_leave(make_participant, rooms):
    app = make_participant()
    delivered = []
    app.deliver_text = lambda file, **options: delivered.append(file.read())  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_the_door(pilot, rooms, "a lamp")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("1")  # Download my journal
        await pilot.pause()
        assert delivered and "a lamp" in delivered[0]
        assert "on its way" in text_of(app.screen)
        await pilot.press("2")  # Leave now
        await pilot.pause()
        assert has_left(app)


async def test_leaving_with_nothing_written_asks_nothing(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert has_left(app)


async def test_a_session_whose_server_is_gone_ends_by_itself_even_with_words_written(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        app.session.answer("something of mine")  # would ask for a farewell on ctrl+q
        assert app.session.journal.entries()
        app.post_message(ServerGone())  # what the driver says when its stdin closes
        await pilot.pause()
        assert has_left(app) and not isinstance(app.screen, FarewellScreen)
    assert rooms.counts(ROOM, 0).present == 0
