"""`experience play --plain`: the same journey line by line, driven through stdin and stdout."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from experience import cli
from experience.care.grounding import SENSES, STILL_BREATH
from experience.care.pacing import Sitting
from experience.care.support import load_support
from experience.care.words import BREAK_SUGGESTION, GOODBYE, NOT_FOR_NOW, WHAT_IT_IS_NOT, WHAT_THIS_IS
from experience.plain import play_plain
from experience.plain.terminal import Terminal
from experience.plain.text import paragraphs
from experience.progress.lock import ProfileLock

from ..helpers import REPO


def play(session, typed: str, **kwargs) -> str:
    """Play with these lines typed (then the end of input); everything written, as one string."""
    out = io.StringIO()
    assert play_plain(session, stdin=io.StringIO(typed), stdout=out, **kwargs) == 0
    return out.getvalue()


# -- reading and choosing -------------------------------------------------------------------------
def test_the_first_run_is_honest_and_then_the_first_scene_is_read_with_numbered_choices(open_session):
    out = play(open_session(), "\n")
    for words in (str(WHAT_THIS_IS), str(WHAT_IT_IS_NOT), str(NOT_FOR_NOW)):
        assert words in out
    assert "The first room: At the door" in out
    assert "You are standing at a quiet door." in out  # *emphasis* is read, not shown
    assert "  1. Open the door.\n  2. Sit on the step for a while.\n" in out


def test_a_choice_by_number_is_saved_for_both_ways_of_playing(open_session):
    play(open_session(), "\n2\n")
    assert open_session().state.scene == "one/step"


def test_enter_continues_a_scene_without_choices(open_session):
    play(open_session(), "\n2\n\n")
    assert open_session().state.scene == "one/hall"


def test_a_number_that_is_not_a_choice_is_explained_and_nothing_moves(open_session):
    out = play(open_session(), "\n7\n")
    assert "Please type a number from 1 to 2" in out
    assert open_session().state.scene == "one/door"


def test_b_goes_back_and_r_reads_the_scene_again(open_session):
    out = play(open_session(), "\n2\nb\nr\n")
    assert open_session().state.scene == "one/door"
    assert out.count("You are standing at a quiet door.") == 3  # first, after back, and read again


def test_the_output_is_plain_text_with_no_escape_codes_and_no_box_drawing(open_session):
    out = play(open_session(), "\n1\nquiet\n\n1\n2\np\nn\n\n\n\n\n\n\ns\n")
    assert "\x1b" not in out
    assert not any("\u2500" <= ch <= "\u257f" for ch in out)


# -- answering ----------------------------------------------------------------------------------
def test_an_answer_is_typed_in_lines_and_an_empty_line_ends_it(open_session):
    session = open_session()
    out = play(session, "\n1\nSome quiet,\n[bold]and tea[/bold] *really*\n\n")
    assert "Kept in your journal." in out
    assert [e.answer for e in session.journal.entries()] == ["Some quiet,\n[bold]and tea[/bold] *really*"]


def test_the_readers_words_come_back_exactly_as_typed(open_session):
    out = play(open_session(), "\n1\n*quiet* [b]time[/b]\n\n1\n2\n")  # save, the old room, gentler
    assert "You said you need: *quiet* [b]time[/b]." in out


@pytest.mark.parametrize("skip", ["\n", ".\n"])
def test_an_empty_line_or_a_dot_passes_the_question_by(open_session, skip):
    session = open_session()
    out = play(session, "\n1\n" + skip)
    assert "Passed by" in out and "  1. Go into the old room." in out
    assert session.journal.entries() == []


def test_a_half_written_answer_is_kept_when_input_ends(open_session):
    play(open_session(), "\n1\nhalf a thought\n")
    again = open_session()
    assert again.state.scene == "one/hall" and again.draft() == "half a thought"
    out = play(again, "\n\n")  # continue; Enter alone keeps the draft as the answer
    assert "You had begun an answer: “half a thought”" in out
    assert [e.answer for e in again.journal.entries()] == ["half a thought"]


def test_a_single_letter_command_works_while_answering(open_session):
    out = play(open_session(), "\n1\np\n\n")
    assert str(STILL_BREATH[0]) in out and out.count("What do you need right now?") == 2


# -- care ----------------------------------------------------------------------------------------
def test_the_checkin_offers_the_same_four_answers_and_the_gentler_path(open_session, choose):
    session = open_session()
    choose(session, "Open the door.")
    session.answer("quiet")
    out = play(session, "\n1\n2\n")
    assert "Touches on an old, lonely memory. [b]Not markup[/b]." in out
    assert (
        "  1. I'd like to go on.\n  2. I'd like a gentler path.\n  3. I'd like to pause first.\n"
        "  4. I'll stop here for today.\n"
    ) in out
    assert session.state.scene == "one/garden"


def test_pausing_at_the_checkin_comes_back_to_the_same_question(open_session, choose):
    session = open_session()
    choose(session, "Open the door.")
    session.answer("quiet")
    out = play(session, "\n1\n3\n\n1\n")
    assert out.count("Before you go on") == 2 and "Back where you were." in out
    assert session.state.scene == "one/deep"


def test_in_a_story_without_a_gentle_stop_stopping_at_the_checkin_steps_out(open_session, choose):
    session = open_session()
    choose(session, "Open the door.")
    session.answer("quiet")
    out = play(session, "\n1\n4\n")
    assert str(GOODBYE) in out and load_support().lines[0].how_to_reach in out
    assert session.state.scene == "one/hall"


def test_pause_offers_the_breath_and_then_the_senses_one_at_a_time(open_session):
    out = play(open_session(), "\np\nn\n\n")  # the first two senses, then input ends
    assert all(str(line) in out for line in STILL_BREATH)
    assert str(SENSES[0][1]) in out and str(SENSES[1][1]) in out and str(SENSES[2][1]) not in out


def test_stepping_out_prints_the_goodbye_and_every_support_line(open_session):
    out = play(open_session(), "\n2\nstep out\n")
    assert str(GOODBYE) in out
    for line in load_support().lines:
        assert line.how_to_reach in out
    assert open_session().state.scene == "one/step"  # everything kept


def test_the_end_of_input_is_a_quiet_leaving_with_everything_kept(open_session):
    out = play(open_session(), "\n2\n")
    assert "You have left for now. Your place and your words are kept; come back whenever you like." in out
    assert open_session().state.scene == "one/step"


def test_every_way_of_leaving_ends_with_the_support_lines(open_session):
    from experience.care.support import load_support
    from experience.care.words import IF_IT_STIRRED, NOTHING_SENT

    for typed in ("\n2\n", "\nq\n"):  # the end of input, and q
        out = play(open_session(), typed)
        assert str(IF_IT_STIRRED) in out and load_support().lines[0].how_to_reach in out
        assert out.rstrip().endswith(str(NOTHING_SENT))


def test_a_break_is_suggested_once_and_only_if_wanted(open_session):
    session = open_session()
    out = play(session, "\n2\n\n", sitting=Sitting(0))
    assert out.count(str(BREAK_SUGGESTION)) == 1
    session.store.set_setting(session.profile, "break_reminder", False)
    assert str(BREAK_SUGGESTION) not in play(session, "\nb\n", sitting=Sitting(0))


def test_the_journal_reads_out_every_answer(open_session, choose):
    session = open_session()
    choose(session, "Open the door.")
    session.answer("quiet\nand tea")
    out = play(session, "\nj\n")
    assert "Your journal" in out and "What do you need right now?" in out
    assert "    quiet\n    and tea" in out and "14 March 2026, 09:30" in out


def test_help_lists_every_command(open_session):
    out = play(open_session(), "\nh\n")
    for letter in "brjpsqoh":
        assert f"  {letter}  " in out


def test_a_returning_reader_is_welcomed_back_and_can_start_again(open_session):
    play(open_session(), "\n2\n")
    session = open_session()
    out = play(session, "start again\n")
    assert "Welcome back. You were at “The first room”, On the step." in out
    assert session.state.scene == "one/door" and session.can_go_back


# -- the text --------------------------------------------------------------------------------------
def test_markdown_is_read_as_plain_paragraphs():
    assert paragraphs("A *quiet* **door**, [a link](https://example.org) and `code`.\n\n- one\n- two\n\n> said") == [
        "A quiet door, a link and code.",
        "- one",
        "- two",
        "  said",
    ]


def test_control_characters_never_reach_the_terminal_and_are_shown_as_placeholders():
    out = io.StringIO()
    Terminal(io.StringIO(), out).say(*paragraphs("red \x1b[31mtext\x07"))
    assert out.getvalue() == "red ␛[31mtext␇\n\n"


# -- from the command line ---------------------------------------------------------------------------
def test_piped_in_and_out_it_plays_without_textual_and_without_escape_codes(played_story_dir, data_dir, tmp_path):
    probe = tmp_path / "sitecustomize.py"  # fails the run if anything imports Textual
    probe.write_text(
        "import sys\nclass Block:\n    def find_spec(self, name, *a):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('plain mode must not import textual')\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    env_path = f"{tmp_path}{os.pathsep}{REPO}"
    done = subprocess.run(
        [sys.executable, "-m", "experience", "play", str(played_story_dir), "--data-dir", str(data_dir), "--plain"],
        input="\n2\n\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": env_path},
    )
    assert done.returncode == 0, done.stderr
    assert "The first room: The hall" in done.stdout and "\x1b" not in done.stdout
    assert done.stderr == ""


def test_a_profile_open_elsewhere_is_refused_kindly_in_plain_mode_too(played_story_dir, data_dir, capsys):
    with ProfileLock(data_dir, "default"):
        assert cli.main(["play", str(played_story_dir), "--data-dir", str(data_dir), "--plain"]) == 1
    assert "already open in another window" in capsys.readouterr().err


def test_a_reader_that_stops_reading_ends_it_quietly_and_keeps_the_draft(open_session):
    class ClosedAfterAWhile(io.StringIO):
        def write(self, text: str) -> int:
            if self.getvalue().endswith("half\n"):  # gone, just after the answer's first line
                raise BrokenPipeError
            return super().write(text)

    session = open_session()
    assert play_plain(session, stdin=io.StringIO("\n1\nhalf\nmore\n"), stdout=ClosedAfterAWhile()) == 0
    assert open_session().draft() == "half"


def test_settings_change_the_break_reminder_and_are_kept_for_both_ways_of_playing(open_session):
    session = open_session()
    out = play(session, "\no\n1\n2\n\n", sitting=Sitting(0))
    assert "1. Break reminder: on (" in out and "1. Break reminder: off\n" in out
    assert "2. Reduced motion: on (" in out and "Back where you were." in out
    again = open_session()
    assert again.profile.settings == {"break_reminder": False, "reduced_motion": True}
    assert str(BREAK_SUGGESTION) not in play(again, "\n2\n\n", sitting=Sitting(0))


def test_a_command_typed_in_settings_is_carried_out(open_session):
    out = play(open_session(), "\no\nstep out\n")
    assert str(GOODBYE) in out and "Nothing changed." not in out


def test_a_setting_that_cannot_be_kept_still_applies_and_says_so(open_session, monkeypatch):
    from experience.care.words import NOT_KEPT
    from experience.progress.store import Store, StoreError

    def refuse(*args):
        raise StoreError("the disk is full")

    monkeypatch.setattr(Store, "set_setting", refuse)
    session = open_session()
    out = play(session, "\no\n1\n\n", sitting=Sitting(0))
    assert str(NOT_KEPT) in out and "1. Break reminder: off\n" in out
    assert session.profile.settings["break_reminder"] is False
