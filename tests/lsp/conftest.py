"""A small story, and the real language server talking to it over its pipes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .lsp_client import Client

SERVER = [sys.executable, "-m", "experience", "lsp"]

STORY = {
    "story.yaml": """\
        title: A small garden
        start: garden/gate
        variables:
          courage: 0
          name: "friend"
          rested: false
        """,
    "garden.yaml": """\
        title: The garden
        scenes:
          gate:
            title: At the gate
            text: The gate is open, {name}.
            choices:
              - text: Walk in
                goto: path
                set: {courage: courage + 1}
              - text: Rest a while
                detour: house/bench
          path:
            title: The path
            text: A path winds between the beds.
            end: true
        """,
    "house.yaml": """\
        title: The house
        scenes:
          bench:
            title: A bench
            text: You sit for a while, and the afternoon goes slowly by.
            return: true
        """,
}


@pytest.fixture
def garden(story_dir) -> Path:
    return story_dir(STORY)


@pytest.fixture
def server(garden: Path):
    client = Client(SERVER)
    try:
        client.initialize(garden)
        yield client
    finally:
        client.close()
