"""`experience journal export|erase|passphrase`, `experience forget`, and `play` with a sealed journal."""

from __future__ import annotations

import json
import stat

import pytest

from experience import cli
from experience.progress.lock import ProfileLock

from .privacy_helpers import ANSWER, PASSPHRASE, raw_bytes

NEW = "a different, longer passphrase"


def run(*argv: str) -> int:
    return cli.main(list(argv))


class Heard:
    """What the command said, with line wrapping undone: tests check words, not where lines break."""

    def __init__(self, capsys):
        captured = capsys.readouterr()
        self.out = captured.out.replace("\n", " ")
        self.err = captured.err.replace("\n", " ")


def heard(capsys) -> Heard:
    return Heard(capsys)


@pytest.fixture
def written(play, data_dir):
    """A journal with one answer, closed as if the player had quit; returns the --data-dir flag."""
    play().store.close()
    return ["--data-dir", str(data_dir)]


@pytest.fixture
def sealed(written, keyboard, capsys):
    keyboard.passphrases(PASSPHRASE, PASSPHRASE)
    assert run("journal", "passphrase", "set", *written) == 0
    heard(capsys)
    keyboard.asked.clear()
    return written


# -- export ----------------------------------------------------------------------------------------------
def test_export_writes_the_letter_to_standard_output(written, small_story_dir, capsys):
    assert run("journal", "export", str(small_story_dir), *written) == 0
    out = capsys.readouterr().out  # the letter itself, line by line
    assert out.startswith("# A small story\n") and "Dear me," in out
    assert "## The first room" in out and f"> {ANSWER}" in out and "**What do you need right now?**" in out


def test_export_to_a_file_is_readable_by_its_owner_only_and_never_overwrites(written, tmp_path, capsys):
    target = tmp_path / "letter.md"
    assert run("journal", "export", "-o", str(target), *written) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert ANSWER in target.read_text(encoding="utf-8")
    assert "not sealed" in heard(capsys).err

    target.write_text("something I wrote myself")
    assert run("journal", "export", "-o", str(target), *written) == 1
    assert "already exists" in heard(capsys).err
    assert target.read_text() == "something I wrote myself"

    assert run("journal", "export", "-o", str(target), "--force", *written) == 0
    assert ANSWER in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_as_json(written, tmp_path):
    target = tmp_path / "journal.json"
    assert run("journal", "export", "--format", "json", "-o", str(target), *written) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["profile"] == "default" and document["stories"] == ["A small story"]
    assert [e["answer"] for e in document["entries"]] == [ANSWER]


def test_export_with_nothing_saved_says_so_and_creates_nothing(tmp_path, capsys):
    empty = tmp_path / "nothing-here"
    assert run("journal", "export", "--data-dir", str(empty)) == 1
    assert "Nothing has been saved" in heard(capsys).err
    assert not empty.exists()


def test_commands_use_the_data_folder_from_the_environment(written, monkeypatch, capsys, data_dir):
    monkeypatch.setenv("EXPERIENCE_DATA_DIR", str(data_dir))
    assert run("journal", "export") == 0
    assert ANSWER in heard(capsys).out


# -- erase -----------------------------------------------------------------------------------------------
def test_erase_lists_what_will_go_and_needs_the_word_erase(written, keyboard, capsys, data_dir):
    keyboard.lines("y")
    assert run("journal", "erase", *written) == 1
    out = heard(capsys).out
    assert "1 answer in “A small story”" in out and "Your place in the story" in out
    assert "Nothing has been erased." in out
    assert ANSWER.encode() in raw_bytes(data_dir)


def test_export_then_erase_leaves_nothing_of_the_journal_on_disk(written, keyboard, capsys, data_dir, tmp_path):
    """Done means: export, then erase, and confirm that nothing remains on disk."""
    kept = tmp_path / "kept.md"
    assert run("journal", "export", "-o", str(kept), *written) == 0
    keyboard.lines("erase")
    assert run("journal", "erase", *written) == 0
    out = heard(capsys).out
    assert "Erased 1 answer" in out and "Checked afresh from the disk" in out
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and b"held without" not in raw
    assert ANSWER in kept.read_text(encoding="utf-8")  # the copy they chose to keep
    assert run("journal", "export", *written) == 0
    assert "nothing in the journal" in heard(capsys).err


def test_erase_with_yes_asks_nothing(written, capsys):
    assert run("journal", "erase", "--yes", *written) == 0
    assert "Type erase" not in heard(capsys).err


def test_erase_of_a_sealed_journal_needs_no_passphrase(sealed, keyboard, capsys):
    assert run("journal", "erase", "--yes", *sealed) == 0
    assert keyboard.asked == []
    assert "passphrase is still set" in heard(capsys).out


def test_closing_the_input_instead_of_confirming_changes_nothing(written, capsys, data_dir):
    assert run("journal", "erase", *written) == 1  # standard input is empty: no one to ask
    assert "Nothing has been changed." in heard(capsys).err
    assert ANSWER.encode() in raw_bytes(data_dir)


@pytest.mark.parametrize(
    "command",
    [("journal", "erase", "--yes"), ("journal", "passphrase", "set"), ("forget", "--yes")],
)
def test_every_command_that_changes_the_journal_refuses_politely_while_the_profile_is_open_elsewhere(
    written, data_dir, command, capsys
):
    with ProfileLock(data_dir, "default"):
        assert run(*command, *written) == 1
    assert "already open in another window" in heard(capsys).err
    assert ANSWER.encode() in raw_bytes(data_dir)


# -- forget ----------------------------------------------------------------------------------------------
def test_forget_lists_the_files_then_removes_them_and_checks(written, keyboard, capsys, data_dir):
    keyboard.lines("forget")
    assert run("forget", *written) == 0
    out = heard(capsys).out
    listing, _, report = out.partition("Forgotten")
    assert str(data_dir / "experience.db") in listing and "locks" in listing
    assert "your place in “A small story”" in listing and "1 journal answer" in listing
    assert "Removed:" in report and "no longer exist" in report and "removed too" in report
    assert not data_dir.exists()


def test_forget_keeps_the_database_for_other_profiles(written, play, keyboard, capsys, data_dir):
    play("Sam's words, which are Sam's to keep.", profile="sam")
    keyboard.lines("forget")
    assert run("forget", *written) == 0
    assert "“sam”" in heard(capsys).out
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and b"Sam's words" in raw


def test_forget_asks_separately_before_removing_copies_set_aside(written, keyboard, capsys, data_dir):
    aside = data_dir / "experience.db.unreadable-20260101-000000"
    aside.write_bytes(b"an old copy")
    keyboard.lines("forget", "")  # yes to forgetting, no to the old copies
    assert run("forget", *written) == 0
    assert "set aside earlier" in heard(capsys).out
    assert aside.exists()
    assert not (data_dir / "experience.db").exists()


def test_erasing_a_profile_with_nothing_written_still_names_copies_set_aside(written, keyboard, capsys, data_dir):
    aside = data_dir / "experience.db.unreadable-20260101-000000"
    aside.write_bytes(b"an old copy")
    keyboard.lines("")  # keep the old copies
    assert run("journal", "erase", "--profile", "nobody", *written) == 1
    out = heard(capsys).out
    assert "nothing to erase" in out and "older copies of the database here" in out and str(aside) in out
    assert aside.exists()


def test_forget_with_nothing_kept_says_so(tmp_path, capsys):
    assert run("forget", "--data-dir", str(tmp_path / "none")) == 0
    assert "nothing to forget" in heard(capsys).out


# -- passphrase ------------------------------------------------------------------------------------------
def test_setting_a_passphrase_explains_first_and_asks_twice(written, keyboard, capsys, data_dir, monkeypatch):
    shown_before_asking = []

    def getpass(prompt=""):
        shown_before_asking.append(capsys.readouterr().out.replace("\n", " "))
        return PASSPHRASE

    monkeypatch.setattr("getpass.getpass", getpass)
    assert run("journal", "passphrase", "set", *written) == 0
    assert len(shown_before_asking) == 2
    assert "cannot be recovered or reset" in shown_before_asking[0]
    assert ANSWER.encode() not in raw_bytes(data_dir)


def test_two_different_entries_or_a_short_one_are_asked_again(written, keyboard, capsys):
    keyboard.passphrases("short", PASSPHRASE, "a typo in it", PASSPHRASE, PASSPHRASE)
    assert run("journal", "passphrase", "set", *written) == 0
    err = heard(capsys).err
    assert "at least 8 characters" in err and "not the same" in err


def test_three_failed_attempts_set_nothing(written, keyboard, capsys, data_dir):
    keyboard.passphrases("short", "tiny", "small")
    assert run("journal", "passphrase", "set", *written) == 1
    assert "nothing has been changed" in heard(capsys).err
    assert ANSWER.encode() in raw_bytes(data_dir)


def test_a_set_passphrase_makes_the_journal_unreadable_without_it(sealed, keyboard, capsys, data_dir):
    """Done means: set a passphrase, quit, and find the journal unreadable without it."""
    raw = raw_bytes(data_dir)
    assert ANSWER.encode() not in raw and b"What do you need" not in raw
    keyboard.passphrases("not it", "still not it", "no")
    assert run("journal", "export", *sealed) == 1
    captured = heard(capsys)
    assert ANSWER not in captured.out
    assert captured.err.count("does not open this journal") == 3
    assert "no back door" in captured.err and "experience journal erase" in captured.err


def test_with_the_passphrase_the_journal_can_be_read(sealed, keyboard, capsys):
    keyboard.passphrases(PASSPHRASE)
    assert run("journal", "export", *sealed) == 0
    assert ANSWER in heard(capsys).out


def test_no_passphrase_is_ever_printed(written, keyboard, capsys):
    keyboard.passphrases(PASSPHRASE, PASSPHRASE, PASSPHRASE, NEW, NEW, "wrong guess here", NEW)
    run("journal", "passphrase", "set", *written)
    run("journal", "passphrase", "change", *written)
    run("journal", "passphrase", "remove", *written)
    captured = heard(capsys)
    for secret in (PASSPHRASE, NEW, "wrong guess here"):
        assert secret not in captured.out and secret not in captured.err


def test_changing_asks_for_the_current_one_first(sealed, keyboard, capsys):
    keyboard.passphrases(PASSPHRASE, NEW, NEW)
    assert run("journal", "passphrase", "change", *sealed) == 0
    keyboard.passphrases(PASSPHRASE, PASSPHRASE, PASSPHRASE)
    assert run("journal", "export", *sealed) == 1
    keyboard.passphrases(NEW)
    assert run("journal", "export", *sealed) == 0
    assert ANSWER in heard(capsys).out


def test_removing_asks_for_it_and_stores_the_journal_plain(sealed, keyboard, capsys):
    keyboard.passphrases(PASSPHRASE)
    assert run("journal", "passphrase", "remove", *sealed) == 0
    assert "no longer has a passphrase. Stored unsealed again: 1 answer" in heard(capsys).out
    assert run("journal", "export", *sealed) == 0
    assert keyboard.asked == ["Passphrase: "]


def test_locate_says_which_profiles_are_sealed(sealed, capsys):
    assert run("locate", *sealed) == 0
    assert "Sealed with a passphrase: default" in heard(capsys).out


def test_after_an_erase_a_lost_passphrase_can_be_removed_by_beginning_again(sealed, keyboard, capsys, data_dir):
    assert run("journal", "erase", "--yes", *sealed) == 0
    keyboard.passphrases("lost", "forgotten", "gone").lines("begin")
    assert run("journal", "passphrase", "remove", *sealed) == 0
    said = heard(capsys).out
    assert "your place in each story is" in said and "let go" in said
    assert run("locate", *sealed) == 0
    assert "Sealed with a passphrase" not in heard(capsys).out


def test_after_an_erase_the_passphrase_removes_itself_and_keeps_the_place(sealed, keyboard, capsys):
    assert run("journal", "erase", "--yes", *sealed) == 0
    keyboard.passphrases(PASSPHRASE)
    assert run("journal", "passphrase", "remove", *sealed) == 0
    said = heard(capsys).out
    assert "Stored unsealed again: your place in the story." in said
    assert "was let go" not in said


def test_a_lost_passphrase_is_not_removed_unless_the_reader_agrees_to_begin_again(sealed, keyboard, capsys):
    assert run("journal", "erase", "--yes", *sealed) == 0
    keyboard.passphrases("lost", "forgotten", "gone").lines("")
    assert run("journal", "passphrase", "remove", *sealed) == 1
    assert "Nothing has been changed" in heard(capsys).err


# -- play ------------------------------------------------------------------------------------------------
@pytest.fixture
def player(monkeypatch, in_a_terminal):
    """Stand in for the full-screen app: record the session it would have been given."""
    import experience.tui.app as app

    started = []

    class Player:
        stopped_by = None  # never stopped by a signal

        def __init__(self, session, notices=()):
            started.append((session.state, [e.answer for e in session.journal.entries()]))

        def run(self):
            pass

    monkeypatch.setattr(app, "ExperienceApp", Player)
    return started


def test_play_asks_for_the_passphrase_and_refuses_kindly_before_anything_opens(
    sealed, small_story_dir, keyboard, player, capsys
):
    keyboard.passphrases("no", "nope", "not that either")
    assert run("play", str(small_story_dir), *sealed) == 1
    assert player == []
    err = heard(capsys).err
    assert "sealed with a passphrase" in err and "Take a break" in err and "Traceback" not in err


def test_play_with_the_passphrase_opens_the_journey_and_its_words(sealed, small_story_dir, keyboard, player):
    keyboard.passphrases("first try wrong", PASSPHRASE)
    assert run("play", str(small_story_dir), *sealed) == 0
    state, answers = player[0]
    assert state.variables["need"] == ANSWER and answers == [ANSWER]


def test_play_without_a_passphrase_set_asks_nothing(written, small_story_dir, keyboard, player):
    assert run("play", str(small_story_dir), *written) == 0
    assert keyboard.asked == [] and player


# -- the passphrase prompt ---------------------------------------------------------------------------------
def test_the_passphrase_prompt_says_calmly_what_it_asks_what_if_forgotten_and_where_support_is(
    sealed, small_story_dir, keyboard, player, capsys
):
    keyboard.passphrases(PASSPHRASE)
    assert run("play", str(small_story_dir), *sealed) == 0
    err = heard(capsys).err
    assert err.startswith("Welcome back. Your journal is sealed")
    assert "nobody can open the sealed words" in err and "journal erase --data-dir" in err
    assert "you do not need to unlock anything: press Enter without typing" in err


def test_an_empty_enter_at_the_passphrase_shows_support_and_is_not_a_wrong_try(
    sealed, small_story_dir, keyboard, player, capsys
):
    from experience.care.support import as_text

    keyboard.passphrases("", "wrong guess", "wrong again", PASSPHRASE)
    assert run("play", str(small_story_dir), *sealed) == 0
    assert player != []
    err = capsys.readouterr().err
    assert as_text().strip().splitlines()[-1] in err
    assert keyboard.asked == ["Passphrase: "] * 4


def test_with_no_terminal_at_all_a_passphrase_is_read_as_a_line_and_the_person_is_told_once(
    written, monkeypatch, capsys
):
    import io

    monkeypatch.setattr("experience.privacy.ask._has_terminal", lambda: False)
    monkeypatch.setattr("experience.privacy.ask._told_shown", [])
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n{PASSPHRASE}\n"))
    assert run("journal", "passphrase", "set", *written) == 0
    err = capsys.readouterr().err
    assert err.count("What you type may be shown") == 1 and "Warning" not in err and "getpass" not in err
