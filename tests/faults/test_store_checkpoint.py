"""The file `experience locate` names holds the journal, even while the player runs or after it is
stopped hard: a copy of that one file is a copy of the journal."""

from __future__ import annotations

import shutil
import signal

from .store_faults import ANSWER, SMALL_STORY, Conversation, experience


def test_a_copy_of_the_database_file_alone_holds_the_answer_after_the_player_is_killed(tmp_path):
    data, copy = tmp_path / "data", tmp_path / "copy"
    player = Conversation("play", str(SMALL_STORY), "--plain", "--data-dir", str(data))
    try:
        player.type("", "1")
        player.wait_for("What do you need right now?")
        player.type(ANSWER, "")
        player.wait_for("Kept in your journal.")
        player.process.send_signal(signal.SIGKILL)  # no goodbye, no closing: as a power cut to the program
        player.process.wait(10)
    finally:
        player.close()
    assert (data / "experience.db-wal").exists()  # the log is still there, as the kill left it
    copy.mkdir()
    shutil.copy2(data / "experience.db", copy / "experience.db")  # the one file, as a person backs it up
    exported = experience("journal", "export", "--format", "json", "--data-dir", str(copy))
    assert exported.returncode == 0, exported.stderr
    assert ANSWER in exported.stdout
