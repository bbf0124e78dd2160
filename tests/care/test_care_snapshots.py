"""The look of the care screens, pinned. Update on purpose with `pytest --snapshot-update`.

The support lines are a fixed sample here, so that keeping `support.yaml` current never means
redrawing these pictures.
"""

from __future__ import annotations

import pytest

from experience.care.crisis import Concern
from experience.care.support import load_support
from experience.tui.screens.support import SETTLING

SAMPLE_SUPPORT = """
emergency:
  advice: If you are in danger right now, call your local emergency number.
  numbers:
    - {region: "Somewhere", number: "000"}
lines:
  - name: "A listening line"
    how_to_reach: "Call 0100 100 100, any time. Free from any phone."
    region: "Somewhere"
    last_verified: 2026-01-01
  - name: "Another line"
    how_to_reach: "Text 321 to reach a trained volunteer, day or night."
    region: "Elsewhere"
    last_verified: 2026-01-01
relationships:
  note: If someone close to you frightens or controls you, these services can help.
  lines:
    - name: "A safety line"
      how_to_reach: "Call 0200 200 200, any time."
      region: "Somewhere"
      last_verified: 2026-01-01
"""


@pytest.fixture(autouse=True)
def sample_support(monkeypatch):
    monkeypatch.setattr("experience.tui.widgets.support.load_support", lambda: load_support(SAMPLE_SUPPORT))


def test_pause_with_the_breath_written_out(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter", "p"], terminal_size=(80, 24))


def test_pause_noticing_the_senses(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter", "p", "n", "enter"], terminal_size=(80, 24))


async def step_out(pilot) -> None:
    await pilot.press("enter")
    pilot.app.action_step_out()
    await pilot.pause()


def test_step_out(make_app, snap_compare):
    assert snap_compare(make_app(), run_before=step_out, terminal_size=(80, 24))


def test_step_out_in_a_small_window(make_app, snap_compare):
    assert snap_compare(make_app(), run_before=step_out, terminal_size=(60, 20))


def test_support(make_app, snap_compare):
    assert snap_compare(make_app(), press=["enter", "f1"], terminal_size=(80, 24))


async def heavy_words(pilot) -> None:
    await pilot.press("enter")
    pilot.app.open_support(concern=Concern.SELF)
    await pilot.pause(SETTLING + 0.2)  # past its first moment, when the replies are faded


async def words_of_harm(pilot) -> None:
    await pilot.press("enter")
    pilot.app.open_support(concern=Concern.HARM)
    await pilot.pause(SETTLING + 0.2)


def test_support_after_heavy_words_in_a_small_window(make_app, snap_compare):
    assert snap_compare(make_app(), run_before=heavy_words, terminal_size=(60, 20))


def test_support_after_words_of_harm_in_a_small_window(make_app, snap_compare):
    assert snap_compare(make_app(), run_before=words_of_harm, terminal_size=(60, 20))


def test_settings(make_app, snap_compare):
    assert snap_compare(make_app(), press=["f2"], terminal_size=(80, 24))


def test_welcome_in_a_small_window(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(60, 20))


def test_checkin_in_a_small_window(make_app, choose, snap_compare):
    app = make_app()
    choose(app.session, "Open the door.")
    app.session.answer("quiet")
    assert snap_compare(app, press=["enter", "1"], terminal_size=(60, 20))


def test_a_scene_in_high_contrast(make_app, snap_compare):
    app = make_app()
    app.theme = "high-contrast"
    assert snap_compare(app, press=["enter", "down"], terminal_size=(80, 24))


def test_a_scene_without_colour(make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), press=["enter", "down"], terminal_size=(80, 24))
