"""The reader's words have one owner: every column that can hold text is declared, one way or the other."""

from __future__ import annotations

import sqlite3

from experience.progress import passphrase, words
from experience.progress.erase import erase_journal, survey_journal

from .privacy_helpers import PASSPHRASE, SMALL_STORY_KEY


def text_columns(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Every (table, column) whose declared type lets it hold text or bytes (SQLite's affinity rules)."""
    found = set()
    tables = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    for table in tables:
        for _cid, name, declared, *_ in conn.execute(f'PRAGMA table_info("{table}")'):
            kind = declared.upper()
            if "INT" in kind:
                continue  # integer affinity
            if any(t in kind for t in ("CHAR", "CLOB", "TEXT", "BLOB")) or not kind:
                found.add((table, name))
    return found


def declared_as_words() -> set[tuple[str, str]]:
    return {(w.table, column.name) for w in words.WORDS for column in w.columns}


def declared_as_not_words() -> set[tuple[str, str]]:
    return {(table, column) for table, columns in words.NOT_WORDS.items() for column in columns}


def undeclared(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return text_columns(conn) - declared_as_words() - declared_as_not_words()


def test_every_column_that_can_hold_text_is_declared_as_the_readers_words_or_not(open_store, data_dir, raw_db):
    open_store()
    assert undeclared(raw_db(data_dir)) == set()


def test_a_new_text_column_that_no_one_declared_is_caught(open_store, data_dir, raw_db):
    open_store()
    schema = raw_db(data_dir)
    schema.execute("ALTER TABLE journal ADD COLUMN note TEXT")
    schema.execute("CREATE TABLE letters (id INTEGER PRIMARY KEY, body)")
    assert undeclared(schema) == {("journal", "note"), ("letters", "body")}


def test_each_declared_column_exists_and_is_declared_once(open_store, data_dir, raw_db):
    open_store()
    present = text_columns(raw_db(data_dir))
    assert declared_as_words() <= present and declared_as_not_words() <= present
    assert not declared_as_words() & declared_as_not_words()
    for w in words.WORDS:
        assert (w.table, w.sealing) in declared_as_not_words()
        assert w.exported  # each kind says whether an export writes it out, and why


def test_words_that_an_erase_blanks_are_in_columns_that_may_be_empty(open_store, data_dir, raw_db):
    open_store()
    conn = raw_db(data_dir)
    for w in words.WORDS:
        if w.erasing is words.Erasing.BLANK_COLUMNS:
            not_null = {
                name for _cid, name, _type, notnull, *_ in conn.execute(f"PRAGMA table_info({w.table})") if notnull
            }
            assert not {column.name for column in w.columns} & not_null, w.table


def test_every_kind_of_words_is_counted_sealed_and_erased(play):
    session = play()
    session.store.journal(session.profile, SMALL_STORY_KEY).keep_draft("second/garden", "half a thought, unsent")
    store, profile = session.store, session.profile
    written = survey_journal(store, profile).rows
    assert set(written) == {w.kind for w in words.ERASED} and all(written.values()), written

    done = passphrase.set_new(store, profile, PASSPHRASE)
    assert {kind: n for kind, n in done.rows.items() if kind in written} == dict(written)
    assert done.places == 3  # every step of the way (the door, the hall, the garden), sealed too
    assert passphrase.sealed_count(store, profile) == sum(written.values()) + done.places

    erase_journal(store, profile)
    assert survey_journal(store, profile).empty
    assert passphrase.sealed_count(store, profile, words_only=True) == 0
    assert passphrase.sealed_count(store, profile) == done.places  # an erase keeps the place, sealed


def test_only_the_place_is_kept_by_an_erase():
    assert [w.kind for w in words.WORDS if w not in words.ERASED] == [words.PLACE.kind]
