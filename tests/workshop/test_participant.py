"""A participant's session, driven as a person would in their browser tab: the join code, the
gates, the journal they take home, and leaving with nothing left behind."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from experience.care.words import IF_IT_STIRRED
from experience.progress.session import story_key
from experience.tui.screens.journal import JournalScreen
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.workshop import channel
from experience.workshop.driver import FromServer, ServerGone
from experience.workshop.participant import TOO_MUCH_AT_ONCE
from experience.workshop.screens.arrival import ArrivalScreen
from experience.workshop.screens.farewell import FarewellScreen
from experience.workshop.screens.join import BUSY, FULL, NOT_CHECKED, WRONG, JoinScreen
from experience.workshop.screens.waiting import WaitingScreen

from .conftest import PARTICIPANTS_POLL as POLL
from .webclient import SERVED_ROOM as ROOM


def text_of(screen) -> str:
    return "\n".join(str(w.content) for w in screen.query(Static) if w.display)


async def until(pilot, check, *, timeout: float = 5.0) -> None:
    """Let the app run until `check()` holds, a few polls at a time; fail after `timeout` seconds."""
    for _ in range(int(timeout / POLL)):
        if check():
            return
        await pilot.pause(POLL)
    assert check(), "never became true"


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


def notes_of(app) -> list[tuple[str, str]]:
    """Every notification the app shows, as (title, message), kept as it is shown."""
    shown: list[tuple[str, str]] = []
    show = app.notify

    def notify(message, *, title="", **options):
        shown.append((title, str(message)))
        return show(message, title=title, **options)

    app.notify = notify
    return shown


# -- arriving -------------------------------------------------------------------------------------
async def test_a_participant_is_told_their_words_stay_theirs(make_participant):
    app = make_participant()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ArrivalScreen)
        text = text_of(app.screen)
        assert "The facilitator never sees it" in text
        assert "held only while your session lasts, on the machine running the workshop" in text
        assert "this computer" not in text  # the participant's device is not where their words are
        assert "Press d at any time to download your journal" in text
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


@pytest.mark.parametrize(
    ("why", "words"), [(channel.WHY_WAIT, BUSY), (channel.WHY_FULL, FULL), (channel.WHY_UNCHECKED, NOT_CHECKED)]
)
async def test_the_server_can_ask_a_participant_to_wait_or_say_why_not_yet(make_participant, why, words):
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
        assert any(str(TOO_MUCH_AT_ONCE) in str(n.message) for n in app._notifications)


# -- the lobby ------------------------------------------------------------------------------------------
async def test_before_the_session_begins_the_participant_waits_in_the_lobby(make_participant, rooms):
    app = make_participant(begun=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        assert isinstance(app.screen, WaitingScreen)
        assert "The session will begin soon." in text_of(app.screen)
        assert app.screen.check_action("back_to_scene", ()) is False  # no scene yet to go back to
        await pilot.pause(POLL * 4)
        counts = rooms.counts(ROOM, -1)
        assert (counts.present, counts.waiting) == (1, 1)  # waiting to begin, as the console says
        rooms.open_movement(ROOM, 0)
        # mounted, not only pushed: an app told to stop while a screen mounts fails the test
        await until(pilot, lambda: isinstance(app.screen, SceneScreen) and app.screen.is_mounted)
        assert app.session.state.scene == "arriving/threshold"


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
        await until(pilot, lambda: app.session.state.scene == "turning/door")
        assert isinstance(app.screen, SceneScreen)


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


async def test_m_tells_the_room_someone_needs_a_moment_and_never_who(make_participant, rooms):
    app = make_participant()
    shown = notes_of(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        assert "Need a moment" in {b.description for _, b, enabled, _ in app.screen.active_bindings.values() if enabled}
        await pilot.press("m")
        await pilot.pause()
        assert rooms.counts(ROOM, 0).moments == 1
        assert any("never who" in message for _, message in shown)


async def test_without_a_room_there_is_no_one_to_tell_and_no_m_key(make_participant):
    app = make_participant(paced=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        assert app.check_action("moment", ()) is False


async def test_the_room_counts_a_participant_pausing_and_stepping_out_while_they_do(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert rooms.counts(ROOM, 0).pausing == 1
        await pilot.press("escape")
        await until(pilot, lambda: rooms.counts(ROOM, 0).pausing == 0)
        await pilot.press("s")  # the support lines, with the way out
        await until(pilot, lambda: rooms.counts(ROOM, 0).stepped_out == 1)


async def test_a_message_to_everyone_appears_on_the_participants_screen(make_participant, rooms, clock):
    app = make_participant()
    shown = notes_of(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        clock.tick(30)
        rooms.send_message(ROOM, "Five more minutes.")
        await until(pilot, lambda: shown)
        await pilot.pause(POLL * 4)
        assert shown.count(("From your facilitator", "Five more minutes.")) == 1  # once, not at every look


async def test_a_message_sent_before_the_participant_joined_is_not_shown(make_participant, rooms, clock, room_story):
    rooms.ensure(ROOM, story_key(room_story))
    rooms.send_message(ROOM, "Welcome back from the break.")
    clock.tick(60)
    app = make_participant()
    shown = notes_of(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await arrive(pilot)
        await pilot.pause(POLL * 4)
        assert not any(title == "From your facilitator" for title, _ in shown)


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
        farewell = text_of(app.screen)
        assert "deleted from there when you leave" in farewell and "this computer" not in farewell
        assert str(IF_IT_STIRRED) in farewell and "Emergency numbers" in farewell
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


# -- support, from every screen of a room ----------------------------------------------------------
async def support_is_one_key_away(app, pilot) -> None:
    from experience.care.words import SUPPORT_KEY
    from experience.tui.screens.support import SupportScreen

    here = type(app.screen)
    assert {k.key: k.description for k in app.screen.query("FooterKey")}.get(SUPPORT_KEY) == "Support", here
    await pilot.press(SUPPORT_KEY)
    await pilot.pause()
    assert isinstance(app.screen, SupportScreen), here
    await pilot.press("escape")
    await pilot.pause()
    assert type(app.screen) is here


async def test_support_is_one_key_away_before_the_join_code_too(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await support_is_one_key_away(app, pilot)
        assert isinstance(app.screen, JoinScreen)


async def test_support_is_one_key_away_on_arrival_while_waiting_and_on_the_farewell(make_participant, rooms):
    app = make_participant()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await support_is_one_key_away(app, pilot)  # the arrival
        await pilot.press("enter", "1", "enter")  # begin; settle in; continue, into the next movement
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        await support_is_one_key_away(app, pilot)
        await pilot.press("b")
        await pilot.pause()
    again = make_participant()
    async with again.run_test(size=(80, 24)) as pilot:
        await answer_the_door(pilot, rooms, "a lamp")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(again.screen, FarewellScreen)
        await support_is_one_key_away(again, pilot)
