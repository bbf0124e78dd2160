"""The app speaks in one voice: only its own commands, themes and words; no colour when NO_COLOR
asks; and no full screen where there is no terminal to draw it on."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time

import pytest

from experience.tui.app import LEAVE_WITH
from experience.tui.theme import THEMES

COLOUR = re.compile(rb"\x1b\[[0-9;]*(?:38|48);[25];")  # 256-colour or true-colour, foreground or background
OURS = {"Pause", "Support", "Step out", "Journal", "Go back", "Start again", "Settings", "Colours", "Leave"}
TEXTUALS = {"Keys", "Maximize", "Minimize", "Screenshot", "Quit", "Theme"}  # Textual's own, for developers


async def test_the_palette_offers_only_the_apps_own_commands(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2")  # a step in, so that going back is offered too
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
    assert titles >= OURS and not titles & TEXTUALS


def test_only_the_apps_own_themes_can_be_chosen(make_app):
    assert set(make_app().available_themes) == {theme.name for theme in THEMES}


async def test_ctrl_c_says_in_the_apps_words_how_to_leave(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert messages == [LEAVE_WITH]


async def test_the_palette_key_is_named_in_the_apps_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        descriptions = {b.description for _, b, _, _ in app.screen.active_bindings.values()}
    assert "Menu" in descriptions and "palette" not in descriptions


# -- in a real terminal, and in none ------------------------------------------------------------------
def _play(story_dir, data_dir, **env):
    return [sys.executable, "-m", "experience", "play", str(story_dir), "--data-dir", str(data_dir)], {
        **os.environ,
        "TERM": "xterm-256color",
        **env,
    }


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_with_no_color_the_app_writes_no_colour_codes_at_all(played_story_dir, data_dir):
    """Read from the bytes the app writes to a real (pseudo-)terminal, not from its own idea of them."""
    import fcntl
    import struct
    import termios

    argv, env = _play(played_story_dir, data_dir, NO_COLOR="1")
    env.pop("TEXTUAL_ANIMATIONS", None)
    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(argv, stdin=side, stdout=side, stderr=side, env=env, close_fds=True)
    os.close(side)
    written = bytearray()

    def read_until(text: bytes, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while text not in written and time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.1)
            if ready:
                try:
                    written.extend(os.read(main, 65536))
                except OSError:  # the other side has closed: it has finished
                    return

    try:
        read_until(b"Begin", 30)
        os.write(main, b"\r")  # into the first scene: its text and its choices
        read_until(b"Open", 15)
        os.write(main, b"\x11")  # ctrl+q
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:  # read on, so it can finish writing
            read_until(b"\x00", 0.2)
        process.wait(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        os.close(main)
    assert b"Begin" in written and re.search(rb"\x1b\[1[;m]", written)  # it drew, with weight
    assert COLOUR.findall(bytes(written)) == []


def test_playing_full_screen_through_a_pipe_says_to_use_plain(played_story_dir, data_dir):
    argv, env = _play(played_story_dir, data_dir)
    done = subprocess.run(argv, input="", capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""  # no screen codes into the pipe
    assert done.stderr.count("\n") == 1 and "experience play --plain" in done.stderr
    assert not data_dir.exists()  # refused before anything was opened
