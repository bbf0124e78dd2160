"""The story core: the scene format, its checker, and the pure engine that plays it.

Nothing in this package imports Textual or touches saved progress, so `experience check` and
`experience walk` start fast and the engine can be tested as plain functions.
"""

from .answers import record_answer
from .codes import CODES, Code, Severity
from .diagnostics import Diagnostic, Location, StoryError, StoryRuntimeError
from .engine import (
    Restored,
    State,
    View,
    advance,
    available,
    back,
    begin,
    can_continue,
    choose,
    destination,
    is_ending,
    is_stuck,
    needs_checkin,
    restore,
    restore_history,
    scene_text,
    take,
    view,
)
from .loader import LoadResult, check_story, load_story
from .model import Chapter, Choice, Reflect, Scene, Story, Variable

__all__ = [
    "CODES",
    "Chapter",
    "Choice",
    "Code",
    "Diagnostic",
    "LoadResult",
    "Location",
    "Reflect",
    "Restored",
    "Scene",
    "Severity",
    "State",
    "Story",
    "StoryError",
    "StoryRuntimeError",
    "Variable",
    "View",
    "advance",
    "available",
    "back",
    "begin",
    "can_continue",
    "check_story",
    "choose",
    "destination",
    "is_ending",
    "is_stuck",
    "load_story",
    "needs_checkin",
    "record_answer",
    "restore",
    "restore_history",
    "scene_text",
    "take",
    "view",
]
