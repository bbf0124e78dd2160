"""A participant's session on a phone (about 43 columns by 46 rows in a 390 by 844 browser):
the whole text where it fits, every key in the footer, and the choices to come beneath a question.
(The same layout at a terminal's usual sizes is the player's, tested with the player.)"""

from __future__ import annotations

import pytest

from experience.bundled import bundled_story
from experience.story import load_story
from experience.tui.widgets.choices import ChoiceList
from experience.tui.widgets.passage import Passage

PHONE = (43, 46)


@pytest.fixture(scope="module")
def journey():
    return load_story(bundled_story())


async def begin(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # the arrival's Begin
    await pilot.pause(0.3)


async def test_on_a_phone_a_long_scene_is_shown_whole_when_it_fits(make_participant, journey):
    app = make_participant(story=journey)
    async with app.run_test(size=PHONE) as pilot:
        await begin(pilot)
        reading, passage = app.screen.query_one("#reading"), app.screen.query_one(Passage)
        assert passage.region.height == reading.region.height  # nothing cut off, no scrollbar
        assert reading.max_scroll_y == 0
        assert app.screen.query_one(ChoiceList).region.y == reading.region.bottom + 1  # right beneath


async def test_on_a_phone_every_key_of_the_footer_is_on_the_screen(make_participant, journey):
    app = make_participant(story=journey)
    async with app.run_test(size=PHONE) as pilot:
        await begin(pilot)
        await pilot.pause(0.3)
        footer = app.screen.query_one("KeyFooter")
        keys = list(footer.query("FooterKey"))
        assert {key.description for key in keys} >= {"Choose", "Pause", "Support", "Journal", "Need a moment"}
        assert all(key.region.right <= PHONE[0] and key.region.height == 1 for key in keys)
        assert footer.region.height > 1  # on more than one line, rather than off the edge
        choices = app.screen.query_one(ChoiceList)
        assert choices.region.bottom <= footer.region.y  # the footer took its rows from the page


async def test_on_a_phone_a_question_shows_the_choices_to_come_beneath_it_faded(make_participant, rooms):
    app = make_participant()
    rooms.open_movement("tuesday", 1)
    async with app.run_test(size=PHONE) as pilot:
        await begin(pilot)
        await pilot.press("1", "enter")  # Settle in, then into the door, which asks a question
        await pilot.pause(0.3)
        choices = app.screen.query_one(ChoiceList)
        assert app.screen.query_one("#reflect").display
        assert choices.display and choices.disabled
        assert choices.region.y >= app.screen.query_one("#skip").region.bottom
        await pilot.click("#skip")
        await pilot.pause()
        assert choices.display and not choices.disabled and choices.has_focus


async def test_in_a_terminal_of_the_usual_size_the_question_comes_first_alone(make_participant, rooms):
    app = make_participant()
    rooms.open_movement("tuesday", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.press("1", "enter")
        await pilot.pause(0.3)
        assert app.screen.query_one("#reflect").display
        assert not app.screen.query_one(ChoiceList).display  # the text keeps the room instead


async def test_on_a_phone_support_is_a_button_on_the_scene_and_on_the_arrival(make_participant, journey):
    from experience.tui.screens.support import SupportScreen
    from experience.tui.widgets.support import SupportButton

    app = make_participant(story=journey)
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        assert app.screen.query(SupportButton)  # the arrival has one beside Begin
        await begin(pilot)
        button = app.screen.query_one(SupportButton)
        assert button.region.right <= PHONE[0] and button.region.y < 2  # at the top, in view
        button.press()
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
