"""Another program holding the journal's write lock for longer than the program waits: the answer
is kept until it is written, the reader can try again, and is told plainly meanwhile."""

from __future__ import annotations

import sqlite3

from .store_faults import ANSWER, SMALL_STORY, Conversation, experience


def test_an_answer_written_while_another_program_holds_the_journal_is_kept_until_it_can_be_saved(tmp_path):
    data = tmp_path / "data"
    player = Conversation("play", str(SMALL_STORY), "--plain", "--data-dir", str(data))
    try:
        player.type("", "1")
        player.wait_for("What do you need right now?")
        other = sqlite3.connect(data / "experience.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than the busy timeout
        try:
            player.type(ANSWER, "")
            player.wait_for("Your answer is not saved yet: another window or program is using your journal just now.")
            player.wait_for(f"Your answer is not saved yet, so it is still here: “{ANSWER}”")
        finally:
            other.execute("ROLLBACK")
            other.close()
        player.type("")  # Enter alone: try again, now that the other program is done
        heard = player.wait_for("Kept in your journal.")
        player.type("q")
        assert player.close() == 0
    finally:
        player.close()
    assert "Passed by" not in heard
    exported = experience("journal", "export", "--format", "json", "--data-dir", str(data))
    assert ANSWER in exported.stdout
