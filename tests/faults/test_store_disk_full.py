"""A full disk: the answer stays (on screen and in memory), the reader is told there is no room,
can try again or copy it, and nothing claims it was kept.

SQLite reports a full disk on demand when the database may not grow (`PRAGMA max_page_count`),
which needs no root; the player's own connection is limited so (tests reach into the store for
that alone). A real full disk, a small tmpfs in a private mount, is used where the system allows it.
"""

from __future__ import annotations

import sys

import pytest
from textual.widgets import TextArea

from experience.progress.store import StoreError

from ..helpers import SMALL_STORY, choice
from .store_faults import in_private_mount

LONG = "What I need is room to breathe. " * 300  # several pages: the database must grow to keep it


def fill_the_disk(store) -> None:
    """From now on the database cannot grow by a single page, as on a disk with no room left."""
    conn = store._conn  # the one place a test reaches into the store: to make its disk "full"
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def make_room(store) -> None:
    store._conn.execute("PRAGMA max_page_count = 1073741823")


def at_the_question(open_session):
    session = open_session()
    session.start()
    session.take(session.plan(choice(session, "Open the door.")))
    assert session.view().prompt
    return session


def test_an_answer_the_full_disk_refuses_is_kept_in_memory_and_said_plainly(open_session):
    session = at_the_question(open_session)
    before = session.state
    fill_the_disk(session.store)
    with pytest.raises(StoreError) as refused:
        session.answer(LONG)
    assert "no room left on the disk" in str(refused.value)
    assert session.state is before  # the reader has not moved on
    assert session.journal.entries() == []
    assert session.unsaved_here and session.draft() == LONG  # offered again where it was typed
    make_room(session.store)
    session.answer(LONG)  # trying again, once there is room
    assert [e.answer for e in session.journal.entries()] == [LONG]
    assert not session.unsaved


def test_the_store_is_still_usable_after_the_disk_refused_a_change(open_session):
    session = at_the_question(open_session)
    fill_the_disk(session.store)
    for _ in range(3):
        with pytest.raises(StoreError):
            session.answer(LONG)
    make_room(session.store)
    session.keep_draft("a short draft")
    assert session.draft() == "a short draft"


async def test_the_full_screen_player_keeps_the_words_in_the_box_and_says_how_to_copy_them(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # begin
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        area = app.focused
        assert isinstance(area, TextArea)
        area.insert(LONG)
        fill_the_disk(app.session.store)
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
        assert "no room left on the disk" in said and "ctrl+s to try again" in said and "copy" in said
        assert "lost" not in said
        assert area.text == LONG and app.session.journal.entries() == []

        hall = app.session.state
        app.clear_notifications()
        await pilot.press("tab", "enter")  # the reader tries to walk on with the words unsaved
        await pilot.pause()
        assert app.session.state is hall  # not moved: the words would have left the screen
        assert "not saved yet" in " ".join(str(n.message) for n in app._notifications)

        make_room(app.session.store)
        area.focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.answer for e in app.session.journal.entries()] == [LONG]


def test_on_a_really_full_disk_the_plain_player_keeps_the_answer_until_there_is_room(tmp_path):
    """The plain player on a tmpfs that fills up while the reader writes, then has room again.

    The answer is long enough that the write-ahead log must grow to hold it (a short one fits in
    the space the log already has, and is kept even on a full disk). What the player says goes to
    a file beside the disk, as a terminal would be.
    """
    disk, said, typed = tmp_path / "disk", tmp_path / "said", tmp_path / "typed"
    disk.mkdir()
    answer = "What I need is room to breathe. " * 4000
    script = f"""
        mount -t tmpfs -o size=2m tmpfs {disk}
        mkfifo {typed}
        {sys.executable} -m experience play {SMALL_STORY} --plain --data-dir {disk}/data < {typed} > {said} 2>&1 &
        player=$!
        exec 3> {typed}
        wait_for() {{ i=0; until grep -q "$1" {said}; do i=$((i+1)); [ $i -lt 400 ] || return 1; sleep 0.05; done; }}
        printf '\\n1\\n' >&3
        wait_for "What do you need right now"
        dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true
        printf '%s\\n\\n' "{answer.strip()}" >&3
        wait_for "not saved yet, so it is still here"
        rm {disk}/filler
        printf '\\n' >&3
        wait_for "Kept in your journal"
        printf 'q\\n' >&3
        exec 3>&-
        wait $player
        {sys.executable} -m experience journal export --format json --data-dir {disk}/data
    """
    done = in_private_mount(script)
    flat = " ".join(said.read_text().split()) if said.exists() else ""
    assert done.returncode == 0, flat[-2000:] + done.stderr
    assert "Your answer is not saved yet: there is no room left on the disk." in flat
    assert "has been lost" not in flat and "Passed by" not in flat and "Traceback" not in flat
    assert answer.strip() in done.stdout  # the export, once there was room: the whole answer
