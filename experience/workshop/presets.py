"""Ready-made notices the facilitator can send the room, each read in the participant's own language.

A message the facilitator types is their own words, and every participant sees it as typed (on one
line, printable characters only: room.py). A ready-made one ("Five more minutes.") travels as what
it is, its key, and each participant's session says it in the language that participant chose on
the join screen. The room keeps the words as the console said them beside the key, so a session
that does not know the key (from another version of the program) still shows something true.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import Lazy, lazy

if TYPE_CHECKING:
    from .room import Room


@dataclass(frozen=True, slots=True)
class Preset:
    key: str  # what the room keeps: never translated, the same in every session
    words: Lazy


PRESETS = (
    Preset("five-minutes", lazy("Five more minutes.")),
    Preset("one-minute", lazy("One more minute: find a place to pause when you are ready.")),
    Preset("break", lazy("Time for a short break. Your place is kept; come back when you are ready.")),
    Preset("gather", lazy("In a moment we will come back together as a group.")),
    Preset("no-hurry", lazy("There is no hurry: take the time you need.")),
)
BY_KEY = {preset.key: preset for preset in PRESETS}


class Chosen(str):
    """A preset's words as the console shows them, knowing which preset they are: it travels from
    the message screen to the room as the words do (a str), and the room keeps its key."""

    key: str

    def __new__(cls, preset: Preset) -> Chosen:
        chosen = super().__new__(cls, str(preset.words))
        chosen.key = preset.key
        return chosen


def preset_key(words: str) -> str | None:
    """The preset `words` were chosen as, or None for words the facilitator typed."""
    return words.key if isinstance(words, Chosen) else None


def message_words(room: Room) -> str:
    """The room's last message in the language in use: a preset said in it, typed words as typed."""
    preset = BY_KEY.get(room.message_preset or "")
    return str(preset.words) if preset is not None else room.message
