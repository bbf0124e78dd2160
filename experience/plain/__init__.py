"""`experience play --plain`: the journey line by line, for screen readers and simple terminals.

No full screen, no colour, no box drawing: paragraphs of text, numbered choices, typed answers.
It never imports Textual, so it works wherever Python can read and write lines, including
through pipes. It plays the same `Session` as the full-screen player, so the saved place, the
journal and the settings are the same whichever way a person plays.
"""

from .player import PlainPlayer
from .run import play_plain

__all__ = ["PlainPlayer", "play_plain"]
