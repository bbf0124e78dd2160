"""`experience journal export|erase|passphrase` and `experience forget`: the entry points.

Each takes typed keyword arguments (not the command line's own objects), so that any front end
can call it: exporting.py, erasing.py and passphrases.py hold them, running.py what they share.
Every command holds the profile's lock for as long as it runs, says what it will do before doing
anything that cannot be undone, and afterwards reports what it found when it checked, in plain
words. Each returns the exit status.
"""

from __future__ import annotations

from .erasing import erase, forget
from .exporting import export
from .passphrases import passphrase

__all__ = ["erase", "export", "forget", "passphrase"]
