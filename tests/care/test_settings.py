"""Settings: the look, reduced motion and the break reminder; applied at once, kept per profile."""

from __future__ import annotations

from experience.care.settings import Settings, read_settings
from experience.tui.screens.settings import SettingsScreen


def rows(app) -> list[str]:
    options = app.screen.query_one("#settings")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_f2_and_comma_open_the_settings_and_esc_closes_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f2")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape", "comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_each_setting_says_its_value_in_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        look, motion, reminder, language = rows(app)
        assert "Dusk" in look and "Reduced motion" in motion and "On" in reminder and "Automatic" in language


async def test_high_contrast_and_reduced_motion_apply_at_once_and_are_kept(make_app):
    app = make_app()
    app.animation_level = "full"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "1", "1")  # dusk, linen, high contrast
        await pilot.pause()
        assert app.theme == "high-contrast" and "High contrast" in rows(app)[0]
        await pilot.press("2")
        await pilot.pause()
        assert app.animation_level == "none" and "On: everything stays still" in rows(app)[1]
        await pilot.press("3")
        await pilot.pause()
        assert rows(app)[2].endswith("Off")
    again = make_app()
    assert again.theme == "high-contrast" and again.animation_level == "none"
    assert again.settings == Settings(theme="high-contrast", reduced_motion=True, break_reminder=False)


async def test_settings_belong_to_one_profile(make_app):
    app = make_app("ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "2")
        await pilot.pause()
    assert make_app("ana").settings.reduced_motion
    assert not make_app("sam").settings.reduced_motion


async def test_turning_reduced_motion_off_gives_back_what_the_environment_asked_for(make_app, monkeypatch):
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "basic")  # as TEXTUAL_ANIMATIONS=basic asks
    app = make_app()
    app.animation_level = "basic"
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_reduced_motion(True)
        app.set_reduced_motion(False)
        await pilot.pause()
        assert app.animation_level == "basic"


def test_unreadable_settings_fall_back_to_the_defaults():
    assert read_settings({"theme": 3, "reduced_motion": "yes", "break_reminder": None}) == Settings()
    assert read_settings({}) == Settings(theme=None, reduced_motion=False, break_reminder=True)
