"""The bundled journey over more than one sitting: what it promises in one sitting, it keeps in the
next. Played through the session every front end shares, on a store of the test's own."""

from __future__ import annotations

import pytest

from experience.bundled import bundled_story
from experience.care.words import CheckInReply, Comeback

STOPS = {"grounding/for_today", "noticing/rest"}


@pytest.fixture
def played_story_dir():
    return bundled_story()


def _play(session, *wanted: str, until: str, limit: int = 200) -> list[tuple[str, list[str]]]:
    """Play on, taking wherever offered the first choice whose words contain one of `wanted` (in
    that order of preference), else the first way on that is neither a pause nor a stop, until the
    reader stands in scene `until`. Returns each scene passed, with the choices it offered."""
    session.start()
    passed = []
    for _ in range(limit):
        view = session.view()
        labels = [text for _, text in view.choices]
        passed.append((session.state.scene, labels))
        if session.state.scene == until:
            return passed
        if not view.choices:
            session.take(session.plan(None))
            continue
        pick = next((c for w in wanted for c, text in view.choices if w in text), None)
        if pick is None:
            pick = next(c for c, _ in view.choices if not c.detour and c.target not in STOPS)
        session.take(session.plan(pick), CheckInReply.GO_ON)
    raise AssertionError(f"never reached {until}: {passed[-5:]}")


def test_somewhere_softer_keeps_its_promise_of_the_old_roles_in_a_later_sitting(open_session):
    first = open_session()
    _play(first, "The whole journey", "Not today.", "Somewhere softer", until="home/company")
    # the door comes back in "Your own company", and this time the reader goes through it
    _play(
        first,
        "look at that door again",
        "ready to meet them now",
        "Yes. Slowly.",
        "stay here and watch",
        until="meeting/for_now",
    )
    first.choose(next(c for c, text in first.view().choices if text == "I'd like to stop for today."))
    later = open_session()
    go_on = later.ways_back()[0]
    assert go_on.how is Comeback.GO_ON
    later.come_back(go_on)
    passed = _play(later, "Take me back to where I was.", until="carrying/letter")
    assert "First, I'd like to go back to the old roles." in passed[-1][1]
    assert "I went past the old roles this time." in later.view().text
