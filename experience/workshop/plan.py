"""A plan for the time a workshop has: which way through fits, and what the time beside it is for.

The longest way through that fits the minutes available is proposed (all of the story, if that
fits); a story with one way has only that. The time left over is shared out as a welcome, time to
talk between the movements, and a closing, in whole minutes, so the timeline ends when the
workshop does. If no way fits, the shortest is proposed, and the plan says plainly by how much it
runs over rather than squeezing the story.

`experience runsheet --minutes N` prints the plan; `experience facilitate --minutes N` follows
it: the room keeps its way through, and the movements that way passes over (facilitation.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _
from ..story.model import Story
from ..story.routes import route_names
from .runsheet import Intro, RunSheet, build, timeline
from .runsheet_words import listed, minutes_text

MIN_BESIDE = 5  # minutes: less than this beside a movement is not worth a line of its own


@dataclass(frozen=True)
class Plan:
    minutes: float  # the time available
    sheet: RunSheet  # the way proposed, its timeline with the time beside the story
    longest: RunSheet  # the longest way through, to say what was left out
    shortest: RunSheet

    @property
    def route(self) -> str | None:
        return self.sheet.route

    @property
    def spare(self) -> float:
        """Minutes beside the story; negative when even the shortest way runs over."""
        return self.minutes - self.sheet.total_minutes

    @property
    def skipped(self) -> tuple[int, ...]:
        """The movements (numbered from 0) that the way proposed passes over."""
        return tuple(i for i, m in enumerate(self.sheet.movements) if m.skipped)

    def intro(self) -> Intro:
        """What the plan says before the run-sheet, in plain words."""
        sheet, available = self.sheet, minutes_text(self.minutes)
        names = [m.name for _n, m in sheet.planned]
        passed = [m.name for m in sheet.movements if m.skipped]
        takes, over = minutes_text(sheet.total_minutes), minutes_text(-self.spare)
        if self.spare < 0:
            said = [
                _(
                    "Even the shortest way through, “{way}”, takes {takes}: {over} more than you have. "
                    "Consider two sittings, or keep the time to talk short."
                ).format(way=sheet.route, takes=takes, over=over)
                if sheet.route
                else _(
                    "The story takes {takes}: {over} more than you have. Consider two sittings, or keep "
                    "the time to talk short."
                ).format(takes=takes, over=over)
            ]
        elif sheet is self.longest:
            said = [
                _("All of the story fits: it takes {takes} of your {available}.").format(
                    takes=takes, available=available
                )
            ]
        else:
            said = [
                _(
                    "All of the story (“{longest}”) takes {all}, more than {available}. The way “{way}” fits, "
                    "in {takes}: it comes to {names}, and passes over {passed}."
                ).format(
                    longest=self.longest.route,
                    all=minutes_text(self.longest.total_minutes),
                    available=available,
                    way=sheet.route,
                    takes=takes,
                    names=listed(names),
                    passed=listed(passed),
                )
            ]
        if self.spare >= MIN_BESIDE:
            said.append(
                _(
                    "That leaves {spare} beside the story: the timeline below shares it out as a welcome, "
                    "time to talk and a closing. Move it about as the group needs."
                ).format(spare=minutes_text(self.spare))
            )
        if sheet.ways:
            said.append(
                _(
                    "Each participant chooses their own way through, in the story itself: say which one the "
                    "group is taking before anyone chooses."
                )
            )
        command = f"experience facilitate --minutes {self.minutes:g}"
        said.append(
            _(
                "In the console, '{command}' follows this plan: n opens the next movement on it, passing over "
                "{passed}. Anyone on another way can still walk those at their own pace."
            ).format(command=command, passed=listed(passed))
            if passed
            else _(
                "In the console, '{command}' follows this plan: the timer of each movement is set to its time here."
            ).format(command=command)
        )
        return _("A plan for {available}").format(available=available), said


def propose(story: Story, minutes: float) -> Plan:
    """The plan for `minutes` (see the module's docstring)."""
    names = route_names(story)
    sheets = [build(story, route=name) for name in names] if names else [build(story)]
    longest = max(sheets, key=lambda s: s.total_minutes)
    shortest = min(sheets, key=lambda s: s.total_minutes)
    fitting = [s for s in sheets if s.total_minutes <= minutes]
    chosen = max(fitting, key=lambda s: s.total_minutes) if fitting else shortest
    chosen.timeline = timeline(chosen, share(minutes - chosen.total_minutes, [i for i, _movement in chosen.planned]))
    return Plan(minutes, chosen, longest, shortest)


def share(spare: float, movements: list[int]) -> dict[int | None, float]:
    """Whole minutes beside the story: before the first movement (None) and after each of
    `movements`; fewer places when there is little to share, the rest at the close."""
    if spare < MIN_BESIDE or not movements:
        return {}
    candidates: tuple[list[int | None], ...] = ([None, *movements], [None, movements[-1]], [movements[-1]])
    places = next((c for c in candidates if spare // len(c) >= MIN_BESIDE), candidates[-1])
    each = float(spare // len(places))
    shared = dict.fromkeys(places, each)
    shared[movements[-1]] += spare - each * len(places)
    return shared
