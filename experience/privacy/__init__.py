"""The journal is theirs: export it, erase it, seal it with a passphrase, or forget everything.

The terminal side of privacy: the questions asked (a passphrase never echoed, a word typed to
confirm), the letter an export writes, and the commands. What happens to the data is decided in
`experience.progress` (`words.py`, the owner of the reader's words; `erase.py`, `passphrase.py`,
`scrub.py`); nothing here touches SQL. `commands.py` is the entry point: one module a command
(`exporting.py`, `erasing.py`, `passphrases.py`), and `running.py` for what they share.
"""
