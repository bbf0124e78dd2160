"""What tests in several folders share besides fixtures (those are in conftest.py): where things
are, a fixed clock, and taking a choice by its words."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SMALL_STORY = Path(__file__).parent / "player" / "stories" / "small"
LETTER_STORY = Path(__file__).parent / "player" / "stories" / "letter"  # two answers, then a letter
STOPPING_STORY = Path(__file__).parent / "care" / "stories" / "stopping"  # stops, a deep stretch, a quoted answer
FIXED_TIME = "2026-03-14T09:30:00Z"  # every store the fixtures open dates what it keeps by this


def words_of(story, *, notes: bool = False):
    """(scene id, text) for every piece of story text a reader can see: scene text, revisits,
    choices and prompts; with `notes`, each scene's title, content note and facilitator note too."""
    for scene in story.scenes.values():
        for block in scene.text + (scene.revisit or ()):
            for template in block.variants:
                yield scene.id, template.source
        for choice in scene.choices:
            yield scene.id, choice.text.source
        if scene.reflect:
            yield scene.id, scene.reflect.prompt.source
        if notes:
            yield from ((scene.id, note) for note in (scene.title, scene.content_note, scene.facilitator) if note)


def choice(session, label: str):
    """The choice that reads `label` in the session's current scene."""
    return next(c for c, text in session.view().choices if text == label)


def older_database(data_dir: Path, version: int, answer: str, steps: list[dict]) -> Path:
    """A data folder as an older version left it: the schema up to `version`, and one reader who
    played the small story (filed under its title, as every version before 4 did) and answered
    at its hall, with a step for each of `steps`' variables."""
    import json
    import sqlite3

    from experience.progress.migrations import MIGRATIONS, migrate

    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "experience.db", isolation_level=None)
    migrate(conn, MIGRATIONS[:version])
    conn.execute("INSERT INTO profiles (id, name, created) VALUES (1, 'default', 'then')")
    conn.execute(
        "INSERT INTO saves (id, profile_id, story_key, started, updated) VALUES (1, 1, 'A small story', 't', 't')"
    )
    conn.execute(
        "INSERT INTO journal (profile_id, story_key, scene_id, chapter_id, chapter_title, prompt, answer,"
        " created, updated) VALUES (1, 'A small story', 'first/hall', 'first', 'The first room', 'Q?', ?, 't', 't')",
        (answer.encode(),),
    )
    for position, variables in enumerate(steps):
        snapshot = {"scene": "first/hall", "variables": variables, "visits": {"first/hall": 1}, "step": position}
        conn.execute(
            "INSERT INTO steps (save_id, position, snapshot) VALUES (1, ?, ?)", (position, json.dumps(snapshot))
        )
    conn.close()
    return data_dir


def play_typed(session, typed: str) -> str:
    """Everything the plain player writes for these typed lines, played until they run out."""
    import io

    from experience.plain import play_plain

    out = io.StringIO()
    assert play_plain(session, stdin=io.StringIO(typed), stdout=out) == 0
    return out.getvalue()


async def at_the_hall(app, pilot):
    """In the story of stops (STOPPING_STORY), begin and go in: the hall asks what you need. Its box."""
    from textual.widgets import TextArea

    await pilot.press("enter", "1")
    await pilot.pause()
    return app.screen.query_one(TextArea)
