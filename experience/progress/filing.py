"""Which key a story's saves are filed under, and taking them along when a story gains an `id`.

A story is filed under `Story.key`: its `id`, which outlives any change of its title, or else a
key made from its title (`title_key`: capitals, spacing and punctuation do not matter). A story
that is given an `id` after readers have begun it finds their places under its title's key; the
first time it is played, they move to the id, with the journal and the drafts, in one
transaction. Only if the place found there fits the story (its scene is one of the story's), so
that a different story with the same title and no `id` keeps its own.

The story's title is noted beside each save whenever it is played, so that exports and the
privacy commands can name a story by its title rather than its key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..story.model import TITLE_KEY_PREFIX, Story, title_key
from .saves import Save
from .store import JournalLocked

if TYPE_CHECKING:
    from .store import Profile, Store

FILED = ("saves", "journal", "drafts")  # every table whose rows are filed under a story's key


def file_story(store: Store, profile: Profile, story: Story) -> str:
    """The key to file `story` under for this reader, after taking along what its title's key holds."""
    key, old = story.key, title_key(story.title)
    with store.transaction() as conn:
        if key != old and not _has_save(store, profile, key) and _fits(store, profile, old, story):
            for table in FILED:
                conn.execute(
                    f"UPDATE OR IGNORE {table} SET story_key = ? WHERE profile_id = ? AND story_key = ?",  # noqa: S608 - names written here
                    (key, profile.id, old),
                )
        conn.execute(
            "UPDATE saves SET title = ? WHERE profile_id = ? AND story_key = ? AND title != ?",
            (story.title, profile.id, key, story.title),
        )
    return key


def titles(store: Store, profile: Profile) -> dict[str, str]:
    """Each story key of the profile's saves, with the title it was last played under."""
    rows = store._conn.execute("SELECT story_key, title FROM saves WHERE profile_id = ?", (profile.id,)).fetchall()
    return {key: title or shown(key) for key, title in rows}


def shown(key: str) -> str:
    """A key as a person may read it, where no title was noted."""
    return key.removeprefix(TITLE_KEY_PREFIX).replace("-", " ") if key.startswith(TITLE_KEY_PREFIX) else key


def _has_save(store: Store, profile: Profile, key: str) -> bool:
    return Save(store, profile.id, key).exists


def _fits(store: Store, profile: Profile, key: str, story: Story) -> bool:
    try:
        history = Save(store, profile.id, key).history()
    except JournalLocked:
        return False
    return bool(history) and history[-1].get("scene") in story.scenes


def story_key(story: Story) -> str:
    """What a save is filed under: the story's lasting key (`Story.key`: its id, or its folded title).

    Not its folder, which changes when the program is reinstalled or the story is moved. A story
    edited under its key is mended on resume; see `file_story` for a story that gains an id.
    """
    return story.key


def answer_variables(story: Story) -> dict[str, Any]:
    """The variables that keep a reader's answers (`save_as`), each with the story's starting value.

    Their values are the reader's words, so the store keeps them apart and seals them as it does the
    journal; a value still at its start is the author's, not the reader's.
    """
    initial = story.initial_variables()
    return {
        scene.reflect.save_as: initial.get(scene.reflect.save_as)
        for scene in story.scenes.values()
        if scene.reflect is not None and scene.reflect.save_as
    }
