"""Asking a person something in the terminal: a passphrase (never echoed) or a word to confirm.

The one place that reads the keyboard, so that tests replace these functions and nothing else.
Prompts go to the terminal or to standard error, never to standard output, which may be a file
(`experience journal export > journal.md`). Ctrl+C, or the end of input, is a change of mind:
`Cancelled`, and the command says that nothing has been changed.
"""

from __future__ import annotations

import os
import sys

from ..i18n import _


class Cancelled(Exception):
    """The person stopped (Ctrl+C), or there was no one to ask (the input had ended)."""


def secret(prompt: str) -> str:
    """A passphrase, typed without being shown (getpass reads the terminal itself). With no
    terminal at all (input from a pipe, no /dev/tty), it is read as a line, and the person is
    told in their language that it may be shown, rather than by getpass's own English warning."""
    import getpass

    try:
        if _has_terminal():
            return getpass.getpass(prompt)
        if not _told_shown:
            sys.stderr.write(_("(What you type may be shown: there is no terminal here that can hide it.)") + "\n")
            _told_shown.append(True)
        return line(prompt)
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write("\n")
        raise Cancelled from None


_told_shown: list[bool] = []  # said once a run, not before every passphrase asked


def _has_terminal() -> bool:
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
    except OSError:
        return sys.stdin.isatty()
    return True


def line(prompt: str) -> str:
    """One line of ordinary input, without its line ending."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise Cancelled from None
    if not answer:
        sys.stderr.write("\n")
        raise Cancelled
    return answer.rstrip("\r\n")


def confirm(word: str, prompt: str) -> bool:
    """True only if the person types `word` itself: a stray Enter or 'y' never destroys anything."""
    return line(prompt).strip().lower() == word
