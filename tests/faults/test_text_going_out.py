"""Nothing a person or an author wrote reaches a terminal raw, or acts as markup.

An answer written in plain mode can hold escape sequences: an OSC 52 clipboard write
(`ESC ] 52 ; c ; ... BEL`), a reset (`ESC c`), a character-set switch (`ESC ( 0`), a device
control string (`ESC P`), a bell, a backspace, a carriage return, a right-to-left override. Each
was drawn raw by the full-screen journal, passed through the Markdown export and the workshop's
download, and kept raw in JSON. Now every one shows as a visible placeholder (`␛`, `␇`, `<U+202E>`,
never dropped: a journal shows that something was there), and JSON escapes them, so the file is
safe to `cat` and loads back exactly.
"""

from __future__ import annotations

import json

from textual.widgets import TextArea

from experience.progress.session import Session
from experience.story import load_story
from experience.workshop.keepsake import journal_markdown

from ..helpers import choice
from .terminals import EXPERIENCE, OnATerminal, run_experience

HOSTILE = (
    "clip \x1b]52;c;aGVsbG8=\x07 reset \x1bc set \x1b(0 dcs \x1bP bell \x07 back \x08 return \r "
    "over \u202eevil\u202c del \x7f csi \x9b2J end"
)
SHOWN = (
    "clip ␛]52;c;aGVsbG8=␇ reset ␛c set ␛(0 dcs ␛P bell ␇ back ␈ return ␍ "
    "over <U+202E>evil<U+202C> del ␡ csi <U+009B>2J end"
)
ACTING = ("\x1b", "\x07", "\x08", "\r", "\u202e", "\u202c", "\x7f", "\x9b")


def journal_holding(small_story_dir, open_store, answer: str = HOSTILE, *, at_question: bool = True) -> Session:
    """A journal holding `answer` as it is, whatever wrote it (an older version kept what it was
    given), at the small story's question (or at its first scene)."""
    store = open_store()
    session = Session.resume(load_story(small_story_dir), store, "default")
    session.start()
    if at_question:
        session.choose(choice(session, "Open the door."))
    with store.transaction():
        session.journal.add(
            scene_id="first/hall", chapter_id="first", chapter_title="The first room", prompt="What now?", answer=answer
        )
    return session


def test_terminal_safe_shows_every_acting_character_as_a_placeholder():
    from experience.story.safe_text import terminal_safe

    assert terminal_safe(HOSTILE) == SHOWN
    assert terminal_safe("tabs\tand\nlines") == "tabs\tand\nlines"
    assert terminal_safe("tabs\tand\nlines", lines=False) == "tabs␉and␊lines"
    assert terminal_safe("a lone \udce9") == "a lone \ufffd"


# -- the export --------------------------------------------------------------------------------------
def exported(data_dir, *args: str) -> str:
    """What `experience journal export` writes to standard output."""
    done = run_experience("journal", "export", *args, "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def test_the_markdown_export_to_standard_output_shows_placeholders(small_story_dir, data_dir, open_store):
    journal_holding(small_story_dir, open_store)
    letter = exported(data_dir, str(small_story_dir))
    assert not [c for c in ACTING if c in letter]
    assert "clip ␛\\]52;c;aGVsbG8=␇ reset ␛c set ␛(0 dcs ␛P bell ␇ back ␈ return ␍" in letter  # ] escaped


def test_the_json_export_escapes_them_and_loads_back_exactly(small_story_dir, data_dir, open_store):
    journal_holding(small_story_dir, open_store)
    text = exported(data_dir, "--format", "json")
    assert not [c for c in ACTING if c in text]
    assert "\\u202e" in text and "\\u001b" in text
    assert json.loads(text)["entries"][0]["answer"] == HOSTILE


def test_the_workshop_keepsake_shows_placeholders(small_story_dir, open_store):
    letter = journal_markdown(journal_holding(small_story_dir, open_store))
    assert not [c for c in ACTING if c in letter]
    assert "␛\\]52;c;aGVsbG8=␇" in letter  # the ] escaped for Markdown, as in any answer


# -- the players -------------------------------------------------------------------------------------
def test_the_full_screen_journal_never_draws_an_answers_escape_sequences(small_story_dir, data_dir, open_store):
    journal_holding(
        small_story_dir, open_store, "clip \x1b]52;c;aGVsbG8=\x07 then \x1bc and \x1b[2J", at_question=False
    )
    program = OnATerminal([*EXPERIENCE, "play", str(small_story_dir), "--data-dir", str(data_dir)])
    try:
        program.wait_for("Continue where I left off")
        program.type("\r")
        program.wait_for("Open the door")
        program.type("j")
        program.wait_for("Your journal")
        program.wait_for("clip ␛]52;c;aGVsbG8=␇ then ␛c and ␛[2J")
        program.type("\x11")  # ctrl+q
        program.exit_code()
    finally:
        program.close()
    for raw in (b"\x1b]52;", b"\x1bc", b"\x1b[2J"):
        assert raw not in program.output


async def test_a_draft_and_a_paste_in_the_answer_box_are_shown_safely(small_story_dir, open_store, make_app):
    session = journal_holding(small_story_dir, open_store)
    session.keep_draft("begun \x1b]52;c;aGk=\x07")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue where I left off
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "begun ␛]52;c;aGk=␇"
        from textual import events

        app.post_message(events.Paste(" and pasted \x1b[2J\x07"))  # as the terminal's driver sends it
        await pilot.pause()
        assert area.text == "begun ␛]52;c;aGk=␇ and pasted ␛[2J␇"


async def test_an_answer_changed_from_the_journal_is_shown_safely_and_kept_as_shown(
    small_story_dir, open_store, make_app
):
    from experience.tui.screens.journal_change import EditAnswerScreen
    from experience.tui.widgets.entry import EntryCard

    journal_holding(small_story_dir, open_store, "clip \x1b]52;c;aGk=\x07", at_question=False)  # j opens it
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # continue where I left off
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        for _ in range(5):  # bounded: the journal holds one answer
            if isinstance(app.focused, EntryCard):
                break
            await pilot.press("up")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditAnswerScreen)
        area = app.screen.query_one(TextArea)
        assert area.text == "clip ␛]52;c;aGk=␇"
        await pilot.press("ctrl+s")  # unchanged as shown: nothing to change
        await pilot.pause()
        (entry,) = app.session.journal.entries()
        assert entry.answer == "clip \x1b]52;c;aGk=\x07"


async def test_no_notification_is_read_as_markup_or_drawn_raw(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("[b]not bold[/b] [link=x]not a link[/] \x1b]52;c;aGk=\x07", title="a [title]")
        await pilot.pause()
        (notification,) = app._notifications
        assert notification.message == "[b]not bold[/b] [link=x]not a link[/] ␛]52;c;aGk=␇"
        assert not notification.markup


def test_plain_mode_shows_what_an_answer_holds_as_placeholders(small_story_dir, data_dir):
    typed = b"\n1\n" + "clip \x1b]52;c;aGk=\x07 \u202eevil".encode() + b"\n\nj\n"
    done = run_experience("play", "--plain", str(small_story_dir), "--data-dir", str(data_dir), typed=typed)
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "\x1b" not in out and "\u202e" not in out
    assert out.count("clip ␛]52;c;aGk=␇ <U+202E>evil") == 2  # as it was typed (echoed), and in the journal


async def test_the_facilitators_time_up_note_never_reads_a_movements_name_as_markup(tmp_path):
    import shutil
    from pathlib import Path

    from experience.workshop.console import FacilitatorApp
    from experience.workshop.room import Rooms
    from experience.workshop.timer import Timer

    story_dir = Path(shutil.copytree(Path(__file__).parents[1] / "workshop" / "stories" / "room", tmp_path / "room"))
    first = story_dir / "arriving.yaml"
    first.write_text(first.read_text().replace("movement: Arriving", 'movement: "[b]Arriving[/]"'))
    now = [1_700_000_000.0]
    rooms = Rooms.open(tmp_path / "rooms.db", clock=lambda: now[0])
    try:
        rooms.ensure("room", "A small room", first_minutes=10)
        rooms.open_movement("room", 0)
        rooms.set_timer("room", Timer.set_to(60, start_at=now[0]))
        app = FacilitatorApp(load_story(story_dir), rooms, "room", poll=0.05, clock=lambda: now[0])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.1)
            now[0] += 61
            await pilot.pause(0.3)
            (notification,) = app._notifications
            assert notification.message == "Time is up for “[b]Arriving[/]”."
            assert not notification.markup
    finally:
        rooms.close()
