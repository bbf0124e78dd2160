"""After a while, one gentle word about a break: never twice, never while resting, and optional."""

from __future__ import annotations

import asyncio

from experience.care.pacing import Sitting
from experience.care.words import BREAK_SUGGESTION

SOON = 0.1  # seconds, standing in for twenty minutes


def suggestions(app) -> list[str]:
    return [str(n.message) for n in app._notifications if str(n.message) == BREAK_SUGGESTION]


async def test_a_break_is_suggested_once_after_a_while(make_app):
    app = make_app(sitting=Sitting(SOON))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await asyncio.sleep(SOON * 3)
        await pilot.pause()
        assert len(suggestions(app)) == 1
        app.clear_notifications()
        await asyncio.sleep(SOON * 3)
        assert suggestions(app) == []  # never twice in a sitting


async def test_the_suggestion_never_blocks_the_story(make_app):
    app = make_app(sitting=Sitting(SOON))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await asyncio.sleep(SOON * 3)
        await pilot.press("2")
        await pilot.pause()
        assert suggestions(app) and app.session.state.scene == "one/step"


async def test_no_suggestion_when_the_reminder_is_turned_off(make_app):
    app = make_app(sitting=Sitting(SOON))
    app.set_break_reminder(False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await asyncio.sleep(SOON * 3)
        await pilot.pause()
        assert suggestions(app) == []


async def test_no_suggestion_while_pausing(make_app):
    now = [0.0]
    app = make_app(sitting=Sitting(SOON, clock=lambda: now[0]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")
        now[0] += 3600  # an hour on the pause screen
        await asyncio.sleep(SOON * 3)
        await pilot.pause()
        assert suggestions(app) == [] and app.sitting.active == 0


async def test_nothing_is_counted_before_the_story_begins(make_app):
    app = make_app(sitting=Sitting(SOON))
    async with app.run_test(size=(80, 24)) as pilot:
        await asyncio.sleep(SOON * 3)  # still reading the welcome
        await pilot.pause()
        assert suggestions(app) == []
