"""Every scene of the bundled journey can be read whole in the full-screen player, at the sizes
people play in: its text fits above the choices, or it scrolls and says so, and the scroll
reaches its last line. Each scene is shown with every answer given at length, its longest."""

from __future__ import annotations

import dataclasses

import pytest

from experience.bundled import bundled_story
from experience.tui.screens.scene_layout import AT_THE_END, MORE_BELOW
from experience.tui.widgets.passage import Passage

AT_LENGTH = "a few words, written the way a person might, running on a little longer than they meant to"
EVERYTHING_SAID = {
    "meeting": "window",
    "part_needs": "someone to sit close and stay",
    "part_words": AT_LENGTH,
    "promised": True,
    "place": "in the back seat of a car",
    "part_name": "Sam",
    "feeling": "stormy",
    "need": AT_LENGTH,
    "need_kind": "presence",
    "age": "teen",
    "belief": "burden",
    "role": "the caretaker",
    "fear": AT_LENGTH,
    "farewell": AT_LENGTH,
    "comfort_words": AT_LENGTH,
    "blessing_own": AT_LENGTH,
    "opening_line": AT_LENGTH,
    "tenderness": 9,
    "signs": 3,
}


@pytest.fixture
def played_story_dir():
    return bundled_story()


def _cut(screen) -> str | None:
    """What of the text a reader could not reach, in words; None when all of it can be read."""
    reading, passage, more = screen.query_one("#reading"), screen.query_one(Passage), screen.query_one("#more")
    footer_top = screen.query_one("Footer").region.y
    for part in ("#reading", "#more", "#choices"):
        widget = screen.query_one(part)
        if widget.display and widget.region.bottom > footer_top:
            return f"{part} runs under the footer"
    rows, room = len(passage.lines(passage.content_size.width)), reading.scrollable_content_region.height
    if rows <= room:
        return None if not more.display else "says there is more when there is not"
    if not more.display or str(more.content) != MORE_BELOW:
        return f"{rows} rows in {room}, and nothing says there is more"
    if reading.max_scroll_y < rows - room:
        return f"{rows} rows in {room}, but it scrolls only {reading.max_scroll_y}"
    return None


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)])
async def test_every_scene_can_be_read_to_its_last_line(make_app, size):
    app = make_app()
    session = app.session
    cut = {}
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")  # past the welcome
        await pilot.pause()
        said = dict(session.state.variables, **EVERYTHING_SAID)
        for scene in session.story.scenes:
            session.state = dataclasses.replace(session.state, variables=said)
            session.go_to(scene)
            app.screen.show_current()
            await pilot.pause()
            if problem := _cut(app.screen):
                cut[scene] = problem
    assert cut == {}


async def test_the_line_beneath_a_long_text_says_when_its_end_is_reached(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")
        app.session.go_to("carrying/letter")
        app.screen.show_current()
        await pilot.pause()
        more, reading = app.screen.query_one("#more"), app.screen.query_one("#reading")
        assert str(more.content) == MORE_BELOW
        for _ in range(20):  # bounded: the letter is a few pages at most
            if reading.scroll_y >= reading.max_scroll_y:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert str(more.content) == AT_THE_END
        await pilot.press("pageup")
        await pilot.pause()
        assert str(more.content) == MORE_BELOW
