"""Fixtures every folder of tests may use: stories in temporary folders, a private data folder,
the store, and the player built as `experience play` builds it.

Every test runs with animations off (a test that wants to see the breath move turns them on for
its app), in UTC and in the C locale, so that dates, pictures and the language a story is read
in do not depend on where the suite runs. Every test leaves the program speaking English (a
command run with --lang sets the language for the whole process), as the next test expects.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import textwrap
import time
from pathlib import Path

import pytest

from experience.i18n import use_language

from .helpers import FIXED_TIME, SMALL_STORY

os.environ["TEXTUAL_ANIMATIONS"] = "none"
os.environ["TZ"] = "UTC"  # journal dates are shown in local time; pictures must not depend on it
os.environ["LC_ALL"] = "C.UTF-8"  # the language a reader gets follows the locale; the suite's must not
time.tzset()

MANIFEST = """\
title: A small story
start: one/a
variables:
  tenderness: 0
  role: ""
  ready: false
"""


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language(None)


def write_story(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (name -> YAML, dedented) into `root` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (root / name).write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def story_dir(tmp_path: Path):
    """Make a story folder: story_dir({"one.yaml": ...}) with a default manifest."""

    def make(files: dict[str, str], manifest: str | None = MANIFEST) -> Path:
        all_files = dict(files)
        if manifest is not None and "story.yaml" not in all_files:
            all_files["story.yaml"] = manifest
        return write_story(tmp_path / "story", all_files)

    return make


@pytest.fixture
def small_story_dir(tmp_path: Path) -> Path:
    """A copy of the small story (tests/player/stories/small), free to be edited by the test."""
    return Path(shutil.copytree(SMALL_STORY, tmp_path / "small"))


@pytest.fixture
def small_story(small_story_dir: Path):
    from experience.story import load_story

    return load_story(small_story_dir)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder of the test's own, never the person's (not created: the store makes it)."""
    return tmp_path / "data"


@pytest.fixture
def open_store(data_dir: Path):
    """Open the store afresh, like starting the program again; every store is closed at the end."""
    from experience.progress.store import Store

    opened: list[Store] = []

    def open_() -> Store:
        store = Store.open(data_dir, clock=lambda: FIXED_TIME)
        opened.append(store)
        return store

    yield open_
    for store in opened:
        try:
            store.close()
        except Exception:
            pass  # a test may have closed it, or broken it on purpose


@pytest.fixture
def played_story_dir(small_story_dir: Path) -> Path:
    """The story `open_session` and `make_app` play: the small one, unless a folder names its own."""
    return small_story_dir


@pytest.fixture
def open_session(played_story_dir: Path, open_store):
    """A session as `experience play` opens it; every call is like starting the program again."""
    from experience.progress.session import Session
    from experience.story import load_story

    def make(profile: str = "default"):
        return Session.resume(load_story(played_story_dir), open_store(), profile, seed=0)

    return make


@pytest.fixture
def make_app(open_session):
    """The player as `experience play` builds it, on a session of its own (see `open_session`)."""
    from experience.tui.app import ExperienceApp

    def make(profile: str = "default", *, sitting=None):
        session = open_session(profile)
        notices = (session.store.set_aside.message(),) if session.store.set_aside else ()
        app = ExperienceApp(session, notices=notices, sitting=sitting)
        app.animation_level = "none"  # the environment variable may be read before this file is
        return app

    return make


@pytest.fixture
def read_screen():
    """Every piece of text on the current screen, as a person would read it."""
    from textual.widgets import Static

    from experience.tui.widgets.heading import SceneHeading
    from experience.tui.widgets.passage import Passage

    def read(app) -> str:
        parts = []
        for widget in app.screen.query("*"):
            if not widget.display:
                continue
            if isinstance(widget, (Passage, SceneHeading)):
                parts.append(widget.render().plain)
            elif isinstance(widget, Static):
                parts.append(str(widget.content))
        return "\n".join(parts)

    return read


@pytest.fixture
def raw_db():
    """Raw SQL on a data folder's database file, beside the program's own connection.

    For tests that look at (or damage) what is on disk, as anyone who opened the file would; the
    program's own connection is its store's, and tests use the store's methods. Every connection
    opened here is closed at the end.
    """
    opened: list[sqlite3.Connection] = []

    def connect(data_dir: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(Path(data_dir) / "experience.db", isolation_level=None)
        opened.append(conn)
        return conn

    yield connect
    for conn in opened:
        conn.close()


@pytest.fixture
def in_a_terminal(monkeypatch):
    """`experience play` run as if in a terminal: the suite's own streams are not one, and the
    full-screen player refuses to start without one (tests/player/test_player_cli.py)."""
    monkeypatch.setattr("experience.cli.play.has_terminal", lambda: True)
