"""Fixtures for the privacy tests: the small story played up to its answer, and a stand-in keyboard
(tests/conftest.py has the story, the data folder and the store).

Key derivation runs at a low cost here (n=2**10 instead of 2**17) so that the suite stays quick;
one test pins the real cost. The cost is stored with each seal, so nothing else changes.
"""

from __future__ import annotations

import io

import pytest

from ..helpers import choice
from .privacy_helpers import ANSWER


@pytest.fixture(autouse=True)
def quick_key_derivation(monkeypatch):
    """The cost people get is returned, for the one test that pins it."""
    from experience.progress import sealing

    real = sealing.DEFAULT_KDF
    monkeypatch.setattr(sealing, "DEFAULT_KDF", sealing.KdfParams(n=2**10, r=8, p=1))
    return real


@pytest.fixture(autouse=True)
def no_real_data_folder(monkeypatch, tmp_path):
    """Never the person's own data folder: EXPERIENCE_DATA_DIR points into the test's folder."""
    monkeypatch.setenv("EXPERIENCE_DATA_DIR", str(tmp_path / "env-data"))


@pytest.fixture
def play(small_story, open_store):
    """Play the small story up to its reflection, and answer it (a draft first, then the answer)."""
    from experience.progress.session import Session

    def play_(
        answer: str = ANSWER, *, profile: str = "default", sealing=None, draft: str | None = None, walk_on: bool = True
    ) -> Session:
        store = open_store()
        if sealing is not None:
            store.use_sealing(store.profile(profile), sealing)
        session = Session.resume(small_story, store, profile, seed=0)
        session.choose(choice(session, "Open the door."))
        if draft is not None:
            session.keep_draft(draft)
        if answer:
            session.answer(answer)
        if walk_on:
            session.choose(choice(session, "Walk on."))
        return session

    return play_


@pytest.fixture
def keyboard(monkeypatch):
    """What the person types: passphrases (to getpass) and lines (to standard input), in order.

    getpass itself is replaced, so the real terminal is never read; what was asked is recorded.
    """

    class Keyboard:
        def __init__(self):
            self.secrets: list[str] = []
            self.asked: list[str] = []

        def passphrases(self, *given: str) -> Keyboard:
            self.secrets.extend(given)
            return self

        def lines(self, *typed: str) -> Keyboard:
            monkeypatch.setattr("sys.stdin", io.StringIO("".join(t + "\n" for t in typed)))
            return self

    keys = Keyboard()

    def getpass(prompt: str = "Password: ", stream=None) -> str:
        keys.asked.append(prompt)
        if not keys.secrets:
            raise EOFError
        return keys.secrets.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("experience.privacy.ask._has_terminal", lambda: True)  # the keyboard is one
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return keys
