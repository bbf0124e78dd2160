"""The player, driven as a person would: keys, clicks, leaving and coming back.

Key presses are kept few (each costs the harness a pause); logic is tested on the session.
"""

from __future__ import annotations

import sqlite3

from textual.widgets import OptionList, TextArea

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.tui.screens.checkin import CheckInScreen
from experience.tui.screens.journal import JournalScreen
from experience.tui.screens.pause import PauseScreen
from experience.tui.screens.scene import SceneScreen
from experience.tui.screens.welcome import WelcomeScreen
from experience.tui.screens.welcome_back import WelcomeBackScreen
from experience.tui.widgets import reflect
from experience.tui.widgets.heading import SceneHeading
from experience.tui.widgets.passage import Passage
from experience.tui.widgets.reflect import ReflectBox


async def begin(pilot) -> None:
    await pilot.press("enter")  # the welcome's Begin
    await pilot.pause()


def saved_scene(data_dir, story_dir, profile="default") -> str:
    store = Store.open(data_dir)
    try:
        return Session.resume(load_story(story_dir), store, profile).state.scene
    finally:
        store.close()


def long_paragraphs(count: int) -> str:
    """Scene text longer than a small window, as indented YAML block lines."""
    lines = "\n\n".join(f"Paragraph {n} of a long scene, written to be longer than the window." for n in range(count))
    return "".join(f"      {line}\n" for line in lines.splitlines())


def rewrite_first_chapter(story_dir, replacements: dict[str, str]) -> None:
    chapter = story_dir / "first.yaml"
    text = chapter.read_text()
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    chapter.write_text(text)


# -- first run ------------------------------------------------------------------------------------
async def test_a_first_visit_opens_with_an_honest_welcome(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = read_screen(app)
        assert "guided reflection" in text
        assert "not therapy" in text and "crisis" in text
        assert "p to pause" in text and "b to go back" in text and "ctrl+q to leave" in text


async def test_beginning_shows_the_first_scene_with_its_titles_and_choices(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        assert isinstance(app.screen, SceneScreen)
        text = read_screen(app)
        assert "The first room" in text and "At the door" in text
        assert "You are standing at a quiet door." in text
        choices = app.screen.query_one(OptionList)
        assert [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)] == [
            "1  Open the door.",
            "2  Sit on the step for a while.",
            "3  Take a breath first.",
        ]
        assert app.focused is choices


# -- choosing ---------------------------------------------------------------------------------------
async def test_a_number_key_chooses_and_the_step_is_saved_at_once(make_app, small_story_dir, data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert app.session.state.scene == "first/step"
        assert saved_scene(data_dir, small_story_dir) == "first/step"  # while the app is still open


async def test_enter_continues_a_scene_without_choices(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.session.state.scene == "first/hall"


async def test_leaving_before_the_answer_box_is_made_is_quiet(make_app, monkeypatch):
    # The answer box is made by a timer a moment after the first scene; leaving before it fires
    # (quick keys: begin, step out, goodbye) once crashed the exit. The timer is put off here so
    # that it cannot fire by itself on a slow machine, and is fired by hand after exit.
    monkeypatch.setattr(reflect, "AREA_AFTER", 3600)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        box = app.screen.query_one(ReflectBox)
        app.exit()
        box._area_in_good_time()  # what the timer would do now: nothing, and no error
        assert not box.query(TextArea)


async def test_arrows_and_enter_choose(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.state.scene == "first/step"


async def test_a_mouse_click_chooses(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.click("#choices", offset=(5, 1))
        await pilot.pause()
        assert app.session.state.scene == "first/step"


async def test_back_undoes_each_step_down_to_the_first(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # skip the question: focus moves off the answer box
        await pilot.pause()
        await pilot.press("b", "b", "b")
        await pilot.pause()
        assert app.session.state.scene == "first/door"
        assert not app.session.can_go_back


# -- the reader's words -------------------------------------------------------------------------------
async def test_an_answer_is_saved_at_once_and_shown_as_typed(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        app.focused.insert("[bold]rest[/bold] *and* tea")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == ["[bold]rest[/bold] *and* tea"]
        assert isinstance(app.focused, OptionList)  # the choices come after the question
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        text = read_screen(app)
        assert "[bold]rest[/bold] *and* tea" in text
        assert "What do you need right now?" in text and "The first room" in text


async def test_an_answer_flows_into_later_scenes_literally(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.focused.insert("**quiet** [i]time[/i]")
        await pilot.press("ctrl+s", "1")
        await pilot.pause()
        assert "You said you need: **quiet** [i]time[/i]." in read_screen(app)


async def test_skipping_a_question_shows_the_choices_and_keeps_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()
        assert app.session.journal.entries() == []
        assert isinstance(app.focused, OptionList)


async def test_typing_is_kept_as_a_draft_when_leaving_without_saving(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.focused.insert("half a thought")
        await pilot.press("ctrl+q")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue where I left off
        await pilot.pause()
        assert again.screen.query_one(TextArea).text == "half a thought"


# -- pause, journal, leaving ----------------------------------------------------------------------------
async def test_pause_returns_exactly_where_the_reader_was(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.focused.insert("not finished")
        scene_screen = app.screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is scene_screen
        assert app.session.state.scene == "first/hall"
        assert app.screen.query_one(TextArea).text == "not finished"


async def test_the_journal_is_empty_but_kind_before_any_answer(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("j")
        await pilot.pause()
        assert "Nothing here yet" in read_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def answer_tea_and_leave(app) -> None:
    """Begin, open the door, answer the hall's question with "tea", save, and leave with ctrl+q."""
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.focused.insert("tea")
        await pilot.press("ctrl+s", "ctrl+q")


async def test_leaving_and_coming_back_finds_the_same_scene_and_answers(make_app, read_screen):
    await answer_tea_and_leave(make_app())
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WelcomeBackScreen)
        assert "“The first room”, The hall" in read_screen(again)
        await pilot.press("enter")
        await pilot.pause()
        assert again.session.state.scene == "first/hall"
        assert "Kept in your journal" in read_screen(again)  # answered here: the choices, not the question
        assert [e.answer for e in again.session.journal.entries()] == ["tea"]
        await pilot.press("b")
        await pilot.pause()
        assert again.session.state.scene == "first/door"  # history survives the restart


async def test_starting_again_keeps_the_journal(make_app):
    await answer_tea_and_leave(make_app())
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # start again
        await pilot.pause()
        assert again.session.state.scene == "first/door"
        assert [e.answer for e in again.session.journal.entries()] == ["tea"]


# -- care ---------------------------------------------------------------------------------------------
async def test_before_a_deep_scene_the_reader_is_asked_and_can_take_the_gentler_path(make_app, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "an old, lonely memory" in read_screen(app)
        await pilot.press("2")  # a gentler path
        await pilot.pause()
        assert app.session.state.scene == "second/garden"


async def test_an_ending_offers_the_journal_starting_again_or_leaving(make_app, small_story, read_screen):
    app = make_app()
    session = app.session
    session.start()
    for label in ("Open the door.", "Walk on.", "Rest here."):
        session.choose(next(c for c, text in session.view().choices if text == label))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt)[3:] for i in range(3)] == [
            "Read your journal",
            "Start again from the beginning",
            "Leave for now",
        ]
        await pilot.press("2")
        await pilot.pause()
        assert app.session.state.scene == "first/door"
        await pilot.press("b")
        await pilot.pause()
        assert app.session.state.scene == "second/rest"  # starting again can be undone


async def test_a_step_the_story_cannot_take_is_explained_and_nothing_moves(make_app, small_story_dir):
    broken = small_story_dir / "first.yaml"
    broken.write_text(broken.read_text().replace("set: {warmth: warmth + 1}", "set: {warmth: warmth / 0}"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert app.session.state.scene == "first/door"
        assert any("could not be taken" in str(n.message) for n in app._notifications)


# -- what can go wrong with saved progress -----------------------------------------------------------------
async def test_a_damaged_database_is_explained_and_a_fresh_start_offered(make_app, data_dir, read_screen):
    data_dir.mkdir()
    (data_dir / "experience.db").write_bytes(b"not a database at all" * 200)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = read_screen(app)
        assert (
            "could not be read" in text and "experience.db.unreadable-" in text and "Nothing has been deleted" in text
        )
    assert list(data_dir.glob("experience.db.unreadable-*"))


async def test_a_scene_renamed_under_a_save_is_explained_on_return(make_app, small_story_dir, read_screen):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2")
        await pilot.pause()
    chapter = small_story_dir / "first.yaml"
    chapter.write_text(chapter.read_text().replace("  step:", "  stoop:").replace("goto: step", "goto: stoop"))
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "The story has changed since your last visit" in read_screen(again)
        await pilot.press("enter")
        await pilot.pause()
        assert again.session.state.scene == "first/door"


async def test_profiles_keep_separate_journeys(make_app):
    app = make_app(profile="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2")
        await pilot.pause()
    other = make_app(profile="sam")
    assert other.session.is_new


# -- the room itself ------------------------------------------------------------------------------------
async def test_the_palette_offers_the_same_actions_as_the_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("2")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Pause", "Journal", "Go back", "Start again", "Leave", "Colours"):
            assert title in titles
        assert "Screenshot" not in titles  # a picture of the screen could expose answers


async def test_the_chosen_theme_is_remembered(make_app):
    app = make_app()
    assert app.theme == "dusk"
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "linen"
        await pilot.pause()
    assert make_app().theme == "linen"


async def test_nothing_hides_behind_the_footer_in_a_small_window(make_app, small_story_dir):
    rewrite_first_chapter(small_story_dir, {"      Nothing needs to happen yet.\n": long_paragraphs(30)})
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await begin(pilot)
        await pilot.pause()
        footer_top = app.screen.query_one("Footer").region.y
        choices = app.screen.query_one("#choices")
        assert choices.region.bottom <= footer_top and choices.region.height == 3
        reading = app.screen.query_one("#reading")
        assert reading.region.bottom <= choices.region.y
        assert reading.max_scroll_y > 0  # the long text scrolls
        await pilot.press("pagedown")
        await pilot.pause()
        assert reading.scroll_y > 0
        assert app.screen.query_one(Passage).region.height > reading.region.height


async def test_a_question_keeps_its_place_to_write_and_its_buttons_in_a_small_window(make_app, small_story_dir):
    rewrite_first_chapter(
        small_story_dir,
        {
            "      The hall is long and lit by **one** lamp.\n": long_paragraphs(20),
            "What do you need right now?": "If you like, write about what you need right now, in as many or as few words "
            "as feel right.",
        },
    )
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await begin(pilot)
        app.screen.query_one(SceneHeading).title = ""  # the next scene's title adds a line: measured anew
        await pilot.press("1")
        await pilot.pause()
        footer_top = app.screen.query_one("Footer").region.y
        for part in ("#prompt", "#answer", "#save", "#skip"):
            assert app.screen.query_one(part).region.bottom <= footer_top, part
        assert app.screen.query_one("#answer").region.height >= 3
        assert app.screen.query_one("#reading").region.height >= 3


def test_the_database_is_shared_safely_by_two_profiles_at_once(data_dir, small_story):
    first, second = Store.open(data_dir), Store.open(data_dir)
    a = Session.resume(small_story, first, "ana", seed=0)
    b = Session.resume(small_story, second, "sam", seed=0)
    a.choose(a.view().choices[0][0])
    b.choose(b.view().choices[1][0])
    assert Session.resume(small_story, first, "sam", seed=0).state.scene == "first/step"
    assert Session.resume(small_story, second, "ana", seed=0).state.scene == "first/hall"
    assert sqlite3.connect(data_dir / "experience.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    first.close()
    second.close()
