"""Nothing a participant writes outlives their session: their folder goes when they do, and a
session that was killed outright is swept away without touching any that are still running.
(That the server removes a session's folder the moment it ends is in test_serve_faults.py.)"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from experience.workshop.ephemeral import SessionFolder, default_root, new_folder, remove, sweep


def test_a_session_folder_is_private_and_gone_when_the_session_ends(sessions_dir):
    with SessionFolder(new_folder(sessions_dir)) as folder:
        (folder.path / "experience.db").write_text("words")
        assert stat.S_IMODE(folder.path.stat().st_mode) == 0o700
    assert not folder.path.exists()


def test_removing_twice_is_harmless(sessions_dir):
    folder = SessionFolder(new_folder(sessions_dir))
    folder.remove()
    folder.remove()
    assert not folder.path.exists()
    assert remove(folder.path)  # and the server's removal after it says it is gone


def test_sweeping_spares_a_live_session(sessions_dir):
    with SessionFolder(new_folder(sessions_dir)) as live:
        assert sweep(sessions_dir) == 0
        assert live.path.exists()


def test_sweeping_deletes_the_folder_of_a_killed_session(sessions_dir):
    code = (
        "import os, sys; from pathlib import Path; from experience.workshop.ephemeral import SessionFolder, new_folder;"
        f"f = SessionFolder(new_folder(Path({str(sessions_dir)!r}))); (f.path / 'experience.db').write_text('words');"
        "print(f.path, flush=True); os._exit(0)"
    )  # no atexit: as if killed
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    left = out.stdout.strip()
    assert os.path.exists(left)
    assert sweep(sessions_dir) == 1
    assert not os.path.exists(left)


def test_sweeping_spares_a_folder_being_born(sessions_dir):
    newborn = sessions_dir / "session-newborn"
    newborn.mkdir()
    assert sweep(sessions_dir) == 0
    old = time.time() - 3600
    os.utime(newborn, (old, old))
    assert sweep(sessions_dir) == 1


def test_sweeping_leaves_other_files_alone(sessions_dir):
    (sessions_dir / "notes.txt").write_text("not ours")
    assert sweep(sessions_dir) == 0
    assert (sessions_dir / "notes.txt").exists()


def test_sessions_live_in_memory_where_the_system_has_such_a_folder():
    root = default_root()
    if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        assert str(root).startswith("/dev/shm/")
    assert root.name.startswith("experience-workshop-")


def test_a_session_told_to_stop_still_deletes_its_folder(tmp_path):
    """SIGTERM (the server stopping) and SIGHUP (a closed terminal) must not leave words behind."""
    import signal

    code = (
        "import sys, time; from pathlib import Path; "
        "from experience.workshop.participant import leave_cleanly_when_told_to; "
        "from experience.workshop.ephemeral import SessionFolder, new_folder; "
        "leave_cleanly_when_told_to(); f = SessionFolder(new_folder(Path(sys.argv[1]))); "
        "print(f.path, flush=True); time.sleep(30)"
    )
    for sig in (signal.SIGTERM, signal.SIGHUP):
        child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
        folder = Path(child.stdout.readline().strip())
        assert folder.is_dir()
        child.send_signal(sig)
        child.wait(timeout=10)
        assert not folder.exists(), sig
