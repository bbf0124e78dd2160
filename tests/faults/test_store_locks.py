"""Another process opening the journal never takes SQLite's locks from under a live connection.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's own
included; the next process to connect then rebuilds the shared index (-shm) under the live writer,
whose mapping of it is cut short: a Bus error (SIGBUS), and a journal at risk.
"""

from __future__ import annotations

import os
import signal
import subprocess

from experience.progress.erase import erase_journal
from experience.progress.store import Store

from .store_faults import ANSWER, TIMEOUT, experience, posix_locks, start_python

STEPPER = """
    import sys, time
    from pathlib import Path
    from experience.progress.store import Store

    store = Store.open(Path(sys.argv[1]))
    save = store.save(store.profile("default"), "A story")
    save.push({"scene": "one/a"})
    print("ready", flush=True)
    until = time.monotonic() + float(sys.argv[2])
    steps = 0
    while time.monotonic() < until:
        save.push({"scene": "one/a", "variables": {"n": steps}})
        steps += 1
        if steps % 50 == 0:
            save.pop()
    store.close()
    print("steps", steps, flush=True)
"""


def test_a_connection_keeps_its_lock_on_the_shared_index_when_another_opens(tmp_path):
    data = tmp_path / "data"
    first = Store.open(data)
    try:
        first.save(first.profile("default"), "A story").push({"scene": "one/a"})
        shm = data / "experience.db-shm"
        assert first_holds(shm)
        Store.open(data).close()  # a second connection, as a second window or a command makes
        assert first_holds(shm), "opening the database again dropped this process's lock on -shm"
    finally:
        first.close()


def test_checking_the_raw_files_after_an_erase_keeps_the_locks_of_the_open_connection(tmp_path):
    data = tmp_path / "data"
    store = Store.open(data)
    try:
        profile = store.profile("default")
        store.save(profile, "A story").push({"scene": "one/a"})
        with store.transaction():
            store.journal(profile, "A story").add(
                scene_id="one/a", chapter_id="one", chapter_title="One", prompt="?", answer=ANSWER
            )
        outcome = erase_journal(store, profile)  # then reads every raw byte of the files to check
        assert outcome.traces.checked
        assert first_holds(data / "experience.db-shm"), "reading the raw files dropped the lock on -shm"
    finally:
        store.close()


def test_locating_the_journal_while_a_player_steps_never_kills_the_player(tmp_path):
    data = tmp_path / "data"
    stepper = start_python(STEPPER, str(data), "4")
    try:
        assert stepper.stdout is not None
        assert stepper.stdout.readline().strip() == "ready"
        for _ in range(6):
            located = experience("locate", "--data-dir", str(data))
            assert located.returncode == 0, located.stderr
        out, err = stepper.communicate(timeout=TIMEOUT)
    finally:
        if stepper.poll() is None:
            stepper.kill()
            stepper.wait(TIMEOUT)
    assert stepper.returncode != -signal.SIGBUS, "the player died of a Bus error"
    assert stepper.returncode == 0, err
    assert out.startswith("steps")


def first_holds(shm) -> bool:
    """Whether this very process holds a lock on `shm` (SQLite keeps one while connected)."""
    return os.getpid() in posix_locks(shm)


def test_a_process_with_the_journal_open_holds_its_lock_on_the_shared_index(tmp_path):
    """As another process sees it; and the checks above never pass for want of seeing any lock."""
    data = tmp_path / "data"
    holder = start_python(
        """
        import sys, time
        from pathlib import Path
        from experience.progress.store import Store
        store = Store.open(Path(sys.argv[1]))
        store.profile("default")
        print("ready", flush=True)
        sys.stdin.readline()
        store.close()
        """,
        str(data),
        stdin=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert holder.pid in posix_locks(data / "experience.db-shm")
    finally:
        holder.communicate("\n", timeout=TIMEOUT)
