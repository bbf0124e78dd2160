"""Nothing left behind, nothing frozen: sessions that die, will not stop, or cannot start, end to
end with real processes on loopback. The server notices each at once, removes the session's
folder, frees its place, and tells the tab plainly what happened; a whole room opening the link
together all get their first screen.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="serving needs textual-serve")

from experience.workshop import notices
from experience.workshop.serving import ServedRoom

from .webclient import Tab, eventually, session_folders


def parent_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rfind(")") + 2 :].split()[1])


def program_of(pid: int) -> str:
    return Path(os.readlink(f"/proc/{pid}/exe")).name


async def test_a_session_killed_outright_is_noticed_at_once_and_leaves_nothing(start_server):
    room = await start_server()
    tab = await Tab.arrived(room.base)
    try:
        (pid,) = room.server.zygote.children()
        assert len(session_folders(room.sessions_dir)) == 1
        os.kill(pid, signal.SIGKILL)  # kill -9, or the machine out of memory
        await tab.wait_for(notices.STOPPED.heading, notices.STOPPED.words, timeout=10)
        assert not session_folders(room.sessions_dir)  # removed before the tab was told so
        assert room.server.places.joined == 0
    finally:
        await tab.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
async def test_sessions_are_forked_from_the_servers_own_warm_process_with_no_shell_between(start_server):
    room = await start_server()
    tab = await Tab.arrived(room.base)
    try:
        (pid,) = room.server.zygote.children()
        zygote = room.server.zygote.pid
        assert parent_of(pid) == zygote and parent_of(zygote) == os.getpid()
        assert "python" in program_of(pid) and "sh" not in program_of(pid)
    finally:
        await tab.close()


async def test_a_session_that_will_not_stop_is_made_to_when_its_tab_closes(start_server):
    room = await start_server()
    tab = await Tab.arrived(room.base)
    (pid,) = room.server.zygote.children()
    os.kill(pid, signal.SIGSTOP)  # as stuck as a process can be: it cannot even hear "quit"
    try:
        await tab.close()
        await eventually(lambda: not session_folders(room.sessions_dir), timeout=20)
        await eventually(lambda: not room.server.zygote.children(), timeout=5)
    finally:
        if room.server.zygote.children():
            os.kill(pid, signal.SIGKILL)


async def test_when_the_warm_process_is_killed_sessions_go_on_and_new_tabs_still_open(start_server):
    room = await start_server()
    first = await Tab.arrived(room.base)
    try:
        os.kill(room.server.zygote.pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        first.mark()
        await first.press("enter")
        await first.wait_for("At the threshold")  # the session it forked carries on
        second = await Tab.arrived(room.base)  # and a new one is warmed up for the next tab
        await second.close()
    finally:
        await first.close()
    await eventually(lambda: not session_folders(room.sessions_dir), timeout=20)


async def test_a_session_that_cannot_start_says_so_kindly_and_frees_its_place(start_server, room_story_dir, tmp_path):
    not_a_file = tmp_path / "rooms.db"
    not_a_file.mkdir()  # the rooms file is a folder: no session can open it
    room = await start_server(
        room=ServedRoom(room_story_dir, tmp_path / "sessions", "tuesday", not_a_file), max_participants=1
    )
    tab = await Tab.open(room.base)
    try:
        await tab.wait_for(notices.NOT_STARTED.heading, notices.NOT_STARTED.words, timeout=20)
        assert (room.server.places.joined, room.server.places.arriving) == (0, 0)
        assert not session_folders(room.sessions_dir)
    finally:
        await tab.close()


async def test_a_room_opening_the_link_together_all_see_their_first_screen(start_server, room_story_dir, tmp_path):
    """Twenty sessions opening one rooms.db at once: none of them dies of a bus error (the shared
    index rebuilt under them, when opening a file dropped SQLite's locks) or fails to start."""
    paced = ServedRoom(room_story_dir, tmp_path / "sessions", "tuesday", tmp_path / "host" / "rooms.db")
    room = await start_server(room=paced, max_participants=20)
    opened = await asyncio.gather(*(Tab.open(room.base) for _ in range(20)))
    try:
        await asyncio.gather(*(tab.wait_for("Begin", timeout=120) for tab in opened))
        assert len(session_folders(room.sessions_dir)) == 20
    finally:
        await asyncio.gather(*(tab.close() for tab in opened))
    await eventually(lambda: not session_folders(room.sessions_dir), timeout=30)
