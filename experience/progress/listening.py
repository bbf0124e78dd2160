"""Listening to what the reader writes, for a session: when to offer support, and whether the
rest of the journey must take its careful way.

Everything the reader writes comes here (an answer, a draft as it is kept, the words in the box
on leaving or skipping, any line typed in `--plain`), and the lists in care/crisis.py decide what
it may mean. Support is offered once a step for each concern, so that a person writing on is not
interrupted again and again, while words of harm from someone else, after words of wanting to die,
still bring the services for that; once anything has been heard, the journey stays careful for
the rest of the sitting.
"""

from __future__ import annotations

from ..care.crisis import Concern, concerns_in


class Listening:
    def __init__(self) -> None:
        self._offered: tuple[int, set[Concern]] = (-1, set())  # this step, and what support was offered for
        self.heard = False  # words were heard this sitting: every later step takes the careful way

    def hear(self, text: str, step: int) -> Concern | None:
        """What these words may mean, if support is to be offered for them now (once a step for
        each concern)."""
        heard = concerns_in(text)
        if not heard:
            return None
        self.heard = True
        at, offered = self._offered
        if at != step:
            self._offered = at, offered = step, set()
        concern = next((c for c in heard if c not in offered), None)  # harm after wanting to die, too
        if concern is not None:
            offered.add(concern)
        return concern
