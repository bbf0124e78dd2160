"""What a person types is made valid before it is kept: nothing they wrote is lost to an encoding.

A terminal set to Latin-1, or a quote pasted from a CP1252 program, sends bytes that are not
UTF-8. Python reads them as lone surrogates, which cannot be stored: `seal()` raised
UnicodeEncodeError and the whole answer was gone (and, with a strict decoder, every line after
it). `valid_text` turns each such byte back into the character it most likely was.
"""

from __future__ import annotations

import pytest

from experience.progress.session import Session
from experience.story import load_story

from .terminals import environment, run_experience

LATIN_1_ANSWER = b"caf\xe9 and a \x93quoted\x94 word"  # as a Latin-1 or CP1252 terminal sends it
KEPT = "café and a “quoted” word"


@pytest.mark.parametrize("decoding", ["", "utf-8:strict"], ids=["default", "strict"])
def test_a_plain_answer_with_bytes_that_are_not_utf8_is_kept_whole(small_story_dir, data_dir, open_store, decoding):
    typed = b"\n1\n" + LATIN_1_ANSWER + b"\n\n"
    done = run_experience(
        "play",
        "--plain",
        str(small_story_dir),
        "--data-dir",
        str(data_dir),
        typed=typed,
        env=environment(PYTHONIOENCODING=decoding),
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Kept in your journal." in done.stdout
    session = Session.resume(load_story(small_story_dir), open_store(), "default")
    assert [entry.answer for entry in session.journal.entries()] == [KEPT]


def test_an_answer_or_a_draft_with_lone_surrogates_is_kept(open_session):
    """However it came (the full-screen box, a paste, a workshop tab), through the one way in."""
    session = open_session()
    session.start()
    session.choose(session.view().choices[0][0])  # to the hall, and its question
    session.keep_draft("half a caf\udce9")
    assert session.draft() == "half a café"
    entry = session.answer("caf\udce9 \udc93quoted\udc94 \ud800")
    assert entry.answer == "café “quoted” \ufffd"  # a surrogate that was never a byte: U+FFFD, not dropped
    assert session.state.variables["need"] == "café “quoted” \ufffd"


def test_line_endings_of_any_kind_come_in_as_newlines():
    from experience.story.safe_text import valid_text

    assert valid_text("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_valid_text_leaves_valid_text_as_it_is():
    from experience.story.safe_text import valid_text

    text = "ordinary words, ünïcödé, 漢字, and an emoji 🌱"
    assert valid_text(text) is text
