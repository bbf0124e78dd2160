"""Shared helpers: stories written into temporary folders, one file per chapter."""

from __future__ import annotations

import os
import sqlite3
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

MANIFEST = """\
title: A small story
start: one/a
variables:
  tenderness: 0
  role: ""
  ready: false
"""


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


def pytest_collection_modifyitems(config, items):
    """Test files share one namespace (pytest's default import mode): keep their names unique."""
    seen: dict[str, str] = {}
    for item in items:
        path = str(item.path)
        name = item.path.name
        if seen.setdefault(name, path) != path:
            raise pytest.UsageError(f"two test files are both called {name}: {seen[name]} and {path}")
