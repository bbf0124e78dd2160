"""What the reader can do next, as a numbered list: arrows and Enter, number keys, or the mouse.

The list only shows and reports; the screen decides what a pick means. It reports through
`OptionList.OptionSelected`, with the index of the pick.

The highlighted choice is marked with ▸ as well as shaded, so that it can be found without
colour: with NO_COLOR, in a monochrome terminal, or by someone who cannot tell the shades apart.
A list shown before it can be used (the choices beneath a question not yet answered) is
disabled: faded, and with nothing highlighted.
Choices shown but not selectable now (a story's `disabled_if`) come last, unnumbered, with the
story's reason; the list skips them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...i18n import N_
from ..content import as_content

MARK = "▸"  # drawn in the option's left padding, so nothing moves when the highlight does


class ChoiceList(OptionList):
    BINDINGS = [
        Binding("1", "pick(1)", N_("Choose"), key_display="1-9"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(2, 10)),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            number = parameters[0] if parameters else 0
            return isinstance(number, int) and 1 <= number <= self._choosable and self._numbered
        return True

    def action_pick(self, number: int) -> None:
        """Choose by number, as if the option had been highlighted and Enter pressed."""
        if 1 <= number <= self._choosable:
            self.highlighted = number - 1
            self.action_select()

    _numbered = True
    _choosable = 0

    def show(
        self, labels: Sequence[str], *, numbered: bool = True, disabled: Sequence[tuple[str, str | None]] = ()
    ) -> None:
        """Replace the options. Labels (and reasons) are plain text, however they look."""
        self._numbered = numbered
        self._choosable = len(labels)
        options = []
        for number, label in enumerate(labels, 1):
            mark = f"{number}  " if numbered and number <= 9 else "   " if numbered else "›  "
            options.append(Option(Content.assemble((mark, "$text-muted"), as_content(label))))
        for label, reason in disabled:
            words = Content.assemble(("   ", "$text-muted"), as_content(label, "$text-muted"))
            if reason:
                words = Content.assemble(words, as_content(f" ({reason})", "italic $text-muted"))
            options.append(Option(words, disabled=True))
        self.set_options(options)
        self.highlighted = 0 if options else None

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, line = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip
        if index != self.highlighted or line != 0 or not strip.cell_length or self.disabled:
            return strip
        style = next(iter(strip)).style  # the padding's own style: the highlight's background
        return Strip.join([Strip([Segment(MARK, style)], 1), strip.crop(1)])
