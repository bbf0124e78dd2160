"""A participant's session in a workshop room: the player, held at the room's gates, with a
heartbeat to the room, a journal that goes home with them, and nothing left behind.

The server forks one of these for each browser tab from a warm process (zygote.py), which has
already imported everything here and loaded the story; `participate` is what each child runs.

What it does differently from `experience play`:
- its progress lives in a folder of its own that is deleted when the session ends (ephemeral.py),
  and it ends by itself the moment the server that started it is gone (driver.py);
- the join code comes before anything else, and nothing of the story is built until the server
  says the code is right (the code itself never reaches this process);
- before a step into a movement the facilitator has not opened, it waits (WaitingScreen): the
  player is given a `RoomGate` as its gate, and knows nothing else of rooms; before the session
  has begun, the first scene waits the same way (the lobby);
- it tells the room, as counts only, when the participant is pausing or stepping out, and when
  they press m to say they need a moment; and it shows the facilitator's messages to everyone;
- d delivers the journal to the browser as Markdown, and leaving offers it once more;
- what it prints never reaches the host's console: a crash report could quote someone's words.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.events import Mount
from textual.screen import Screen

from ..i18n import N_, _, lazy
from ..tui.app import APP_CSS, ExperienceApp
from ..tui.screens.scene import SceneScreen
from . import channel
from .driver import FromServer, ServerGone, SessionDriver
from .keepsake import FILE_NAME, MIME_TYPE, ON_ITS_WAY, journal_markdown
from .presets import message_words
from .room import HEARTBEAT_SECONDS, RoomError
from .screens.arrival import HELD_FOR_THE_SESSION
from .screens.participant_scene import ParticipantSceneScreen
from .screens.waiting import POLL_SECONDS, WaitingScreen

ROOM_LOOK_SECONDS = 2.0  # how often a session looks for a message, and whether a pause has ended
FROM_FACILITATOR = lazy("From your facilitator")
MOMENT_SENT = lazy(
    "Your facilitator can see that someone in the room would like a moment: never who. It fades by "
    "itself in a few minutes. If it would help, p opens a pause."
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..care.crisis import Concern
    from ..progress.session import Session, Step
    from ..story import Story
    from .pacing import Pacing
    from .screens.join import JoinScreen

WORKSHOP_CSS = Path(__file__).with_name("workshop.tcss")
NOT_YET_JOINED = ("journal", "pause", "download")
TOO_MUCH_AT_ONCE = lazy("That was more than can be pasted at once, so it was left out. Shorter pieces are fine.")


class RoomGate:
    """The room's gate, as the player's `Gate`: a step into a movement the facilitator has not
    opened waits on `WaitingScreen`, and the room is told that someone is waiting (a count only).

    The player asks for the step again once the gate opens, so its check-in still comes first.
    """

    def __init__(self, pacing: Pacing, *, poll: float = POLL_SECONDS) -> None:
        self.pacing = pacing
        self.poll = poll  # how often a waiting participant asks whether the gate is open

    def hold(self, step: Step) -> WaitingScreen | None:
        if step.target is None:
            return None  # the step itself will say what is wrong
        movement = self.pacing.holds(step.target)
        if movement is None:
            return None
        pacing = self.pacing
        pacing.held(True)
        return WaitingScreen(lambda: pacing.is_open(movement), poll=self.poll, leaving=lambda: pacing.held(False))


class ParticipantApp(ExperienceApp):
    CSS_PATH = [APP_CSS, WORKSHOP_CSS]
    BINDINGS = [
        Binding("d", "download", N_("Download journal")),
        Binding("m", "moment", N_("Need a moment"), tooltip=N_("Let the facilitator know, without your name.")),
    ]
    JOURNAL_EMPTY = lazy(
        "Nothing here yet. When a scene asks you a question, whatever you choose to write is kept "
        "here, and the facilitator never sees it. {held} Press d to take a copy home.",
        held=HELD_FOR_THE_SESSION,
    )

    def __init__(
        self,
        session: Session,
        *,
        pacing: Pacing | None = None,
        ask_code: bool = False,
        heartbeat: float = HEARTBEAT_SECONDS,
        poll: float = POLL_SECONDS,
        look: float = ROOM_LOOK_SECONDS,
        languages: tuple[str, ...] = (),
        in_language: Callable[[str], Session] | None = None,
    ) -> None:
        super().__init__(session, gate=RoomGate(pacing, poll=poll) if pacing is not None else None)
        self.pacing = pacing
        self._joined = not ask_code
        self._heartbeat = heartbeat
        self._poll = poll
        self._look = look
        self._leaving = False
        self._message_seen: float | None = None  # when the last message shown was sent
        self._languages = languages  # those the story can be read in, offered on the join screen
        self._in_language = in_language  # the session again, its story read in another language

    # -- arriving ---------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        """The bottom of the stack, which stays there, out of sight: the join screen, or nothing.
        The scene is built only once the arrival has been read, so the first screen a room of
        participants waits for is the arrival's alone."""
        if self._joined:
            return Screen()
        from .screens.join import JoinScreen

        return JoinScreen(
            self.session.story.title, lambda typed: self.tell_server(channel.JOIN, code=typed), self._languages
        )

    @on(Mount)
    def _begin(self, event: Mount) -> None:
        event.prevent_default()  # not the player's own welcome, which speaks of keeping things here
        if self._joined:
            self._arrive()

    # -- the server ----------------------------------------------------------------------------------
    def tell_server(self, kind: str, **fields: Any) -> None:
        """A workshop message to the server (channel.py); nothing when no server serves this app."""
        if isinstance(self._driver, SessionDriver):
            self._driver.tell_server(kind, **fields)

    def on_from_server(self, message: FromServer) -> None:
        from .screens.join import JoinScreen

        if message.kind == channel.ANSWER:
            join = self.screen_stack[0] if self.screen_stack else None
            if isinstance(join, JoinScreen) and not self._joined:
                fields = message.fields
                wait = fields.get("wait")
                why = fields.get("why")
                join.answered(
                    fields.get("ok") is True,
                    wait=float(wait) if isinstance(wait, int | float) else 0.0,
                    why=why if isinstance(why, str) else channel.WHY_WRONG,
                )
        elif message.kind == channel.DROPPED:
            self.notify(str(TOO_MUCH_AT_ONCE), severity="warning", timeout=8)

    def on_server_gone(self, message: ServerGone) -> None:
        """Nobody can reach this session any more, so it ends now and its folder goes with it,
        rather than keep someone's words for ever."""
        self._leaving = True  # no farewell: there is no browser left to show it
        self.exit()

    def on_join_screen_joined(self, message: JoinScreen.Joined) -> None:
        # The join screen stays underneath, out of sight and holding nothing. (Textual cannot
        # switch away from the first screen of the stack.)
        self._joined = True
        chosen = message.language
        if chosen and self._in_language is not None and chosen != self.session.story.language:
            self.session = self._in_language(chosen)  # nothing is kept yet: a fresh session, in their words
            self.title = self.session.story.title
        self._arrive()

    def _arrive(self) -> None:
        from .screens.arrival import ArrivalScreen

        if self.pacing is not None:
            self.pacing.arrive()
            self._message_seen = self.pacing.clock()  # what was said before they came is not for them
            self.set_interval(self._heartbeat, self.pacing.heartbeat)
            self.set_interval(self._look, self._look_at_room)
        self.push_screen(ArrivalScreen(self.session.story.title), self._after_arrival)

    def _after_arrival(self, _: object) -> None:
        """Into the first scene, after the lobby if the facilitator has not begun yet."""
        pacing = self.pacing
        if pacing is None or pacing.begun():
            self._into_the_story()
            return
        pacing.held(True)
        self.push_screen(
            WaitingScreen(pacing.begun, poll=self._poll, leaving=lambda: pacing.held(False), lobby=True),
            lambda _: self._into_the_story(),
        )

    def _into_the_story(self) -> None:
        self.session.start()
        self.push_screen(ParticipantSceneScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "moment":
            return self._joined and self.pacing is not None
        return self._joined or action not in NOT_YET_JOINED

    # -- care the room can see, as numbers ----------------------------------------------------------
    def action_moment(self) -> None:
        if self.pacing is not None:
            self.pacing.need_a_moment()
            self.notify(str(MOMENT_SENT), timeout=10, markup=False)

    def open_pause(self, then: Callable[[], object] | None = None) -> None:
        super().open_pause(then)
        self.call_after_refresh(self._tell_room_how_they_are)

    def action_step_out(self) -> None:
        super().action_step_out()
        self.call_after_refresh(self._tell_room_how_they_are)

    def open_support(self, *, concern: Concern | None = None) -> None:
        super().open_support(concern=concern)
        self.call_after_refresh(self._tell_room_how_they_are)

    def _tell_room_how_they_are(self) -> None:
        """Pausing (the pause screen), or stepping out (the support lines, or the way out with
        them): the room hears which, as a count, never why."""
        from ..tui.screens.pause import PauseScreen
        from ..tui.screens.step_out import StepOutScreen
        from ..tui.screens.support import SupportScreen

        if self.pacing is not None:
            stack = self.screen_stack
            self.pacing.resting(
                pausing=any(isinstance(s, PauseScreen) for s in stack),
                stepped_out=any(isinstance(s, StepOutScreen | SupportScreen) for s in stack),
            )

    def _look_at_room(self) -> None:
        """Every few seconds: has a pause ended, and has the facilitator said something to everyone?"""
        self._tell_room_how_they_are()
        if self.pacing is None:
            return
        try:
            room = self.pacing.look()
        except RoomError:
            return  # busy for a moment: the next look will do
        if room is None or not room.message or room.message_at is None:
            return
        if self._message_seen is None or room.message_at > self._message_seen:
            self._message_seen = room.message_at
            self.notify(message_words(room), title=str(FROM_FACILITATOR), timeout=20, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if not self._joined:
            return
        yield SystemCommand(_("Download my journal"), _("Your answers as a file, to keep (d)"), self.action_download)
        yield from super().get_system_commands(screen)

    # -- telling the room where they are ---------------------------------------------------------
    def on_scene_screen_shown(self, message: SceneScreen.Shown) -> None:
        stack = self.screen_stack  # (empty for a moment while one screen gives way to another)
        if stack and isinstance(stack[-1], WaitingScreen):  # drawn as the wait began: not there yet
            return
        if self.pacing is not None:
            self.pacing.at_scene(message.scene, ending=self.session.story.scenes[message.scene].end)

    def on_unmount(self) -> None:
        if self.pacing is not None:
            self.pacing.leave()

    # -- the journal goes home with them --------------------------------------------------------------
    def deliver_journal(self) -> None:
        self.deliver_text(
            io.StringIO(journal_markdown(self.session)),
            save_filename=FILE_NAME,
            mime_type=MIME_TYPE,
            open_method="download",
        )

    def action_download(self) -> None:
        self.deliver_journal()
        self.notify(str(ON_ITS_WAY), timeout=6)

    def exit(self, result: str | None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Every way out (ctrl+q, "leave for now" at an ending, "stop for today") passes the
        farewell first when there are words to take: once the session ends they are gone.
        (Closing the tab does not come here: the browser has already gone.)"""
        if self._leaving or return_code != 0 or not self._joined or not self.session.journal.entries():
            super().exit(result, return_code, message)
            return
        from .screens.farewell import FarewellReply, FarewellScreen

        def answered(reply: FarewellReply | None) -> None:
            if reply is FarewellReply.LEAVE:
                self._leaving = True
                super(ParticipantApp, self).exit(result, return_code, message)

        if not isinstance(self.screen, FarewellScreen):
            self.push_screen(FarewellScreen(download=self.action_download), answered)


# -- the process --------------------------------------------------------------------------------------
def preload() -> None:
    """Import what every session uses, so that the warm process holds it once for all of them."""
    from textual import scrollbar  # noqa: F401 - the one widget module a first screen still imported
    from textual.drivers import web_driver  # noqa: F401

    from ..progress import session, store  # noqa: F401
    from ..tui.screens import journal, pause, scene, step_out, support  # noqa: F401
    from . import ephemeral, gate, pacing, room  # noqa: F401
    from .screens import arrival, farewell, join, waiting  # noqa: F401


def participate(story: Story, args: argparse.Namespace) -> int:
    """One participant's session, in this process, until it ends; its folder goes with it."""
    from ..i18n import use_language
    from ..progress.session import Session, story_key
    from ..progress.store import Store
    from ..story import load_story
    from ..story.catalogue import translations_in
    from .ephemeral import SessionFolder
    from .gate import Movements
    from .pacing import Pacing
    from .room import Rooms

    rooms = None
    with SessionFolder(Path(args.folder)) as folder:
        store = Store.open(folder.path)
        try:
            pacing = None
            if args.room and args.rooms_db:
                rooms = Rooms.open(Path(args.rooms_db))
                rooms.ensure(args.room, story_key(story))
                pacing = Pacing(rooms, args.room, Movements.of_story(story))
            session = Session.resume(story, store, "participant")

            def in_language(language: str) -> Session:
                use_language(language)
                return Session.resume(load_story(story.root, language), store, "participant")

            own = story.source_language
            languages = (own, *(tag for tag in translations_in(story.root) if tag != own))
            app = ParticipantApp(
                session, pacing=pacing, ask_code=args.ask_code, languages=languages, in_language=in_language
            )
            app.run()
            return app.return_code or 0
        finally:
            store.close()
            if rooms is not None:
                rooms.close()


def keep_words_off_the_host() -> None:
    """Send this process's error output nowhere: Textual's crash report shows local variables,
    which could hold what a participant wrote, and the server copies our stderr to its console.
    (EXPERIENCE_DEBUG=1 keeps it, for a developer on their own machine.)"""
    if os.environ.get("EXPERIENCE_DEBUG"):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process


def leave_cleanly_when_told_to() -> None:
    """A session ended by the server (SIGTERM) or by its terminal closing (SIGHUP) still deletes
    its folder: Python's default for both is to die without running `atexit`."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
