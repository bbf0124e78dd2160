"""The story core: the scene format, its checker, and the pure engine that plays it.

Nothing in this package imports Textual or touches saved progress, so `experience check` and
`experience walk` start fast and the engine can be tested as plain functions.
"""

from .answers import careful, kept_answer, record_answer
from .codes import CODES, Code, Severity
from .diagnostics import Diagnostic, Location, StoryError, StoryRuntimeError
from .engine import (
    State,
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
    offered,
    take,
)
from .loader import LoadResult, check_story, load_story
from .model import Branch, Chapter, Choice, Reflect, Scene, Story, Variable
from .saves import Restored, restore, restore_history, start_at
from .view import View, prompt_text, scene_text, view

__all__ = [
    "CODES",
    "Branch",
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
    "kept_answer",
    "load_story",
    "needs_checkin",
    "offered",
    "record_answer",
    "careful",
    "restore",
    "restore_history",
    "scene_text",
    "start_at",
    "take",
    "view",
    "prompt_text",
]
