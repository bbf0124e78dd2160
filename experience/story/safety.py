"""The care lint: does every heavy moment in a story leave the reader a way through?

A scene marked `intensity: deep` is where a reader may be hurting most. The player checks in
before the first deep scene of a stretch (go on, take the gentler path, pause, or stop for today);
these rules make sure the story gives that check-in something to offer:

- W500: a deep scene says, in a content note, what it touches;
- W501: from a deep scene, a pause is at most a "continue" away: the scene, or the first scene
  with choices that each way its `goto` goes on to leads to, offers a `detour` choice (a side
  path that returns);
- W502: a gentle ending (`end: true` or `end: pause`, with `intensity: gentle`) can be reached from it;
- W503: a deep scene that starts a stretch names a `gentler` path for the check-in to offer;
- W504: that gentler path does not itself lead straight into a deep scene.
"""

from __future__ import annotations

from ..i18n import _
from .codes import Code
from .diagnostics import Diagnostic, Location
from .model import GENTLE, ExitKind, Scene, Story, reachable


def gentle_endings(story: Story) -> set[str]:
    return {sid for sid, s in story.scenes.items() if s.end and s.intensity == GENTLE}


def starts_stretch(story: Story) -> set[str]:
    """Deep scenes that can be entered from a scene that is not deep: where check-ins happen."""
    starts = {story.start} if story.scenes.get(story.start) and story.scenes[story.start].is_deep else set()
    for scene in story.scenes.values():
        if scene.is_deep:
            continue
        for way in scene.exits():
            target = story.scenes.get(way.target) if way.target else None
            if way.kind is not ExitKind.GENTLER and target is not None and target.is_deep:
                starts.add(target.id)
    return starts


def _pause_nearby(story: Story, scene: Scene) -> bool:
    """Whether every way the scene goes on by itself reaches, before any choice, a scene that
    offers a pause (a detour choice), returns, or ends."""
    found: dict[str, bool] = {}

    def look(current: Scene | None) -> bool:
        if current is None:
            return False
        if current.id in found:
            return found[current.id]
        found[current.id] = False  # a loop of continues offers no pause
        ways = current.exits()
        if current.end or current.returns or any(e.kind is ExitKind.DETOUR and e.choice for e in ways):
            found[current.id] = True
        elif not current.choices:
            onward = [e.target for e in ways if e.kind in (ExitKind.CONTINUE, ExitKind.DETOUR) and e.target]
            found[current.id] = bool(onward) and all(look(story.scenes.get(t)) for t in onward)
        return found[current.id]

    return look(scene)


def _continues_to(scene: Scene) -> list[str]:
    """Where a scene without choices goes on to by itself."""
    if scene.choices:
        return []
    return [e.target for e in scene.exits() if e.kind is ExitKind.CONTINUE and e.target]


def check_safety(story: Story) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    deep = [s for s in story.scenes.values() if s.is_deep]
    if not deep:
        return problems
    endings = gentle_endings(story)
    stretch_starts = starts_stretch(story)
    for scene in deep:
        where = scene.location or Location(story.root)
        if not scene.content_note:
            problems.append(
                Diagnostic(
                    Code.DEEP_WITHOUT_CONTENT_NOTE,
                    _(
                        "deep scene '{scene}' has no content_note: say briefly "
                        "and neutrally what it touches, so the reader can choose"
                    ).format(scene=scene.name),
                    where,
                )
            )
        if not _pause_nearby(story, scene):
            problems.append(
                Diagnostic(
                    Code.DEEP_WITHOUT_PAUSE,
                    _(
                        "deep scene '{scene}' offers no pause: give it (or the "
                        "scene it continues to) a choice with 'detour:' to a grounding scene "
                        "that returns"
                    ).format(scene=scene.name),
                    where,
                )
            )
        if not endings & reachable(story, scene.id):
            problems.append(
                Diagnostic(
                    Code.DEEP_WITHOUT_GENTLE_ENDING,
                    _(
                        "no gentle ending can be reached from deep scene '{scene}'; "
                        "mark a way out with 'end: true' and 'intensity: gentle'"
                    ).format(scene=scene.name),
                    where,
                )
            )
        if scene.id in stretch_starts and not scene.gentler:
            problems.append(
                Diagnostic(
                    Code.DEEP_STRETCH_WITHOUT_GENTLER,
                    _(
                        "deep scene '{scene}' starts a deep stretch but has no "
                        "'gentler:' path for the check-in before it to offer"
                    ).format(scene=scene.name),
                    where,
                )
            )
        if scene.gentler:
            target = story.scenes.get(scene.gentler)
            if target is not None and (
                target.is_deep
                or any(
                    story.scenes.get(t) is not None and story.scenes[t].is_deep and t != scene.id
                    for t in _continues_to(target)
                )
            ):
                problems.append(
                    Diagnostic(
                        Code.GENTLER_LEADS_DEEPER,
                        _("the gentler path of '{scene}' leads straight into another deep scene").format(
                            scene=scene.name
                        ),
                        where,
                    )
                )
    return problems
