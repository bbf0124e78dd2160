"""What serving a room means, apart from the server that does it: where it listens unless told
otherwise, how many may be in it at once, what the process sessions are forked from is told, and the words the
facilitator reads when it opens.

Nothing here imports textual-serve or aiohttp, so `experience --help` and the serve command's
defaults cost nothing to read; serve.py, which does the serving, imports these.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _, ngettext

DEFAULT_HOST = "127.0.0.1"  # this computer only; any other address asks for a join code
DEFAULT_PORT = 8000
DEFAULT_MAX_PARTICIPANTS = 30  # see bench/bench_serve.py for what one session costs
EVERYWHERE = ("0.0.0.0", "::", "")  # noqa: S104 - recognised here, not bound
# Translators: shown in the join address in place of this computer's, when it cannot be told.
SOMEWHERE_UNKNOWN = N_("<this computer's address>")  # kept in English in the room's address: see shown_address
ROUTE_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737): nothing is sent there, see this_computers_address


@dataclass(frozen=True)
class ServedRoom:
    """What the server serves: the story, where sessions keep their folders, and the room."""

    story_dir: Path
    sessions_dir: Path
    room: str | None = None
    rooms_db: Path | None = None
    lang: str | None = None  # the language each session begins in (`serve --lang`); each may choose another

    def zygote_arguments(self) -> list[str]:
        """What the warm process every session is forked from is told (zygote.py): never the
        join code, which stays in the server."""
        words = [str(self.story_dir)]
        if self.room and self.rooms_db:
            words += ["--room", self.room, "--rooms-db", str(self.rooms_db)]
        if self.lang:
            words += ["--lang", self.lang]
        return words


def story_language(root: Path, lang: str | None) -> str | None:
    """The language a workshop reads the story at `root` in: `lang` (else the system's, see i18n.py)
    when the story has a translation into it, else None, its own words. Unlike `experience play
    --lang`, a story without that translation is not refused: `--lang` for a workshop is first the
    language of the program around it, the console and each session's own words."""
    from ..i18n import resolve_language
    from ..story.load_manifest import declared_language
    from ..story.translation import find_translation

    wanted = resolve_language(lang, None, declared_language(root))
    return wanted.tag if find_translation(root, wanted.tag) is not None else None


def this_computers_address() -> str | None:
    """The address other computers in the room reach this one at, as well as it can be told.

    Connecting a UDP socket sends nothing: it only asks the system which of its addresses it
    would send from. Without a network route, the name the computer gives itself is tried."""
    candidates = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(ROUTE_PROBE)
            candidates.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        candidates.append(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    for address in candidates:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if not (ip.is_loopback or ip.is_unspecified):
            return address
    return None


def join_url(host: str, port: int) -> str:
    """Where participants open the room: the address served on, or this computer's on the
    network when it listens everywhere (SOMEWHERE_UNKNOWN if that cannot be told)."""
    shown = host if host not in EVERYWHERE else (this_computers_address() or SOMEWHERE_UNKNOWN)
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}"


def shown_address(url: str) -> str:
    """A join address as shown, in the language in use. The address is kept (in rooms.db) with
    SOMEWHERE_UNKNOWN in English, since the server and the projector reading it may each speak
    another language; only what is shown says it in the reader's."""
    return url.replace(SOMEWHERE_UNKNOWN, _(SOMEWHERE_UNKNOWN))


def banner(title: str, url: str, room: str | None, code: str | None, limit: int) -> list[str]:
    """What the facilitator reads when the server starts: how to join, and what is kept. Each
    line fits 80 columns with a short room name; longer ones are left to the terminal to fold."""
    # Translators: the labels of these lines are padded to line up their values, in a terminal.
    lines = [
        _("{title}: open to web browsers.").format(title=title),
        "",
        _("  Join at    {url}").format(url=shown_address(url)),
    ]
    if code:
        lines.append(
            _("  Join code  {code}   (asked before anything else; say it aloud or write it up)").format(code=code)
        )
    if room:
        lines.append(_("  Room       {room}   (paced from 'experience facilitate --room {room}';").format(room=room))
        lines.append(_("             its projector view shows this address, the code and a QR code)"))
    else:
        lines.append(_("  No room    each participant goes at their own pace (--room NAME to pace the group)"))
    lines += [
        ngettext("  At most    {limit} participant at once", "  At most    {limit} participants at once", limit).format(
            limit=limit
        ),
        "",
        _("Nothing participants write is kept on this computer after their session ends;"),
        _("each can download their own journal before leaving. Press Ctrl+C to stop."),
    ]
    return lines
