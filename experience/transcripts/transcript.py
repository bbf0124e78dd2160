"""The transcript file: a play-through as a person reads it, and as a program replays it.

    # comments, then settings, then a blank line
    seed: 0
    width: 78

      Noticing: Arrival            <- shown by the story: two spaces, then the text
                                   <- an empty line shown is an empty line
    @ noticing/arrival             <- the scene the reader is in, written when it changes
    > 1                            <- typed ("> " then the line; ">" alone is Enter)

Every line says by its first characters what it is, so a transcript can be read, written by
hand and compared line by line, and text from the story can never pass for something typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SHOWN, TYPED, SCENE = "  ", ">", "@ "
DEFAULT_SEED = 0
HEADER = (
    '# A play-through, pinned. Lines that begin with ">" are what was typed (">" alone is Enter),',
    '# "@" names the scene the reader is in; every other line is what the story showed.',
    "# Check it still holds with: experience replay STORY_DIR THIS_FILE (--update accepts a change).",
)


class TranscriptError(Exception):
    """A transcript that cannot be read, with the line that says why."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(f"line {line}: {message}")


@dataclass
class Transcript:
    seed: int = DEFAULT_SEED
    width: int = 78
    body: list[str] = field(default_factory=list)  # the lines after the header, as written
    comments: tuple[str, ...] = HEADER  # the header's # lines: an author's own are kept on --update

    @property
    def inputs(self) -> list[str]:
        """What was typed, in order: the lines to give the player again."""
        return [line[len(TYPED) :].removeprefix(" ") for line in self.body if line.startswith(TYPED)]

    @property
    def path(self) -> list[str]:
        return [line[len(SCENE) :] for line in self.body if line.startswith(SCENE)]

    def dump(self) -> str:
        return "\n".join([*self.comments, f"seed: {self.seed}", f"width: {self.width}", "", *self.body]) + "\n"


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
        if not colon or key.strip() not in ("seed", "width"):
            raise TranscriptError(
                number, f"expected 'seed: N', 'width: N' or a # comment before the first blank line, not {line!r}"
            )
        try:
            setattr(transcript, key.strip(), int(value))
        except ValueError:
            raise TranscriptError(number, f"{key.strip()} is a whole number, not {value.strip()!r}") from None
    else:
        number = len(lines)
    transcript.comments = tuple(comments)
    if transcript.width < 20:
        raise TranscriptError(1, "width is at least 20 columns")
    for offset, line in enumerate(lines[number:], number + 1):
        if line and not line.startswith((SHOWN, TYPED, SCENE)):
            raise TranscriptError(
                offset,
                "a line is shown text (two spaces first), typed ('> ' first) or a scene ('@ ' first), "
                f"not {line[:40]!r}",
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
