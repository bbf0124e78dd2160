"""One way to fold what the program says: to the terminal's own width, never mid-word, never a
last line of one word, and whole paragraphs for a pipe."""

from __future__ import annotations

import io
import os

import pytest

from experience.care.wrapping import MOST, fold, tell, width_of

SENTENCE = (
    "Erased words cannot be brought back. To keep a copy first, write your journal out with "
    "experience journal export, and keep your unsent drafts in mind."
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("width", [40, 52, 61, 79])
def test_no_line_is_wider_than_the_width_and_no_word_is_broken(width):
    folded = fold(SENTENCE, width)
    assert all(len(line) <= width for line in folded.splitlines())
    assert folded.split() == SENTENCE.split()


@pytest.mark.parametrize("width", range(30, 90, 4))
def test_a_paragraph_never_ends_on_a_line_of_one_word(width):
    last = fold(SENTENCE, width).splitlines()[-1]
    assert len(last.split()) > 1


def test_a_path_longer_than_the_line_stays_whole():
    path = "/home/someone/.local/share/coming-home-to-yourself/experience.db"
    assert path in fold(f"Your journal is kept in {path} on this computer.", 30).splitlines()


def test_listed_items_hang_under_their_own_text():
    folded = fold("  - a listed item that is much too long to fit on one line of this width", 30)
    lines = folded.splitlines()
    assert lines[0].startswith("  - ") and all(line.startswith("    ") for line in lines[1:])


def test_a_pipe_gets_whole_paragraphs():
    assert width_of(io.StringIO()) is None
    assert fold(SENTENCE, None) == SENTENCE


def test_a_terminal_is_folded_to_its_own_width_less_one(monkeypatch):
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((60, 24)))
    assert width_of(Terminal()) == 59
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((200, 24)))
    assert width_of(Terminal()) == MOST


def test_at_eighty_columns_nothing_wraps_again_mid_word(monkeypatch):
    """Folding for a wider window than the real one made the terminal break words itself."""
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((80, 24)))
    out = Terminal()
    tell("x " * 30 + "unsent drafts are kept where they were typed, waiting for you", stream=out)
    assert all(len(line) < 80 for line in out.getvalue().splitlines())
