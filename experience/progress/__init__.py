"""Saved progress: where a person is in a story, how they got there, and what they wrote.

One SQLite database in a private data folder. Every step is its own transaction, so a closed
terminal or a killed process never loses a step that was shown. This package knows the story core
and the standard library, nothing of screens: the player and the privacy commands sit on top of it.

The reader's words are theirs: `journal.py` and `store.Save` write them through a sealing
(`sealing.py`, a passphrase's key, imported only when one is used), `passphrase.py` re-seals them,
`erase.py` removes them, and `scrub.py` makes sure removed words are gone from the files.
"""
