"""The terminal closes, or the system stops the program, in the middle of an answer.

Real programs on real terminals (or pipes), real signals: SIGTERM as a shutdown or `kill` sends
it, SIGHUP as the kernel sends it when a terminal closes. Each time, what was typed is kept as a
draft, the database is closed cleanly (its write-ahead log folded in and gone), and the program
ends with the status of the signal. Python's default for both was to end at once: every line of a
half-written plain answer was lost, and the full-screen player lost whatever came after its last
draft.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from experience.progress.session import Session
from experience.progress.store import Store
from experience.story import load_story

from .terminals import EXPERIENCE, OnATerminal, Piped, environment

QUESTION = "first/hall"  # the small story's question: the door's first choice leads there
TYPED = "only a little time"  # no key of it is bound (s steps out, p pauses, j opens the journal)


def kept_draft(story_dir: Path, data_dir: Path) -> str | None:
    store = Store.open(data_dir)
    try:
        return Session.resume(load_story(story_dir), store, "default").journal.draft(QUESTION)
    finally:
        store.close()


def closed_cleanly(data_dir: Path) -> bool:
    """Closed, the database has folded its write-ahead log into the file and removed it."""
    return (data_dir / "experience.db").is_file() and not (data_dir / "experience.db-wal").exists()


# -- the plain player ------------------------------------------------------------------------------
def _plain_answer_begun(program: Piped | OnATerminal, write) -> None:
    for words, typed in (("Press Enter to begin", "\n"), ("Type a number", "1\n"), ("pass it by", "")):
        program.wait_for(words)
        program.wait_for("> ")  # asked: what is typed now is read as the answer to this
        write(typed)
    write("The first thing I noticed,\n")
    program.wait_for("noticed,\r\n  " if isinstance(program, OnATerminal) else "noticed,\n  ")
    write("and then the second.\n")  # once read, the next line is asked for: the answer is half written
    program.wait_for("second.\r\n  " if isinstance(program, OnATerminal) else "second.\n  ")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_half_written_plain_answer_is_kept_when_the_program_is_stopped(small_story_dir, data_dir, stop):
    program = Piped([*EXPERIENCE, "play", "--plain", str(small_story_dir), "--data-dir", str(data_dir)])
    try:
        _plain_answer_begun(program, lambda text: program.type(text.encode()))
        program.signal(stop)
        assert program.exit_code() == 128 + stop
    finally:
        program.close()
    assert closed_cleanly(data_dir)
    assert kept_draft(small_story_dir, data_dir) == "The first thing I noticed,\nand then the second.", program.shown()


def test_a_half_written_plain_answer_is_kept_when_its_terminal_closes(small_story_dir, data_dir):
    program = OnATerminal([*EXPERIENCE, "play", "--plain", str(small_story_dir), "--data-dir", str(data_dir)])
    try:
        _plain_answer_begun(program, program.type)
        program.hang_up()
        assert program.exit_code() == 128 + signal.SIGHUP
    finally:
        program.close()
    assert closed_cleanly(data_dir)
    assert kept_draft(small_story_dir, data_dir) == "The first thing I noticed,\nand then the second.", program.shown()


# -- the full-screen player ------------------------------------------------------------------------
def _full_screen_answer_begun(program: OnATerminal) -> None:
    program.wait_for("Begin")
    program.type("\r")
    program.wait_for("Open the door")
    program.type("1")
    program.wait_for("What do you need")
    program.wait_for("Only you will read it")  # the answer area's placeholder: it is there
    time.sleep(0.5)  # and takes the keys a moment after it is drawn (none of these is bound elsewhere)
    program.type(TYPED)
    program.wait_for(TYPED)  # drawn: typed, and not yet kept by the draft's timer (a second)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_what_is_typed_in_the_full_screen_answer_box_is_kept_when_the_program_is_stopped(
    small_story_dir, data_dir, stop
):
    program = OnATerminal([*EXPERIENCE, "play", str(small_story_dir), "--data-dir", str(data_dir)])
    try:
        _full_screen_answer_begun(program)
        program.signal(stop)
        assert program.exit_code() == 128 + stop
        assert b"\x1b[?1049l" in program.output  # the terminal was given back (the main screen restored)
    finally:
        program.close()
    assert closed_cleanly(data_dir)
    assert kept_draft(small_story_dir, data_dir) == TYPED, program.shown()


def test_what_is_typed_in_the_full_screen_answer_box_is_kept_when_its_terminal_closes(small_story_dir, data_dir):
    program = OnATerminal([*EXPERIENCE, "play", str(small_story_dir), "--data-dir", str(data_dir)])
    try:
        _full_screen_answer_begun(program)
        program.hang_up()
        assert program.exit_code() == 128 + signal.SIGHUP
    finally:
        program.close()
    assert closed_cleanly(data_dir)
    assert kept_draft(small_story_dir, data_dir) == TYPED, program.shown()


# -- a workshop participant's session --------------------------------------------------------------
# What the warm process (workshop/zygote.py) runs in each child it forks, in a process of its own:
# the same `run_session`, with its signal handling, on a folder made as the server makes one.
SESSION_AS_FORKED = """
import argparse, sys
from pathlib import Path
from experience.story import load_story
from experience.workshop.ephemeral import new_folder
from experience.workshop.zygote import run_session
story_dir, sessions = sys.argv[1], Path(sys.argv[2])
args = argparse.Namespace(story=story_dir, room=None, rooms_db=None)
sys.exit(run_session(load_story(Path(story_dir)), args, folder=str(new_folder(sessions)), ask_code=False))
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_workshop_session_told_to_stop_mid_answer_ends_cleanly_and_leaves_nothing(small_story_dir, tmp_path, stop):
    """The session keeps its draft and closes its database like a player, then its folder goes
    (nothing a participant wrote stays on the host). EXPERIENCE_DEBUG keeps its drawing on the
    terminal, which a real session sends to the browser instead."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    argv = [*EXPERIENCE[:1], "-c", SESSION_AS_FORKED, str(small_story_dir), str(sessions)]
    program = OnATerminal(argv, env=environment(EXPERIENCE_DEBUG="1"))
    try:
        _full_screen_answer_begun(program)
        assert len(list(sessions.iterdir())) == 1
        program.signal(stop)
        assert program.exit_code() == 128 + stop  # stopped as a player is, not cut off where it stood
        assert b"\x1b[?1049l" in program.output
    finally:
        program.close()
    assert list(sessions.iterdir()) == []
