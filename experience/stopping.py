"""When the system asks the program to stop: SIGTERM (a shutdown, `kill`) and SIGHUP (the
terminal window closed, an ssh connection dropped).

Python's default for both is to end the process on the spot: no `finally` runs, a half-written
answer is gone and the database is not closed. While a player runs, `when_told_to_stop` hands
either signal to the player instead, which keeps what is typed and leaves as it would on `q`.
From the first such signal on, further ones are ignored, so that the leaving (keeping the draft,
closing the database) is never cut short by a second one; SIGKILL still ends everything.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
HANG_UP = getattr(signal, "SIGHUP", signal.SIGTERM)  # a terminal gone: what its closing sends, where there is one


@contextmanager
def when_told_to_stop(stop: Callable[[int], None]) -> Iterator[None]:
    """Call `stop(signum)` on SIGTERM or SIGHUP while inside, in the main thread, between two
    steps of whatever it is doing (it may raise, to end a wait for input).

    On the way out the handlers that were there before come back, unless a stop signal came:
    then the program is leaving, and they stay ignored until it has.
    """
    if threading.current_thread() is not threading.main_thread():  # only the main thread has signals
        yield
        return
    told = False

    def handler(signum: int, frame: object) -> None:
        nonlocal told
        if not told:
            told = True
            for each in STOP_SIGNALS:
                signal.signal(each, signal.SIG_IGN)
            stop(signum)

    previous = {each: signal.signal(each, handler) for each in STOP_SIGNALS}
    try:
        yield
    finally:
        if not told:
            for each, before in previous.items():
                signal.signal(each, before)
