"""Saved progress: where a person is in a story, how they got there, and what they wrote.

One SQLite database in a private data folder. Every step is its own transaction, so a closed
terminal or a killed process never loses a step that was shown. This package knows the story core
and the standard library, nothing of screens: the player and the privacy commands sit on top of it.

The reader's words are theirs, and `words.py` is their one owner: it declares every column that
holds them, and re-seals, counts, erases and lists them. `journal.py` and `saves.py` write them
through a sealing (`sealing.py`, a passphrase's key, imported only when one is used);
`passphrase.py` sets, changes and removes the passphrase; `erase.py` erases a journal or forgets
a profile; `scrub.py` makes sure removed words are gone from the files. Nothing outside this
package reaches the database's connection: it uses `Store`'s methods.
"""
