"""The join code: what stands between a room served on the network and anyone who finds it.

On loopback only this computer can connect, so no code is asked. On any other address the
server makes a short code and says it to the facilitator, and keeps it: what a participant types
is sent to the server, which checks it (tab.py) and counts wrong tries (limits.py); no session's
process ever holds the code. It is compared in constant time, typed however a person types it:
any case, with or without the dash or spaces.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud across a room, they blur
LENGTH = 6  # 31**6 ≈ 890 million; with a pause after each wrong try, far beyond guessing


def make_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:3]}-{raw[3:]}"


def normalise(typed: str) -> str:
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def matches(typed: str, code: str) -> bool:
    return hmac.compare_digest(normalise(typed).encode("utf-8"), normalise(code).encode("utf-8"))


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach `host`. A name other than localhost counts as not."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
