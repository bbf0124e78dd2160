"""The transcript file: a play-through as a person reads it, and as a program replays it.

    # comments, then settings, then a blank line
    seed: 0
    width: 78
    lang: es                       <- the language it was recorded in, when not English

      Noticing: Arrival            <- shown by the story: two spaces, then the text
                                   <- an empty line shown is an empty line
    @ noticing/arrival             <- the scene the reader is in, written when it changes
    > 1                            <- typed ("> " then the line; ">" alone is Enter)

Every line says by its first characters what it is, so a transcript can be read, written by
hand and compared line by line, and text from the story can never pass for something typed.
The markers and the settings' names are the format's, the same in every language; the header's
comments are written in the language of the recording, and are only comments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..i18n import ENGLISH, _, normalise

SHOWN, TYPED, SCENE = "  ", ">", "@ "
DEFAULT_SEED = 0
SETTINGS = ("seed", "width", "lang")  # the header's keys, as the file writes them


def header() -> tuple[str, ...]:
    """The comments a new transcript begins with, in the language in use."""
    return (
        # Translators: the first comment lines of a transcript file; keep each line's "# " and the quoted marks.
        "# " + _('A play-through, pinned. Lines that begin with ">" are what was typed (">" alone is Enter),'),
        "# " + _('"@" names the scene the reader is in; every other line is what the story showed.'),
        "# " + _("Check it still holds with: experience replay STORY_DIR THIS_FILE (--update accepts a change)."),
    )


class TranscriptError(Exception):
    """A transcript that cannot be read, with the line that says why."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(_("line {line}: {message}").format(line=line, message=message))


@dataclass
class Transcript:
    seed: int = DEFAULT_SEED
    width: int = 78
    body: list[str] = field(default_factory=list)  # the lines after the header, as written
    comments: tuple[str, ...] = field(default_factory=header)  # an author's own # lines are kept on --update
    lang: str = ENGLISH  # the language the program and the story spoke (a tag), replayed in the same

    @property
    def inputs(self) -> list[str]:
        """What was typed, in order: the lines to give the player again."""
        return [line[len(TYPED) :].removeprefix(" ") for line in self.body if line.startswith(TYPED)]

    @property
    def path(self) -> list[str]:
        return [line[len(SCENE) :] for line in self.body if line.startswith(SCENE)]

    def dump(self) -> str:
        settings = [f"seed: {self.seed}", f"width: {self.width}"] + (
            [f"lang: {self.lang}"] if self.lang != ENGLISH else []
        )
        return "\n".join([*self.comments, *settings, "", *self.body]) + "\n"


def parse(text: str) -> Transcript:
    """Read a transcript; TranscriptError names the first line that is not one."""
    lines = text.splitlines()
    transcript = Transcript()
    comments: list[str] = []
    number = 0
    for number, line in enumerate(lines, 1):  # the header, up to its blank line
        if not line.strip():
            break
        if line.startswith("#"):
            comments.append(line.rstrip())
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in SETTINGS:
            raise TranscriptError(
                number,
                _(
                    "expected 'seed: N', 'width: N', 'lang: TAG' or a # comment before the first blank line, not {line}"
                ).format(line=repr(line)),
            )
        if key == "lang":
            tag = normalise(value)
            if tag is None:
                raise TranscriptError(
                    number, _("lang is a language tag like es or es-MX, not {value}").format(value=repr(value.strip()))
                )
            transcript.lang = tag
            continue
        try:
            setattr(transcript, key, int(value))
        except ValueError:
            raise TranscriptError(
                number, _("{key} is a whole number, not {value}").format(key=key, value=repr(value.strip()))
            ) from None
    else:
        number = len(lines)
    transcript.comments = tuple(comments)
    if transcript.width < 20:
        raise TranscriptError(1, _("width is at least 20 columns"))
    for offset, line in enumerate(lines[number:], number + 1):
        if line and not line.startswith((SHOWN, TYPED, SCENE)):
            raise TranscriptError(
                offset,
                _(
                    "a line is shown text (two spaces first), typed ('> ' first) or a scene ('@ ' first), not {line}"
                ).format(line=repr(line[:40])),
            )
        transcript.body.append(line.rstrip() if not line.startswith(TYPED) else line)
    while transcript.body and not transcript.body[-1]:
        transcript.body.pop()
    return transcript


def shown(text: str) -> Iterable[str]:
    """Text the story showed, as transcript lines."""
    for line in text.split("\n"):
        yield (SHOWN + line).rstrip()


def typed(text: str) -> str:
    return f"{TYPED} {text}" if text else TYPED
