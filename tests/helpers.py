"""What tests in several folders share besides fixtures (those are in conftest.py): where things
are, a fixed clock, and taking a choice by its words."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SMALL_STORY = Path(__file__).parent / "player" / "stories" / "small"
FIXED_TIME = "2026-03-14T09:30:00Z"  # every store the fixtures open dates what it keeps by this


def choice(session, label: str):
    """The choice that reads `label` in the session's current scene."""
    return next(c for c, text in session.view().choices if text == label)
