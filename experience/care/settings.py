"""The reader's own settings, kept in their profile: how the room looks and moves, and reminders.

Stored as plain values in the profile's settings (see `Store.set_setting`), so they come back at
the next start and belong to this profile only. Anything unreadable falls back to the default
rather than stopping anyone: a setting is never worth an error message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import _, current_language, language_name, normalise

THEME, REDUCED_MOTION, BREAK_REMINDER, LANGUAGE = "theme", "reduced_motion", "break_reminder", "language"


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None  # None: the default look
    reduced_motion: bool = False
    break_reminder: bool = True
    language: str | None = None  # a language tag (i18n.normalise); None: the story's, else the system's


def setting_name(key: str) -> str:
    """A stored setting's name as the settings screens call it, in the language in use (a key
    this version does not know is said as it is stored)."""
    names = {
        THEME: _("Colours"),
        REDUCED_MOTION: _("Reduced motion"),
        BREAK_REMINDER: _("Break reminder"),
        LANGUAGE: _("Language"),
    }
    return names.get(key, key)


def read_settings(stored: Mapping[str, Any]) -> Settings:
    theme = stored.get(THEME)
    motion = stored.get(REDUCED_MOTION)
    reminder = stored.get(BREAK_REMINDER)
    language = stored.get(LANGUAGE)
    return Settings(
        theme=theme if isinstance(theme, str) and theme else None,
        reduced_motion=motion if isinstance(motion, bool) else False,
        break_reminder=reminder if isinstance(reminder, bool) else True,
        language=normalise(language) if isinstance(language, str) else None,
    )


def language_label() -> str:
    """The language setting's name, also in English when the program speaks another language, so
    that someone who cannot read the language in use can still find the way back to their own."""
    label = _("Language")
    return label if label == "Language" else f"{label} · Language"


def language_value(chosen: str | None) -> str:
    """What the language setting is, in words: a language's own name, or what is followed when
    none is chosen."""
    if chosen:
        return language_name(chosen)
    return _("Automatic: {language}").format(language=language_name(current_language()))
