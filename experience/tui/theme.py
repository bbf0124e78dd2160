"""The look of the room: warm, low in contrast, and still easy to read.

Three themes of our own: `dusk` (the default, dark and warm, like a lamp-lit room in the evening),
`linen` (light and soft, for daytime) and `high-contrast` (white and yellow on black, for low
vision and bright rooms; Textual has none built in). Only these three are offered (Textual's own
developer themes are not, see app.py); the reader's choice is remembered in their profile.

Nothing is said by colour alone: the highlighted choice carries a ▸ as well as a shade, the
marked journal entry a bar, and focused buttons are drawn reversed, so everything still reads
with NO_COLOR set, when the app sends no colour at all.
"""

from __future__ import annotations

from textual.theme import Theme

from ..i18n import lazy

DUSK = Theme(
    name="dusk",
    primary="#D9A47A",  # lamplight
    secondary="#9DB39A",  # sage
    accent="#E3B7A0",  # a soft rose
    warning="#E6C27A",
    error="#D98F8F",
    success="#A5C4A0",
    foreground="#E9DFD3",
    background="#1E1A17",
    surface="#26211D",
    panel="#302923",
    dark=True,
    variables={
        "text-muted": "#E9DFD3 60%",
        "footer-background": "#26211D",
        "footer-key-foreground": "#D9A47A",
        "footer-description-foreground": "#E9DFD3 80%",
        "block-cursor-background": "#3A312A",
        "block-cursor-foreground": "#F3E7D9",
        "block-cursor-text-style": "none",
        "block-hover-background": "#2B2520",
        "input-selection-background": "#D9A47A 30%",
        "scrollbar": "#6B5A4B",  # a thumb that can be seen on the background, still quiet
        "scrollbar-hover": "#85705E",
        "scrollbar-active": "#A08670",
        "scrollbar-background": "#1E1A17",
        "border": "#D9A47A 60%",
        "border-blurred": "#4A3F36",
    },
)

LINEN = Theme(
    name="linen",
    primary="#9A5F3C",  # terracotta
    secondary="#5F7F61",  # moss
    accent="#A0636F",  # dusty rose
    warning="#9A6B12",
    error="#A34545",
    success="#4F7A53",
    foreground="#3A322C",
    background="#F5EFE6",
    surface="#EDE4D8",
    panel="#E4D8C8",
    dark=False,
    variables={
        "text-muted": "#3A322C 65%",
        "footer-background": "#EDE4D8",
        "footer-key-foreground": "#9A5F3C",
        "footer-description-foreground": "#3A322C 85%",
        "block-cursor-background": "#E0D2BF",
        "block-cursor-foreground": "#2A231E",
        "block-cursor-text-style": "none",
        "block-hover-background": "#E9DFD1",
        "input-selection-background": "#9A5F3C 25%",
        "border": "#9A5F3C 60%",
        "border-blurred": "#D8CBB8",
    },
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFD700",  # yellow: the brightest colour that is not white
    secondary="#7FDBFF",
    accent="#FFFFFF",
    warning="#FFD700",
    error="#FF8C8C",
    success="#8CFF8C",
    foreground="#FFFFFF",
    background="#000000",
    surface="#1C1C1C",  # the answer box: just off black, with a yellow edge (see app.tcss)
    panel="#2A2A2A",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",  # nothing faded: muted text is plain white
        "footer-background": "#000000",
        "footer-key-foreground": "#FFD700",
        "footer-description-foreground": "#FFFFFF",
        # The highlighted choice: bold yellow and underlined, with its ▸. Not reversed, because
        # a choice's number is drawn in the (here white) muted colour and would vanish on white.
        "block-cursor-background": "#000000",
        "block-cursor-foreground": "#FFD700",
        "block-cursor-text-style": "bold underline",
        "block-hover-background": "#333333",
        "input-selection-background": "#FFD700 50%",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFD700",
        "scrollbar-active": "#FFD700",
        "scrollbar-background": "#000000",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "button-focus-text-style": "bold reverse",
    },
)

THEMES = (DUSK, LINEN, HIGH_CONTRAST)
LABELS = {
    DUSK.name: lazy("Dusk: warm and dark"),
    LINEN.name: lazy("Linen: soft and light"),
    HIGH_CONTRAST.name: lazy("High contrast: white and yellow on black"),
}
DEFAULT_THEME = DUSK.name
