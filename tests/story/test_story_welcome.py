"""A story's own welcome is what its readers see first, in both players; the care lines stay."""

from __future__ import annotations

import io

import pytest

from experience.care.words import NOT_FOR_NOW, WHAT_IT_IS_NOT, WHAT_THIS_IS
from experience.plain import play_plain

WELCOME = "A story about **small rooms**, in five short scenes.\n\nTake it slowly.\n"


@pytest.fixture
def played_story_dir(small_story_dir):
    """The small story, with a welcome of its own."""
    manifest = small_story_dir / "story.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "format: 2\nwelcome: |\n  " + WELCOME.replace("\n\n", "\n\n  ")
    )
    return small_story_dir


def test_the_plain_player_shows_the_storys_welcome_and_the_care_lines(open_session):
    out = io.StringIO()
    play_plain(open_session(), stdin=io.StringIO("\n"), stdout=out)
    text = out.getvalue()
    assert "A story about small rooms, in five short scenes." in text and "Take it slowly." in text
    assert str(WHAT_THIS_IS) not in text  # the journey's own first words belong to the journey
    assert str(WHAT_IT_IS_NOT) in text and str(NOT_FOR_NOW) in text


async def test_the_full_screen_welcome_shows_the_storys_welcome_and_the_care_lines(make_app, read_screen):
    from textual.widgets import Static

    from experience.tui.widgets.passage import Passage

    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        text = read_screen(app)
        assert "A story about small rooms, in five short scenes." in text and "Take it slowly." in text
        assert str(WHAT_THIS_IS) not in text
        assert str(WHAT_IT_IS_NOT) in text and str(NOT_FOR_NOW) in text
        welcome = app.screen.query_one(Passage)
        assert welcome.region.height == 3  # its own two paragraphs, not the card's whole height
        care = next(w for w in app.screen.query(Static) if str(WHAT_IT_IS_NOT) in str(w.content))
        assert care.region.bottom <= app.screen.region.bottom  # on screen, under the story's words
