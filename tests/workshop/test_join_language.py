"""A participant chooses their language on the join screen; the room is the same room whatever
each person reads it in (it counts and gates by movement, never by words)."""

from __future__ import annotations

import pytest

from experience.i18n import use_language
from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story
from experience.workshop import channel
from experience.workshop.gate import Movements
from experience.workshop.screens.join import JoinScreen

from ..helpers import REPO

JOURNEY = REPO / "scenes"  # the bundled journey, which has its Spanish translation


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language(None)


def words_of(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query("Static"))


async def test_a_participant_chooses_spanish_on_the_join_screen_and_joins_in_it(make_participant, tmp_path):
    store = Store.open(tmp_path / "in-spanish")

    def in_language(tag: str) -> Session:
        use_language(tag)
        return Session.resume(load_story(JOURNEY, tag), store, "participant", seed=0)

    app = make_participant(ask_code=True, story=load_story(JOURNEY), languages=("en", "es"), in_language=in_language)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Language: [English] · Español" in words_of(app.screen)
            await pilot.press(*"kx7", "f2")  # half typed: the code stays as it was
            await pilot.pause()
            assert "Escribe el código para unirte" in words_of(app.screen)
            assert "Idioma · Language: English · [Español]" in words_of(app.screen)
            await pilot.press(*"m4p", "enter")
            await pilot.pause()
            assert app.told[-1] == (channel.JOIN, {"code": "kx7m4p"})
            app.screen.answered(True)
            await pilot.pause()
            assert not isinstance(app.screen, JoinScreen)
            assert app.session.story.language == "es" and app.session.story.title == "Volver a casa, a ti"
    finally:
        store.close()


async def test_with_one_language_there_is_nothing_to_choose(make_participant):
    app = make_participant(ask_code=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#join-languages")
        assert app.screen.check_action("language", ()) is False


def test_the_room_counts_and_gates_the_same_movements_in_every_language():
    english, spanish = Movements.of_story(load_story(JOURNEY)), Movements.of_story(load_story(JOURNEY, "es"))
    assert len(english) == len(spanish)
    assert english.chapter_index == spanish.chapter_index and english.scene_chapter == spanish.scene_chapter
