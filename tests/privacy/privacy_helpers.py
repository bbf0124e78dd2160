"""What the privacy tests share besides fixtures: known words, and raw bytes."""

from __future__ import annotations

from pathlib import Path

from experience.story.model import title_key

SMALL_STORY_KEY = title_key("A small story")  # what the small story's saves are filed under (it has no id)
PASSPHRASE = "a quiet lamp in the hall"
ANSWER = "I need to rest, and to be held without having to ask for it."


def raw_bytes(data_dir: Path) -> bytes:
    """Every byte of every file in the data folder, as anyone who copied the folder would see it."""
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())
