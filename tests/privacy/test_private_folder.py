"""The data folder is its owner's alone, whichever part of the program creates it first."""

from __future__ import annotations

import os
import stat

from experience.progress.lock import ProfileLock
from experience.progress.store import Store


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_folder_first_made_by_the_profile_lock_is_private(tmp_path):
    data = tmp_path / "new" / "data"
    with ProfileLock(data, "default"):  # `play` takes the lock before it opens the store
        Store.open(data).close()
    assert mode(data) == 0o700 and mode(data / "locks") == 0o700
    assert mode(tmp_path / "new") == 0o700  # a parent folder made on the way is new, and ours too


def test_a_folder_left_open_with_only_our_locks_in_it_is_tightened(tmp_path):
    data = tmp_path / "data"
    (data / "locks").mkdir(parents=True)
    os.chmod(data, 0o755)
    Store.open(data).close()
    assert mode(data) == 0o700
