"""Saved progress: where a person is in a story, how they got there, and what they wrote.

One SQLite database in a private data folder. Every step is its own transaction, so a closed
terminal or a killed process never loses a step that was shown. This package knows the story core
and the standard library, nothing of screens: the player, and later the journal commands, sit on
top of it.
"""
