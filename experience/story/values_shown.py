"""The values a story puts into its variables itself and shows in its text: strings to translate too.

A story may keep a phrase in a variable (`set: {place: '"at the kitchen table"'}`) and show it
inside a sentence (`There they are, {place}.`). Read in another language, the sentence is
translated, and so must the phrase be, or the reader meets English in the middle of Spanish.
Only the shown form is translated (`translation.py`): the state keeps the author's words, so
the conditions that test them and the places saved with them are the same in every language.

The values listed are the starting value of each text variable that some `{…}` shows, and every
text a `set` gives it outright (a quoted text, not a computation). What a reader typed is theirs,
and never listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from .conditions import ValueType
from .diagnostics import Location
from .model import Story
from .text import Placeholder, Template, Variation


def _shown_by(template: Template) -> Iterator[str]:
    """The variables a text shows, in inline variations too (not those it only tests)."""
    for part in template.parts:
        if isinstance(part, Placeholder):
            yield from part.expression.reads
        elif isinstance(part, Variation):
            for branch in part.branches:
                yield from _shown_by(branch)


def shown_variables(story: Story) -> set[str]:
    """The variables some `{…}` of the story shows."""
    return {name for scene in story.scenes.values() for template in scene.templates() for name in _shown_by(template)}


def shown_values(story: Story) -> Iterator[tuple[str, str, Location]]:
    """(variable, value, where it is written) for each value the story itself gives a shown
    variable, in the order they are written; a value given in several places comes once for each."""
    shown = shown_variables(story)
    for name, variable in story.variables.items():
        if name in shown and isinstance(variable.initial, str) and variable.initial and variable.location is not None:
            yield name, variable.initial, variable.location
    for scene in story.scenes.values():
        for sets in (scene.sets, *(choice.sets for choice in scene.choices)):
            for name, expression in sets:
                if name in shown and expression.is_constant and expression.type is ValueType.TEXT:
                    value = expression.evaluate({}, {})
                    if isinstance(value, str) and value:
                        yield name, value, expression.location
