"""What both players say when the reader changes their journal: an answer kept as it was, changed
or deleted, and the letter the story wrote them.

The journal is the reader's to change, so the words are plain about what changing does: an edit
replaces the earlier words wherever the story keeps them, a deletion removes them and cannot be
undone. Only the keys differ between the players (`..._KEYS` for the full screen, `..._TYPED`
for typed commands).
"""

from __future__ import annotations

from ..i18n import _, lazy
from .crisis import concern_in

KEPT_AS_IT_WAS = lazy("Kept as it was.")

JOURNAL_HOW_KEYS = lazy("The arrow keys move from one answer to the next: e changes the one marked, d deletes it.")
JOURNAL_HOW_TYPED = lazy(
    "To change an answer, type e and its number (e 2); to delete one, type d and its number (d 2). "
    "Press Enter alone to go back to where you were."
)

LETTER_TITLE = lazy("Your letter")  # above a letter the story gave no title of its own

EDIT_TITLE = lazy("Change this answer")
EDIT_LEAD = lazy("Saving puts your new words in place of the earlier ones, here and wherever the story quotes them.")
EDIT_TYPED = lazy(
    "Write it again as you would like it to be; an empty line ends it. Press Enter alone to keep it as it was."
)
EDIT_EMPTY = lazy("There is nothing written. To remove this answer, delete it instead.")
CHANGED = lazy("Changed. Your new words are kept, here and wherever the story quotes them.")
CHANGED_KEPT_TO_YOURSELF = lazy(
    "Changed. Your new words are kept here in your journal; the story will not repeat them."
)


def changed(text: str) -> str:
    """What is said once an answer is changed: words that bring support are kept in the journal
    but never quoted by the story (story/answers.py), and the sentence must not say otherwise."""
    return str(CHANGED_KEPT_TO_YOURSELF if concern_in(text) is not None else CHANGED)


DELETE_TITLE = lazy("Delete this answer?")
DELETE_LEAD = lazy(
    "It will be removed from your journal, with any unsent draft of it, and from wherever the "
    "story quotes it, your letter included. It cannot be brought back."
)
DELETE_TYPED = lazy("Type delete to delete it, or press Enter alone to keep it.")
NOT_DELETED = lazy("Nothing was deleted.")
NO_SUCH_ENTRY = lazy("There is no answer with that number. The numbers are the ones shown beside each answer.")


def deleted(*, clean: bool, scrubbed: bool) -> str:
    """What deleting did, as the check made afresh from the disk found it."""
    if clean:
        return _("Deleted. Checked afresh from the disk: it can no longer be found in the database files.")
    if not scrubbed:
        return _(
            "Deleted from your journal. Another window of this program is using the same data folder, "
            "so the database's log could not be emptied, and pieces of the old words may stay in its "
            "files until they are written over."
        )
    return _(
        "Deleted from your journal, but the check made afresh from the disk still finds pieces of the "
        "old words in the database files."
    )
