"""Asking a person something in the terminal: a passphrase (never echoed) or a word to confirm.

The one place that reads the keyboard, so that tests replace these functions and nothing else.
Prompts go to the terminal or to standard error, never to standard output, which may be a file
(`experience journal export > journal.md`). Ctrl+C, or the end of input, is a change of mind:
`Cancelled`, and the command says that nothing has been changed.
"""

from __future__ import annotations

import sys


class Cancelled(Exception):
    """The person stopped (Ctrl+C), or there was no one to ask (the input had ended)."""


def secret(prompt: str) -> str:
    """A passphrase, typed without being shown (getpass reads the terminal itself)."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write("\n")
        raise Cancelled from None


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
