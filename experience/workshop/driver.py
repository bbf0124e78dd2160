"""A participant's session speaks to the server through textual-serve's WebDriver, with two
additions: the workshop's own messages (channel.py) both ways, and an end when the server is gone.

The server holds the only other end of this process's stdin. When it closes, the server has
stopped or been killed, nobody can reach this session any more, and it ends at once, its folder
with it, rather than keep someone's words with no one to give them to.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from textual.drivers.web_driver import WebDriver
from textual.message import Message

from . import channel


class FromServer(Message):
    """A workshop message from the server (channel.py says which kinds there are)."""

    def __init__(self, kind: str, fields: dict[str, Any]) -> None:
        super().__init__()
        self.kind = kind
        self.fields = fields


class ServerGone(Message):
    """The server's end of this session has closed: it has stopped, or was killed."""


def _write_quietly(fd: int, data: bytes) -> int:
    """Write to the server; after it has gone there is no one to tell, and nothing to say so."""
    try:
        return os.write(fd, data)
    except OSError:
        return 0


class SessionDriver(WebDriver):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._write = partial(_write_quietly, self.fileno)

    def tell_server(self, kind: str, **fields: Any) -> None:
        self.write_meta(channel.message(kind, **fields))

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type.startswith(channel.PREFIX):
            self._app.post_message(FromServer(packet_type, dict(payload)))
        else:
            super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # the input ended by itself: stdin closed under us
            self._app.post_message(ServerGone())
