"""A step the reader asked for, planned and not yet taken, and what to ask before it.

`Session.plan` makes them and `Session.take` takes them (session.py); the front ends only ask the
reader in between, in their own way. Plain values, so that any front end can hold one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..story import Choice


@dataclass(frozen=True, slots=True)
class CheckIn:
    """What to ask before a step into the first deep scene of a stretch."""

    content_note: str | None  # the author's words on what the scene touches, shown as written
    has_gentler: bool  # the scene offers a gentler path, so "a gentler path" is an answer


@dataclass(frozen=True, slots=True)
class Step:
    """A step the reader asked for, planned and not yet taken.

    `choice` is None for continuing. `target` is the scene it leads to, or None when the story
    cannot say (taking it then raises `StoryRuntimeError`, which says why). `checkin` is what to
    ask first, or None to go straight on.
    """

    choice: Choice | None
    target: str | None
    checkin: CheckIn | None = None
