"""What serving a room means, apart from the server that does it: where it listens unless told
otherwise, how many may be in it at once, what the process sessions are forked from is told, and the words the
facilitator reads when it opens.

Nothing here imports textual-serve or aiohttp, so `experience --help` and the serve command's
defaults cost nothing to read; serve.py, which does the serving, imports these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"  # this computer only; any other address asks for a join code
DEFAULT_PORT = 8000
DEFAULT_MAX_PARTICIPANTS = 30  # see bench/bench_serve.py for what one session costs


@dataclass(frozen=True)
class ServedRoom:
    """What the server serves: the story, where sessions keep their folders, and the room."""

    story_dir: Path
    sessions_dir: Path
    room: str | None = None
    rooms_db: Path | None = None

    def zygote_arguments(self) -> list[str]:
        """What the warm process every session is forked from is told (zygote.py): never the
        join code, which stays in the server."""
        words = [str(self.story_dir)]
        if self.room and self.rooms_db:
            words += ["--room", self.room, "--rooms-db", str(self.rooms_db)]
        return words


def banner(title: str, host: str, port: int, room: str | None, code: str | None, limit: int) -> list[str]:
    """What the facilitator reads when the server starts: how to join, and what is kept."""
    everywhere = ("0.0.0.0", "::", "")  # noqa: S104 - recognised here, not bound
    shown = host if host not in everywhere else "<this computer's address>"
    shown = f"[{shown}]" if ":" in shown else shown
    lines = [f"{title}: open to web browsers.", "", f"  Join at    http://{shown}:{port}"]
    if code:
        lines.append(f"  Join code  {code}   (asked before anything else; say it aloud or write it up)")
    if room:
        lines.append(f"  Room       {room}   (paced from 'experience facilitate --room {room}')")
    else:
        lines.append("  No room    each participant goes at their own pace (--room NAME to pace the group)")
    lines += [
        f"  At most    {limit} participants at once",
        "",
        "Nothing participants write is kept on this computer after their session ends;",
        "each can download their own journal before leaving. Press Ctrl+C to stop.",
    ]
    return lines
