"""Nothing the reader chose or wrote stays readable after it is sealed or erased, copies included."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest

from .store_faults import ANSWER, SMALL_STORY, experience, raw_bytes

PASSPHRASE = "a quiet lamp in the hall"
CHOSEN = "keeper of the lighthouse"


@pytest.fixture
def chosen_story(tmp_path: Path) -> Path:
    """A story whose choice sets a text variable: what the reader chose, in the reader's save."""
    root = tmp_path / "chosen"
    root.mkdir()
    (root / "story.yaml").write_text('title: A chosen story\nstart: one/choose\nvariables:\n  role: ""\n')
    (root / "one.yaml").write_text(
        textwrap.dedent(
            f"""\
            title: One
            scenes:
              choose:
                title: Choosing
                text: Which one is you?
                choices:
                  - text: The {CHOSEN}.
                    goto: after
                    set: {{role: '"{CHOSEN}"'}}
                  - text: The one who rows.
                    goto: after
                    set: {{role: '"one who rows"'}}
              after:
                title: After
                text: "You are the {{role}}."
                choices:
                  - text: Go on.
                    goto: done
              done:
                title: The end
                text: Thank you.
                end: true
            """
        )
    )
    return root


def set_passphrase(data: Path, *then: str):
    return experience(
        "journal", "passphrase", "set", "--data-dir", str(data), input="\n".join([PASSPHRASE, PASSPHRASE, *then, ""])
    )


def test_what_the_reader_chose_is_sealed_with_a_passphrase(tmp_path, chosen_story):
    data = tmp_path / "data"
    played = experience("play", str(chosen_story), "--plain", "--data-dir", str(data), input="\n1\nq\n")
    assert played.returncode == 0, played.stderr
    assert CHOSEN.encode() in raw_bytes(data)
    sealed = set_passphrase(data)
    assert sealed.returncode == 0, sealed.stderr
    assert CHOSEN.encode() not in raw_bytes(data)
    again = experience("play", str(chosen_story), "--plain", "--data-dir", str(data), input=f"{PASSPHRASE}\n\nq\n")
    assert f"You are the {CHOSEN}." in again.stdout  # and the passphrase brings it back


def test_steps_saved_plain_in_a_sealed_journal_are_sealed_when_it_is_next_opened(tmp_path, chosen_story):
    data = tmp_path / "data"
    experience("play", str(chosen_story), "--plain", "--data-dir", str(data), input="\n1\nq\n")
    assert set_passphrase(data).returncode == 0
    conn = sqlite3.connect(data / "experience.db")  # as a version that did not seal steps left them
    conn.execute(
        "UPDATE steps SET snapshot = ?, snapshot_sealing = 'plain'",
        (f'{{"scene":"one/after","variables":{{"role":"{CHOSEN}"}},"visits":{{}},"step":1}}',),
    )
    conn.commit()
    conn.close()
    opened = experience("play", str(chosen_story), "--plain", "--data-dir", str(data), input=f"{PASSPHRASE}\nq\n")
    assert opened.returncode == 0, opened.stderr
    assert CHOSEN.encode() not in raw_bytes(data)


# -- copies set aside ------------------------------------------------------------------------------------------
def with_a_copy_set_aside(data: Path) -> bytes:
    """An answer written, then the database damaged, so the next start set it aside whole."""
    first = experience("play", str(SMALL_STORY), "--plain", "--data-dir", str(data), input=f"\n1\n{ANSWER}\n\nq\n")
    assert "Kept in your journal." in first.stdout
    with open(data / "experience.db", "r+b") as file:
        file.write(b"not a database any more")
    again = experience("play", str(SMALL_STORY), "--plain", "--data-dir", str(data), input="\n1\nq\n")
    assert again.returncode == 0 and list(data.glob("experience.db.unreadable-*"))
    words = ANSWER.encode()
    assert words in raw_bytes(data)  # the copy still holds it, in plain words
    return words


def test_setting_a_passphrase_names_a_copy_set_aside_and_removes_it_when_asked(tmp_path):
    data = tmp_path / "data"
    words = with_a_copy_set_aside(data)
    sealed = set_passphrase(data, "remove")
    assert sealed.returncode == 0, sealed.stderr
    assert "set aside earlier" in sealed.stdout and "Removed:" in sealed.stdout
    assert words not in raw_bytes(data)
    assert not list(data.glob("experience.db.*"))


def test_setting_a_passphrase_keeps_a_copy_only_when_told_and_says_it_is_not_sealed(tmp_path):
    data = tmp_path / "data"
    words = with_a_copy_set_aside(data)
    sealed = set_passphrase(data, "")
    assert sealed.returncode == 1
    said = " ".join(sealed.stdout.split())
    assert "Nothing done here reaches into them" in said and "kept as they were" in said
    assert words in raw_bytes(data)


def test_erasing_names_a_copy_set_aside_and_removes_it_when_asked(tmp_path):
    data = tmp_path / "data"
    words = with_a_copy_set_aside(data)
    kept = experience("journal", "erase", "--yes", "--data-dir", str(data))
    assert kept.returncode == 1 and "set aside earlier" in kept.stdout
    assert words in raw_bytes(data)
    erased = experience("journal", "erase", "--data-dir", str(data), input="remove\n")
    assert erased.returncode == 0, erased.stdout + erased.stderr
    assert words not in raw_bytes(data)
