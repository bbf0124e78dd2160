"""What a room's server allows each browser tab, decided before anything reaches a session.

Everyone who can reach the server's address can open a tab and send it anything, before they
know the join code as much as after. So the server, not each session's process, keeps:

- the size of a terminal, on every path (the page's address and every resize): a huge one costs
  the session memory and the tab megabytes of screen;
- how much input a tab may send: a message is a key, a mouse movement or one paste, and a person
  sends a few dozen a second at most. Beyond that, input is left out rather than queued, so a
  flood costs a session nothing (today's browsers never come near it);
- places: the room's limit counts participants who have joined; tabs still at the join screen
  have a limit of their own, a few per computer, and a time within which to join;
- join-code guesses, per computer and for the whole room, so that opening a fresh tab starts no
  fresh count and many computers together still guess hopelessly slowly.

Plain values and classes with an injectable clock: nothing here does any input or output.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

# -- the terminal's size --------------------------------------------------------------------------------
COLUMNS = (20, 300)  # a phone held upright is about 40; a wide screen with a small font, 250
ROWS = (8, 120)


def clamp_size(columns: object, rows: object, default: tuple[int, int] = (80, 24)) -> tuple[int, int]:
    """A terminal size a browser sent (in a query string, or as JSON numbers), kept sensible."""
    return _clamp(columns, default[0], COLUMNS), _clamp(rows, default[1], ROWS)


def _clamp(value: object, default: int, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return default
    try:
        number = int(float(value)) if isinstance(value, str) else int(value)
    except (ValueError, OverflowError):
        return default
    return max(bounds[0], min(bounds[1], number))


# -- input ----------------------------------------------------------------------------------------------
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
LONGEST_KEY = 64  # a key, a mouse report, a word from an input method; anything longer is a paste
LONGEST_FRAME = 1024 * 1024  # one websocket message larger than this closes the tab: it is no person


@dataclass(frozen=True)
class InputLimits:
    paste: int  # characters in one paste
    burst: float  # events (keys, mouse reports, pastes) in a moment
    per_second: float  # events a second, sustained
    text_burst: float  # characters in a moment
    text_per_second: float


BEFORE_JOINING = InputLimits(paste=256, burst=240, per_second=120, text_burst=2048, text_per_second=512)
AFTER_JOINING = InputLimits(paste=32768, burst=240, per_second=120, text_burst=65536, text_per_second=16384)


class Bucket:
    """A token bucket: up to `burst` at once, refilled at `rate` a second."""

    def __init__(self, burst: float, rate: float, clock: Callable[[], float]):
        self.burst, self.rate, self.clock = burst, rate, clock
        self.tokens = burst
        self.last = clock()

    def take(self, amount: float) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if amount > self.tokens:
            return False
        self.tokens -= amount
        return True


class Allowance:
    """What one tab may still send; `admit` says whether a piece of input goes through."""

    def __init__(self, limits: InputLimits, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self._events = Bucket(limits.burst, limits.per_second, clock)
        self._text = Bucket(limits.text_burst, limits.text_per_second, clock)

    def admit(self, data: str) -> bool:
        pasted = data.startswith(PASTE_START)
        if len(data) > (self.limits.paste + len(PASTE_START) + len(PASTE_END) if pasted else LONGEST_KEY):
            return False
        # a key or a mouse report (one escape sequence) is one event; loose characters are one each
        events = 1 if pasted or data.startswith("\x1b") else len(data)
        return self._events.take(events) and self._text.take(len(data))


# -- places ---------------------------------------------------------------------------------------------
ARRIVING_SPARE = 10  # tabs at the join screen beyond the room's size: a whole room can arrive at once
ARRIVING_PER_CLIENT = 4  # tabs at the join screen from one computer at once
JOIN_WITHIN = 10 * 60.0  # seconds a tab may sit at the join screen


class Places:
    """Who is in the room (joined) and who is at its door (still at the join screen).

    Only ever touched from the server's one event loop, with no pause between a check and its
    count, so two tabs opening together cannot both take the last place.
    """

    def __init__(self, room: int, *, arriving: int | None = None, per_client: int = ARRIVING_PER_CLIENT):
        self.room = room
        self.arriving_limit = room + ARRIVING_SPARE if arriving is None else arriving
        self.per_client = per_client
        self.joined = 0
        self._arriving: dict[str, int] = {}

    @property
    def arriving(self) -> int:
        return sum(self._arriving.values())

    def is_full(self) -> bool:
        return self.joined >= self.room

    def arrive(self, client: str, *, joined: bool) -> Place | None:
        """A place for a new tab, or None: the room is full, or too many are at its door."""
        if self.is_full():
            return None
        if joined:
            self.joined += 1
            return Place(self, client, joined=True)
        here = self._arriving.get(client, 0)
        if self.arriving >= self.arriving_limit or here >= self.per_client:
            return None
        self._arriving[client] = here + 1
        return Place(self, client, joined=False)

    def _leave_door(self, client: str) -> None:
        left = self._arriving.get(client, 0) - 1
        if left > 0:
            self._arriving[client] = left
        else:
            self._arriving.pop(client, None)


@dataclass
class Place:
    places: Places
    client: str
    joined: bool
    gone: bool = False

    def join(self) -> bool:
        """From the door into the room; False if the room filled up meanwhile."""
        if self.joined or self.gone:
            return self.joined
        if self.places.is_full():
            return False
        self.places._leave_door(self.client)
        self.places.joined += 1
        self.joined = True
        return True

    def leave(self) -> None:
        if self.gone:
            return
        self.gone = True
        if self.joined:
            self.places.joined -= 1
        else:
            self.places._leave_door(self.client)


# -- join-code guesses -----------------------------------------------------------------------------------
LONGEST_WAIT = 30.0  # seconds between one computer's tries, at most
ROOM_GUESSES = (20, 60.0)  # at most 20 wrong codes a minute, from everyone together
REMEMBERED = 4096  # computers whose wrong tries are remembered (the oldest are forgotten first)
FORGET_AFTER = 3600.0


@dataclass
class _Tries:
    wrong: int = 0
    last: float = 0.0


@dataclass
class Guesses:
    """Wrong join codes, counted per computer and for the whole room.

    After n wrong tries a computer waits 2**(n-1) seconds (at most LONGEST_WAIT) before its next
    try is even looked at; and when the room as a whole has had its ROOM_GUESSES, everyone waits
    until the oldest of them is a minute old. With 31**6 codes that is decades of guessing, while
    a person who mistypes waits a second.
    """

    clock: Callable[[], float] = time.monotonic
    room: tuple[int, float] = ROOM_GUESSES
    _clients: OrderedDict[str, _Tries] = field(default_factory=OrderedDict)
    _recent: deque[float] = field(default_factory=deque)

    def wait(self, client: str) -> float:
        """Seconds before `client` may try a code; 0 if now."""
        now = self.clock()
        allowed, window = self.room
        while self._recent and now - self._recent[0] >= window:
            self._recent.popleft()
        room_wait = window - (now - self._recent[0]) if len(self._recent) >= allowed else 0.0
        tries = self._clients.get(client)
        own_wait = 0.0
        if tries is not None and tries.wrong:
            own_wait = min(2.0 ** (tries.wrong - 1), LONGEST_WAIT) - (now - tries.last)
        return max(room_wait, own_wait, 0.0)

    def wrong(self, client: str) -> None:
        now = self.clock()
        tries = self._clients.pop(client, None) or _Tries()
        tries.wrong += 1
        tries.last = now
        self._clients[client] = tries  # the most recent at the end
        self._recent.append(now)
        while self._clients:
            oldest = next(iter(self._clients.values()))
            if len(self._clients) <= REMEMBERED and now - oldest.last < FORGET_AFTER:
                break
            self._clients.popitem(last=False)

    def right(self, client: str) -> None:
        self._clients.pop(client, None)
