"""What the reader can do next, as a numbered list: arrows and Enter, number keys, or the mouse.

The list only shows and reports; the screen decides what a pick means. It reports through
`OptionList.OptionSelected`, with the index of the pick.
"""

from __future__ import annotations

from typing import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceList(OptionList):
    def show(self, labels: Sequence[str], *, numbered: bool = True) -> None:
        """Replace the options. Labels are plain text, however they look."""
        options = []
        for number, label in enumerate(labels, 1):
            mark = f"{number}  " if numbered and number <= 9 else "   " if numbered else "›  "
            options.append(Option(Content.assemble((mark, "$text-muted"), Content(label))))
        self.set_options(options)
        self.highlighted = 0 if options else None
