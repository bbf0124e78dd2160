"""What the privacy tests share besides fixtures: the small story, known words, and raw bytes."""

from __future__ import annotations

from pathlib import Path

SMALL_STORY = Path(__file__).parent.parent / "player" / "stories" / "small"
FIXED_TIME = "2026-03-14T09:30:00Z"
PASSPHRASE = "a quiet lamp in the hall"
ANSWER = "I need to rest, and to be held without having to ask for it."


def choice(session, label: str):
    return next(c for c, text in session.view().choices if text == label)


def raw_bytes(data_dir: Path) -> bytes:
    """Every byte of every file in the data folder, as anyone who copied the folder would see it."""
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())
