"""The look of coming back after a stop, pinned. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from experience.care.words import CheckInReply

from ..helpers import STOPPING_STORY, choice


@pytest.fixture
def played_story_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STOPPING_STORY, tmp_path / "stopping"))


def test_welcome_back_after_a_stop(make_app, snap_compare):
    app = make_app()
    session = app.session
    session.start()
    session.take(session.plan(choice(session, "Go in.")))
    session.take(session.plan(choice(session, "Go down the stairs.")), CheckInReply.STOP)
    assert snap_compare(make_app(), terminal_size=(80, 24))
