"""Opening the journal: at the same moment in several windows, from a newer version, on a read-only disk."""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from experience.progress.migrations import SCHEMA_VERSION

from .store_faults import ANSWER, SMALL_STORY, TIMEOUT, environment, experience, in_private_mount

ROUNDS = 40  # the code this mends lost the race in about one round of twenty: most runs of this test fail there
WINDOWS = 4


def _open_at_once(folder: str, start, results) -> None:
    from experience.progress.store import Store

    start.wait(TIMEOUT)
    try:
        store = Store.open(Path(folder))
        store.profile("default")
        store.close()
        results.put("ok")
    except Exception as error:  # reported to the test, which names it
        results.put(f"{type(error).__name__}: {error}")


def test_windows_opening_a_new_data_folder_at_the_same_moment_all_open_it():
    context = multiprocessing.get_context("fork")  # no connection is open in this process
    outcomes: Counter[str] = Counter()
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as folder:
            start, results = context.Barrier(WINDOWS), context.Queue()
            windows = [context.Process(target=_open_at_once, args=(folder, start, results)) for _ in range(WINDOWS)]
            for window in windows:
                window.start()
            for window in windows:
                window.join(TIMEOUT)
            outcomes.update(results.get(timeout=TIMEOUT) for _ in windows)
            assert all(window.exitcode == 0 for window in windows)
    assert outcomes == Counter(ok=ROUNDS * WINDOWS)


# -- a newer version's database ---------------------------------------------------------------------------------
def played(data: Path) -> Path:
    """A data folder where the small story was played and answered, as a person would, then left."""
    done = experience("play", str(SMALL_STORY), "--plain", "--data-dir", str(data), input=f"\n1\n{ANSWER}\n\nq\n")
    assert done.returncode == 0, done.stderr
    assert "Kept in your journal." in done.stdout
    return data


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.parent.name != "locks"
    }


def test_a_database_from_a_newer_version_is_refused_by_name_and_left_exactly_as_it_was(tmp_path):
    data = played(tmp_path / "data")
    newer = SCHEMA_VERSION + 3
    conn = sqlite3.connect(data / "experience.db")
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = fingerprint(data)
    playing = experience("play", str(SMALL_STORY), "--plain", "--data-dir", str(data), input="q\n")
    assert playing.returncode == 1
    assert f"version {newer}" in playing.stderr and "newer version" in playing.stderr
    assert "Traceback" not in playing.stderr
    for command in (["journal", "export"], ["journal", "erase", "--yes"], ["journal", "passphrase", "set"]):
        refused = experience(*command, "--data-dir", str(data), input="")
        assert refused.returncode == 1, command
        assert f"version {newer}" in refused.stderr, command
    assert fingerprint(data) == before
    assert not list(data.glob("experience.db.*"))  # nothing set aside, no fresh database put in its place


# -- a read-only disk ------------------------------------------------------------------------------------------------
def read_only(data: Path, *commands: str) -> subprocess.CompletedProcess[str]:
    """Run `experience` commands with the data folder mounted read-only (as a write-protected stick)."""
    lines = [
        f"mount --bind {data} {data}",
        f"mount -o remount,bind,ro {data}",
        f"if touch {data}/probe 2>/dev/null; then exit 9; fi",
    ]
    lines += [f"{sys.executable} -m experience {command} --data-dir {data}" for command in commands]
    return in_private_mount("\n".join(lines))


def test_a_journal_on_a_read_only_disk_can_be_located_and_exported(tmp_path):
    data = played(tmp_path / "data")
    assert not (data / "experience.db-shm").exists()  # closed cleanly: no shared index to read with
    done = read_only(data, "locate", "journal export --format json")
    assert done.returncode == 0, done.stderr
    assert "Profiles: default" in done.stdout
    assert ANSWER in done.stdout


def test_a_journal_left_by_a_stopped_player_on_a_read_only_disk_can_be_exported(tmp_path):
    data = tmp_path / "data"
    player = subprocess.Popen(
        [sys.executable, "-m", "experience", "play", str(SMALL_STORY), "--plain", "--data-dir", str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment(),
    )
    try:
        assert player.stdin is not None and player.stdout is not None
        player.stdin.write(f"\n1\n{ANSWER}\n\n")
        player.stdin.flush()
        for _ in range(200):
            if "Kept in your journal." in player.stdout.readline():
                break
        player.send_signal(signal.SIGKILL)
    finally:
        player.kill()
        player.wait(TIMEOUT)
    assert (data / "experience.db-wal").exists()
    done = read_only(data, "journal export --format json")
    assert done.returncode == 0, done.stderr
    assert ANSWER in done.stdout
