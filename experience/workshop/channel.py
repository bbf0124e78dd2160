"""What the server and a participant's session say to each other, beside the screen itself.

A session's process talks to the server in textual-serve's packets: "D" packets carry the
terminal (keys one way, the screen the other) and "M" packets carry small JSON messages, each
with a "type". Textual and textual-serve use a few types of their own ("resize", "focus", "blur",
"quit", "exit", "open_url", "deliver_file_start", "deliver_chunk_request"); the workshop's own
all begin with "workshop:" and are listed here, once, for both ends:

From the session to the server:
- JOIN {"code": str}: the participant typed a join code. The server checks it (the code never
  reaches the session's process), counts wrong guesses per client and per room, and answers.

From the server to the session:
- ANSWER {"ok": bool, "wait": float, "why": str}: the answer to JOIN. On "ok" the session begins;
  otherwise "why" is one of WHY_WRONG, WHY_WAIT (too many tries: try again in "wait" seconds),
  WHY_FULL (the room filled up meanwhile) or WHY_UNCHECKED (the room's current code could not be
  read just now), and the join screen waits "wait" seconds before the next try.
- DROPPED {}: input from the browser was left out because there was too much of it at once (a
  paste too long to take in one piece); the session says so, kindly.

A new kind of message is one more name here, a handler at each end, and a line above. Either end
ignores a type it does not know, so an older session and a newer server still understand each
other. Nothing here imports Textual or aiohttp: both ends read it.
"""

from __future__ import annotations

import json
from typing import Any

PREFIX = "workshop:"
JOIN = PREFIX + "join"
ANSWER = PREFIX + "join-answer"
DROPPED = PREFIX + "input-dropped"

WHY_WRONG, WHY_WAIT, WHY_FULL, WHY_UNCHECKED = "wrong", "wait", "full", "unchecked"


def message(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **fields}


def decode(payload: bytes) -> dict[str, Any] | None:
    """A meta packet's JSON object, or None if it is not one (never an exception)."""
    try:
        value = json.loads(payload)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) and isinstance(value.get("type"), str) else None
