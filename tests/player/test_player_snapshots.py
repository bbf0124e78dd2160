"""The look of the key screens, pinned. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

from textual.widgets import TextArea


def choose(session, label: str) -> None:
    session.choose(next(choice for choice, text in session.view().choices if text == label))


async def still(pilot) -> None:
    """Stop the cursor blinking so that every picture is the same."""
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_welcome(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_scene_with_choices(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter"], terminal_size=(80, 24))


def test_reflect_prompt(make_app, snap_compare):
    async def answer(pilot):
        await pilot.press("enter", "1")
        pilot.app.focused.insert("Some quiet, and [bold]a cup of tea[/bold].")
        await still(pilot)

    assert snap_compare(make_app(), run_before=answer, terminal_size=(80, 24))


def test_journal(make_app, snap_compare):
    app = make_app()
    session = app.session
    session.start()
    choose(session, "Open the door.")
    session.answer("Some quiet, and [bold]a cup of tea[/bold].\nMaybe a walk.")
    session.restart()  # a second journey, a second answer
    choose(session, "Open the door.")
    session.answer("**Company**, I think.")
    assert snap_compare(app, press=["enter", "j"], terminal_size=(80, 24))


def test_pause(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter", "p"], terminal_size=(80, 24))


def test_reflect_prompt_in_a_small_window(make_app, snap_compare):
    async def open_question(pilot):
        await pilot.press("enter", "1")
        await still(pilot)

    assert snap_compare(make_app(), run_before=open_question, terminal_size=(60, 20))


def test_scene_with_choices_in_a_small_window(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter"], terminal_size=(60, 20))
