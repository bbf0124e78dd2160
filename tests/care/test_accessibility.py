"""Without colour, in high contrast, in a small window, by keyboard alone: everything still reads."""

from __future__ import annotations

import pytest

from experience.tui.theme import HIGH_CONTRAST
from experience.tui.widgets.choices import MARK, ChoiceList


def choice_lines(app) -> list[str]:
    choices = app.screen.query_one(ChoiceList)
    return [choices.render_line(y).text for y in range(choices.option_count)]


async def test_the_highlighted_choice_is_marked_not_only_shaded(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        lines = choice_lines(app)
        assert lines[0].startswith(MARK) and not lines[1].startswith(MARK)
        await pilot.press("down")
        await pilot.pause()
        lines = choice_lines(app)
        assert lines[1].startswith(MARK) and not lines[0].startswith(MARK)


async def test_with_no_color_the_choices_and_buttons_still_show_where_the_focus_is(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert choice_lines(app)[0].startswith(MARK)
        await pilot.press("1", "tab")  # the question: focus moves from the answer to Save
        await pilot.pause()
        save = app.screen.query_one("#save")
        assert app.focused is save and save.styles.text_style.reverse and save.styles.text_style.bold
        skip = app.screen.query_one("#skip")
        assert not skip.styles.text_style.reverse


def test_the_high_contrast_theme_is_white_and_yellow_on_black():
    assert (HIGH_CONTRAST.background, HIGH_CONTRAST.foreground, HIGH_CONTRAST.primary) == (
        "#000000",
        "#FFFFFF",
        "#FFD700",
    )
    assert HIGH_CONTRAST.variables["text-muted"] == "#FFFFFF"  # nothing faded


def test_the_high_contrast_theme_is_offered_by_name(make_app):
    assert "high-contrast" in make_app().available_themes


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_every_key_of_a_scene_fits_in_the_footer(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        keys = list(app.screen.query("FooterKey"))  # by its CSS type: Textual does not export the class
        assert {key.description for key in keys} >= {"Choose", "Back", "Pause", "Support", "Journal", "Leave"}
        assert all(key.region.right <= size[0] for key in keys)


async def test_the_whole_journey_needs_only_the_keyboard(make_app):
    """Begin, choose, answer, take the gentler path, reach the end: keys only, no mouse."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1")
        await pilot.pause()
        app.screen.query_one("#answer").insert("quiet")
        await pilot.press("ctrl+s", "1", "2")  # save, the old room, a gentler path
        await pilot.pause()
        assert app.session.state.scene == "one/garden"
        await pilot.press("1")
        await pilot.pause()
        assert app.session.state.scene == "one/rest"
