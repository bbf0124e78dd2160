"""The database: private files, versioned schema, damaged files set aside and newer ones refused, never lost."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from experience.progress.lock import ProfileBusy, ProfileLock
from experience.progress.migrations import SCHEMA_VERSION, NewerDatabase, migrate
from experience.progress.paths import DATA_DIR_ENV, resolve_data_dir
from experience.progress.store import Store, StoreError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_and_database_files_are_readable_by_their_owner_only(data_dir, store):
    store.save(store.profile("default"), "A story").push({"scene": "a/b"})
    assert mode(data_dir) == 0o700
    for name in ("experience.db", "experience.db-wal", "experience.db-shm"):
        assert mode(data_dir / name) == 0o600, name


def test_a_database_with_loose_permissions_is_tightened_on_open(data_dir):
    Store.open(data_dir).close()
    os.chmod(data_dir / "experience.db", 0o644)
    os.chmod(data_dir, 0o755)
    Store.open(data_dir).close()
    assert mode(data_dir / "experience.db") == 0o600
    assert mode(data_dir) == 0o700


def test_an_existing_shared_folder_is_not_tightened(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    (shared / "someone-elses-file.txt").write_text("hello")
    Store.open(shared).close()
    assert mode(shared) == 0o755
    assert mode(shared / "experience.db") == 0o600


def test_the_database_uses_wal_and_records_its_schema_version(store, data_dir, raw_db):
    assert raw_db(data_dir).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw_db(data_dir).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_migrations_run_in_order_and_only_once(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    steps = ("CREATE TABLE a (x);", "ALTER TABLE a ADD COLUMN y; CREATE TABLE b (z);")
    assert migrate(conn, steps[:1]) == 0
    assert migrate(conn, steps) == 1
    assert migrate(conn, steps) == 2
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r[1] for r in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    with pytest.raises(sqlite3.Error):
        migrate(conn, ("CREATE TABLE a (x); CREATE TABLE a (x);",))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_a_step_another_process_has_just_run_is_not_run_again(tmp_path, monkeypatch):
    """Two windows opening a new data folder at once: the second waits, then finds the step done."""
    from experience.progress import migrations

    path = tmp_path / "x.db"
    second_has_looked = threading.Event()
    real_version_of = migrations.version_of

    def version_of(conn):
        version = real_version_of(conn)
        if threading.current_thread().name == "second":
            second_has_looked.set()
        return version

    monkeypatch.setattr(migrations, "version_of", version_of)
    failures = []

    def second() -> None:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            migrate(conn, ("CREATE TABLE a (x);",))
        except Exception as error:
            failures.append(error)
        finally:
            conn.close()

    other = threading.Thread(target=second, name="second")

    def first_step(conn):
        conn.execute("CREATE TABLE a (x)")
        other.start()  # it reads the version (still 0) while this step holds the lock
        assert second_has_looked.wait(10)

    first = sqlite3.connect(path, isolation_level=None, timeout=10)
    assert migrate(first, (first_step,)) == 0
    other.join(10)
    assert not other.is_alive() and failures == []
    assert first.execute("PRAGMA user_version").fetchone()[0] == 1
    first.close()


def test_a_database_from_a_newer_version_is_refused_by_migrate(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerDatabase):
        migrate(conn)


def test_a_damaged_database_is_set_aside_untouched_and_a_fresh_one_started(data_dir):
    data_dir.mkdir(mode=0o700)
    garbage = b"this is not a database, but it is somebody's file" * 100
    (data_dir / "experience.db").write_bytes(garbage)
    store = Store.open(data_dir)
    assert store.set_aside is not None
    assert "damaged" in store.set_aside.message()
    assert store.set_aside.path.read_bytes() == garbage
    assert store.set_aside.path.parent == data_dir
    assert store.profile("default").name == "default"  # the fresh one works
    store.close()


def test_a_database_from_a_newer_version_is_refused_and_left_where_it_is(data_dir):
    Store.open(data_dir).close()
    conn = sqlite3.connect(data_dir / "experience.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match=f"version {SCHEMA_VERSION + 5}"):
        Store.open(data_dir)
    assert sorted(p.name for p in data_dir.iterdir()) == ["experience.db"]
    old = sqlite3.connect(data_dir / "experience.db")
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    old.close()


def test_setting_aside_twice_never_overwrites_the_first(data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "experience.db").write_bytes(b"first" * 1000)
    Store.open(data_dir).close()
    (data_dir / "experience.db").write_bytes(b"second" * 1000)
    Store.open(data_dir).close()
    kept = sorted(p.read_bytes()[:6] for p in data_dir.glob("experience.db.unreadable-*"))
    assert kept == [b"first" + b"f", b"second"]


def test_a_profile_can_be_held_by_one_window_only(data_dir):
    with ProfileLock(data_dir, "default"):
        with pytest.raises(ProfileBusy) as refused:
            ProfileLock(data_dir, "default").acquire()
        assert "already open in another window" in str(refused.value)
        with ProfileLock(data_dir, "someone else"):  # other profiles are free
            pass
    with ProfileLock(data_dir, "default"):  # released when the first window closes
        pass


def test_the_data_folder_comes_from_the_flag_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert resolve_data_dir(None).name == "experience"


def test_settings_are_kept_per_profile(store):
    profile = store.profile("ana")
    store.set_setting(profile, "theme", "linen")
    assert store.profile("ana").settings == {"theme": "linen"}
    assert store.profile("default").settings == {}
