"""The warm process every participant's session is forked from.

Starting a session from nothing costs well over a second of CPU (Python, Textual, the player's
screens, the story), so a room of thirty opening the link together would wait half a minute. The
server instead starts this process once: it imports all of that, loads the story, and then forks
one child per browser tab. A child starts in a few hundredths of a second, and the pages it
inherits stay shared with every other session until one of them writes to them.

    python -m experience.workshop.zygote --control-fd FD STORY [--room NAME --rooms-db PATH] [--lang LANG]

The server holds the other end of a Unix socket (SOCK_SEQPACKET: one message a packet), FD here.
Each packet is one JSON object:

- server to zygote: {"spawn": ID, "columns": W, "rows": H, "folder": PATH, "ask_code": BOOL},
  with two descriptors attached (the child's stdin and stdout: pipes whose other ends the server
  keeps); the folder, made by the server, is the session's own (ephemeral.py), and "ask_code"
  says whether it begins at the join screen; {"signal": PID, "number": N}
  to signal one of the children, which only this process can do without risk of signalling a
  stranger that was given the same number after the child was gone;
- zygote to server: {"started": ID, "pid": PID}, {"failed": ID, "why": TEXT} when no child could
  be made, and {"ended": PID, "status": S} when a child has ended (S is its exit code, or minus
  the signal that ended it).

When the server's end of the socket closes (the server stopped, or was killed), this process
ends. Its children do not depend on it: each one ends when its own stdin closes, which is when the
server is gone, and each deletes its own folder then.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import json
import os
import selectors
import signal
import socket
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..i18n import _

PACKET = 4096  # every control message is far smaller


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m experience.workshop.zygote",
        description=_("Forks participants' sessions for 'experience serve'; started by it."),
    )
    parser.add_argument("story", metavar="STORY_DIR")
    parser.add_argument("--control-fd", type=int, required=True, metavar="FD", help=_("the server's socket"))
    parser.add_argument("--room", metavar="NAME", help=_("the room that paces the sessions"))
    parser.add_argument("--rooms-db", metavar="PATH", help=_("the rooms file shared with the facilitator"))
    parser.add_argument(
        "--lang", metavar="LANG", help=_("the language each session begins in, until its participant chooses another")
    )
    return parser


class Zygote:
    def __init__(self, control: socket.socket, args: argparse.Namespace, story: Any) -> None:
        self.control = control
        self.args = args
        self.story = story
        self.children: set[int] = set()
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)

    def serve(self) -> None:
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)  # only to wake the selector
        signal.set_wakeup_fd(self._wake_write)
        selector = selectors.DefaultSelector()
        selector.register(self.control, selectors.EVENT_READ, "control")
        selector.register(self._wake_read, selectors.EVENT_READ, "child")
        while True:
            for key, _events in selector.select():
                if key.data == "child":
                    self._drain_wakeups()
                    self._reap()
                elif not self._take_request():
                    return

    def _drain_wakeups(self) -> None:
        try:
            while os.read(self._wake_read, 512):
                pass
        except BlockingIOError:
            pass

    def _take_request(self) -> bool:
        """One message from the server; False when the server is gone."""
        try:
            data, fds, _flags, _address = socket.recv_fds(self.control, PACKET, 2)
        except (ConnectionResetError, BrokenPipeError):
            return False
        except InterruptedError:
            return True
        if not data:
            for fd in fds:
                os.close(fd)
            return False
        try:
            request = json.loads(data)
        except ValueError:
            request = {}
        if "spawn" in request and len(fds) == 2:
            self._spawn(request, fds[0], fds[1])
        else:
            for fd in fds:
                os.close(fd)
            if "signal" in request:
                self._signal(request)
        return True

    def _spawn(self, request: dict[str, Any], stdin: int, stdout: int) -> None:
        try:
            pid = os.fork()
        except OSError as error:  # out of processes or memory: this tab is told, the rest go on
            os.close(stdin)
            os.close(stdout)
            self._say(failed=request["spawn"], why=str(error))
            return
        if pid == 0:
            self._become_session(stdin, stdout, request)  # never returns
        os.close(stdin)
        os.close(stdout)
        self.children.add(pid)
        self._say(started=request["spawn"], pid=pid)

    def _signal(self, request: dict[str, Any]) -> None:
        pid, number = request.get("signal"), request.get("number")
        if pid in self.children and isinstance(number, int):  # never reaped yet, so still ours
            try:
                os.kill(pid, number)
            except (ProcessLookupError, ValueError):
                pass

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.children.discard(pid)
            self._say(ended=pid, status=os.waitstatus_to_exitcode(status))

    def _say(self, **message: Any) -> None:
        try:
            self.control.send(json.dumps(message).encode())
        except OSError:
            pass  # the server is gone; the selector will see it

    # -- in the child -----------------------------------------------------------------------------
    def _become_session(self, stdin: int, stdout: int, request: dict[str, Any]) -> None:
        code = 1
        try:
            signal.set_wakeup_fd(-1)
            for number in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(number, signal.SIG_DFL)
            self.control.close()
            os.close(self._wake_read)
            os.close(self._wake_write)
            os.dup2(stdin, 0)
            os.dup2(stdout, 1)
            os.close(stdin)
            os.close(stdout)
            os.environ["COLUMNS"] = str(int(request.get("columns", 80)))
            os.environ["ROWS"] = str(int(request.get("rows", 24)))
            code = run_session(
                self.story, self.args, folder=str(request["folder"]), ask_code=request.get("ask_code") is True
            )
        except SystemExit as leaving:
            code = leaving.code if isinstance(leaving.code, int) else 1
        except BaseException:
            code = 2
        finally:
            os._exit(code)


def run_session(story: Any, args: argparse.Namespace, *, folder: str, ask_code: bool) -> int:
    from ..cli import run
    from .participant import keep_words_off_the_host, leave_cleanly_when_told_to, participate

    keep_words_off_the_host()
    leave_cleanly_when_told_to()
    return run(
        functools.partial(participate, story), argparse.Namespace(**vars(args), folder=folder, ask_code=ask_code)
    )


def warm_up(args: argparse.Namespace) -> Any:
    """Everything a session needs that is the same for every session, done once, here: the
    imports, the story, and one rehearsal of a session (headless, with nothing kept), which
    fills every cache a first screen needs (styles parsed, glyphs measured, lazy imports made).

    The language is state every child inherits: the one the server was asked for (`--lang`), in
    which the story is read too, where it has a translation. It is only where each session
    begins: a participant who chooses another on the join screen changes their own process alone."""
    from ..story import load_story
    from . import participant
    from .serving import story_language

    share_stylesheet_parses()
    participant.preload()
    root = Path(args.story)
    story = load_story(root, story_language(root, args.lang))
    try:
        asyncio.run(rehearse(story))
    except Exception:  # noqa: S110 - a rehearsal is only a head start; the sessions work without it
        pass
    gc.collect()
    gc.freeze()  # what is here now is never scanned again, so its pages stay shared after a fork
    return story


async def rehearse(story: Any) -> None:
    """One session from the arrival to its first scene, as a participant would take it."""
    from ..progress.session import Session
    from ..progress.store import Store
    from .participant import ParticipantApp

    with tempfile.TemporaryDirectory(prefix="experience-rehearsal-") as folder:
        store = Store.open(Path(folder))
        try:
            app = ParticipantApp(Session.resume(story, store, "rehearsal"))
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
        finally:
            store.close()


def share_stylesheet_parses() -> None:
    """Let every stylesheet in this process share one cache of parsed CSS.

    Textual caches what it parses in each `Stylesheet`, and an app makes several (one more each
    time the theme's variables are set), each parsing every widget's CSS again: a third of a
    session's start. The parsed rules depend only on the CSS, where it came from and the
    variables, and are never changed once made, so one cache keyed on all of those serves every
    stylesheet; the rehearsal fills it before any session is forked.
    """
    from textual.css.stylesheet import Stylesheet

    parse = Stylesheet._parse_rules
    if getattr(parse, "shared", False):
        return
    parsed: dict[tuple[Any, ...], Any] = {}

    def shared(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    shared.shared = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = shared  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    from ..i18n import resolve_language, use_language

    use_language(resolve_language().tag)  # its own help, in the system's language
    args = build_parser().parse_args(argv)
    use_language(resolve_language(args.lang).tag)  # every session's own words begin in it (see warm_up)
    control = socket.socket(fileno=args.control_fd)
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_IGN)  # the server decides when this ends
    try:
        story = warm_up(args)
    except Exception as error:  # the server checked the story; this is a broken install or disk
        print(
            _("experience: sessions cannot be started ({kind}: {error}).").format(
                kind=type(error).__name__, error=error
            ),
            file=sys.stderr,
        )
        return 1
    Zygote(control, args, story).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
