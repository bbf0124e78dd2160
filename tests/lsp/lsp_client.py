"""A small LSP client for the tests: the real server in a subprocess, JSON-RPC over its pipes.

Messages are framed as the protocol says (a Content-Length header, a blank line, the JSON). A
thread reads the server's messages into a queue; every wait has a deadline, so a server that
stops answering fails a test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

WAIT = 20.0  # seconds: generous for a loaded machine; a healthy answer takes milliseconds


class Client:
    def __init__(self, command: list[str] | None = None, cwd: Path | None = None):
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "experience", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- the wire ---------------------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _next(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the language server did not answer in time")
        try:
            message = self.messages.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError("the language server did not answer in time") from None
        if "method" in message and "id" in message:  # a request from the server: say yes, simply
            self._send({"id": message["id"], "result": None})
        return message

    # -- the protocol -----------------------------------------------------------------------------
    def request(self, method: str, params: Any = None, wait: float = WAIT) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + wait
        while True:
            message = self._next(deadline)
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result")
            if "method" in message and "id" not in message:
                self.notifications.append(message)

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, "params": params})

    def notification(self, method: str, match=lambda params: True, wait: float = WAIT) -> dict[str, Any]:
        """The first notification of `method` whose params `match`, kept or still to come."""
        for index, message in enumerate(self.notifications):
            if message["method"] == method and match(message["params"]):
                return self.notifications.pop(index)["params"]
        deadline = time.monotonic() + wait
        while True:
            message = self._next(deadline)
            if "method" in message and "id" not in message:
                if message["method"] == method and match(message["params"]):
                    return message["params"]
                self.notifications.append(message)

    # -- a session --------------------------------------------------------------------------------
    def initialize(self, root: Path) -> dict[str, Any]:
        result = self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}, "workspaceFolders": None},
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": path.as_uri(),
                    "languageId": "yaml",
                    "version": 1,
                    "text": path.read_text(encoding="utf-8") if text is None else text,
                }
            },
        )

    def change(self, path: Path, text: str, version: int = 2) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": path.as_uri(), "version": version}, "contentChanges": [{"text": text}]},
        )

    def diagnostics(self, path: Path, match=lambda items: True, wait: float = WAIT) -> list[dict[str, Any]]:
        """The next diagnostics published for `path` that `match`."""
        uri = path.as_uri()
        params = self.notification(
            "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and match(p["diagnostics"]), wait
        )
        return params["diagnostics"]

    def at(self, method: str, path: Path, line: int, character: int, **extra: Any) -> Any:
        return self.request(
            method,
            {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}, **extra},
        )

    def close(self) -> int:
        try:
            if self.process.poll() is None:
                self.request("shutdown", wait=5)
                self.notify("exit")
        except (TimeoutError, OSError, RuntimeError):
            pass
        try:
            return self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=5)
        finally:
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
