"""Support lines: shipped with the package, complete, dated, and never hidden by a damaged file."""

from __future__ import annotations

import datetime as dt
import itertools

from experience.care.support import FALLBACK_ADVICE, FALLBACK_SAFETY_NOTE, as_text, load_support


def test_every_line_says_who_how_where_and_when_it_was_checked():
    support = load_support()
    assert len(support.lines) >= 5
    for line in support.lines:
        assert line.name and line.how_to_reach and line.region
        assert isinstance(line.last_verified, dt.date) and line.source.startswith("https://")
    assert any(line.region == "Anywhere" for line in support.lines)


def test_emergency_guidance_works_for_anywhere():
    support = load_support()
    assert "emergency number" in support.advice and "112" in support.advice
    assert {"911", "000", "111"} <= {n.number for n in support.emergency}


def test_a_damaged_file_still_gives_emergency_advice():
    for text in ("", "[unclosed", "lines: 3", "emergency: {numbers: [1, {region: x}]}\nlines: [{name: 1}]"):
        support = load_support(text)
        assert support.advice == FALLBACK_ADVICE
        assert support.lines == ()
        assert "emergency number" in as_text(support)


def test_for_a_relationship_that_frightens_or_controls_there_are_services_for_that_in_many_places():
    support = load_support()
    assert "frightens you" in support.safety_note and "not the right tool" in support.safety_note
    for line in support.safety_lines:
        assert line.name and line.how_to_reach and line.region
        assert isinstance(line.last_verified, dt.date) and line.source.startswith("https://")
    regions = {line.region for line in support.safety_lines}
    assert {"United States", "Canada", "England", "Australia", "New Zealand", "Ireland", "Anywhere"} <= regions


def test_the_relationship_note_and_its_lines_stay_in_the_terminal_too():
    support = load_support()
    text = as_text(support)
    assert support.safety_note in text
    for line in support.safety_lines:
        assert line.how_to_reach in text


def test_a_damaged_file_still_says_what_the_journey_is_not_for():
    support = load_support("relationships: {note: 3, lines: nope}")
    assert support.safety_note == FALLBACK_SAFETY_NOTE and support.safety_lines == ()


async def test_on_the_screen_a_region_is_named_once_for_its_lines_that_come_together():
    from textual.app import App

    from experience.i18n import use_language
    from experience.tui.widgets.support import SupportText

    use_language("es-ES")  # Spain has two lines for a crisis, one after the other

    class Showing(App[None]):
        def compose(self):
            yield SupportText()

    async with Showing().run_test() as pilot:
        regions = [str(w.render()) for w in pilot.app.query(".region")]
        assert regions.count("España") == 2  # once among the people to talk to, once for harm at home
        assert all(here != after for here, after in itertools.pairwise(regions))
