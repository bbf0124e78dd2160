"""The scene format in one place: which keys each kind of mapping takes, and what each means.

The loader reads this to report unknown and missing keys; `experience schema` builds the JSON
Schema from it; the guide's reference follows it. One list, so the three cannot drift apart.

What each key is for is said in the language the program speaks (the schema's descriptions, the
language server's hover and completion, the notes of a story's string table); the keys, their
kinds and values never change with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Lazy, lazy


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    kind: str
    about: Lazy  # what the key is for, looked up when it is shown
    required: bool = False
    values: tuple[str, ...] = ()
    since: int = 1  # the format version that brought the key

    @property
    def doc(self) -> str:
        """What the key is for, in the language in use."""
        return str(self.about)


#: kinds: text, rich-text (text or a list of paragraphs), scene-ref, goto (a scene-ref or a list
#: of branches), expression, flag, number, enum, version, variables, set, scenes, choices,
#: reflect, variations, variable-name, tags, ending (true or pause), language (a tag)

FORMATS = (1, 2)  # the versions of the format this program reads
LATEST = FORMATS[-1]
PAUSE = "pause"  # `end: pause`: an ending that is a pause in the journey, not its end

MANIFEST = (
    Key("title", "text", lazy("The story's title, shown on the welcome screen."), required=True),
    Key(
        "id",
        "story-id",
        lazy(
            "The story's lasting name, which readers' places and journals are filed under: lowercase "
            "letters, digits, - and _, like coming-home. It lets the title change without hiding them; "
            "without an id they are filed under the title."
        ),
    ),
    Key("start", "scene-ref", lazy("Where the story begins, as chapter/scene."), required=True),
    Key(
        "stop",
        "scene-ref",
        lazy(
            "The story's own gentle stop, as chapter/scene: an ending marked `end: pause`, where a "
            "reader goes who stops for today at a check-in. Without it, the first such ending is used."
        ),
    ),
    Key(
        "careful_as",
        "variable-name",
        lazy(
            "A true/false variable the player sets to true when something the reader wrote sounds like "
            "they may be in crisis or someone may be hurting them, so that every later scene can take "
            "its careful way: no asking them to say anything to anyone, nothing that celebrates."
        ),
        since=2,
    ),
    Key(
        "variables",
        "variables",
        lazy("Every variable, declared with its starting value (a number, text in quotes, or true/false)."),
    ),
    Key(
        "format",
        "version",
        lazy(
            "The version of the scene format the story is written in: 1 (when left out) or 2. Say 2 when "
            "the story uses what format 2 added, so that an older experience says plainly it cannot read it."
        ),
        since=2,
    ),
    Key(
        "welcome",
        "text",
        lazy(
            "What the story's readers see first, in Markdown, in place of the bundled journey's opening "
            "words. The player's care lines (how to pause, step out and find support) stay around it."
        ),
        since=2,
    ),
    Key(
        "language",
        "language",
        lazy(
            "The language the story is written in, as a tag like en, es or pt-BR (English when left out). "
            "The program around the story speaks it too, unless a reader chose another; translations "
            "into other languages live in locale/ beside the story."
        ),
        since=2,
    ),
)

CHAPTER = (
    Key("title", "text", lazy("The chapter's title, shown above its scenes."), required=True),
    Key(
        "scenes",
        "scenes",
        lazy(
            "The chapter's scenes, by name. The first one is where a reader "
            "lands if a saved place in this chapter has gone."
        ),
        required=True,
    ),
    Key(
        "movement",
        "text",
        lazy(
            "The larger part of the journey this chapter belongs to; chapters "
            "with the same movement are grouped in the graph, statistics and workshop gates."
        ),
    ),
    Key("facilitator", "text", lazy("Notes for a workshop facilitator. Never shown to participants.")),
    Key("minutes", "number", lazy("Suggested time for the chapter in a workshop, in minutes.")),
)

SCENE = (
    Key(
        "text",
        "rich-text",
        lazy(
            "What the reader sees: Markdown, with {variable} placeholders. Text, "
            "or a list of paragraphs that may carry conditions or vary between visits."
        ),
        required=True,
    ),
    Key("title", "text", lazy("A short title for the screen and the graph.")),
    Key(
        "revisit",
        "rich-text",
        lazy("Text shown instead of `text` when the reader comes back to a scene they have already seen."),
    ),
    Key(
        "choices",
        "choices",
        lazy("What the reader can do next. A scene has exactly one of choices, goto, end, return or detour."),
    ),
    Key(
        "goto",
        "goto",
        lazy(
            "With no choices: the scene that follows when the reader continues; or a list of branches "
            "(if and to), the first whose condition holds."
        ),
    ),
    Key(
        "end",
        "ending",
        lazy(
            "true makes this scene an ending; `pause` makes it a pause in the journey (a stop for "
            "today): the next sitting offers to go on from where the reader stopped."
        ),
    ),
    Key("return", "flag", lazy("With no choices: continue back to where the current detour began.")),
    Key(
        "detour",
        "scene-ref",
        lazy("With no choices: continue aside to this scene, and on to `then` when it reaches a `return`."),
        since=2,
    ),
    Key(
        "then",
        "scene-ref",
        lazy("With detour: where the reader goes on to when the detour returns, instead of coming back here."),
        since=2,
    ),
    Key(
        "set",
        "set",
        lazy(
            "Variables to change as the reader enters the scene (not when they come back from a detour), "
            "before its text is shown; each value is computed from the state on arrival."
        ),
        since=2,
    ),
    Key("reflect", "reflect", lazy("A journal prompt. The reader may answer or skip; answers are private.")),
    Key(
        "intensity",
        "enum",
        lazy(
            "How heavy the scene is. Before the first deep scene of a stretch the "
            "reader is asked whether to go on, take the gentler path, pause or stop."
        ),
        values=("gentle", "deep"),
    ),
    Key("content_note", "text", lazy("A short, neutral note of what a deep scene touches, shown before it.")),
    Key("gentler", "scene-ref", lazy("Where the gentler path goes when the reader asks for it before a deep scene.")),
    Key("facilitator", "text", lazy("Notes for a workshop facilitator. Never shown to participants.")),
    Key("minutes", "number", lazy("Suggested time for the scene in a workshop, in minutes.")),
    Key(
        "tags",
        "tags",
        lazy(
            "Words for facilitators and tools to find the scene by (a list, like [grounding, group]). "
            "Never shown to readers."
        ),
        since=2,
    ),
    Key(
        "letter",
        "flag",
        lazy(
            "true makes this scene's text the reader's letter: shown in their journal and written out "
            "with it by `journal export`, as it read when they last reached the scene."
        ),
    ),
)

CHOICE = (
    Key("text", "text", lazy("The choice as the reader sees it; {variable} placeholders allowed."), required=True),
    Key(
        "goto",
        "goto",
        lazy(
            "The scene this choice leads to; or a list of branches (if and to), the first whose condition "
            "holds after the choice's set. A choice has exactly one of goto, detour or return."
        ),
    ),
    Key(
        "detour",
        "scene-ref",
        lazy("Go to this scene and come back here when it reaches a `return` (for a pause or a side path)."),
    ),
    Key(
        "then",
        "scene-ref",
        lazy("With detour: where the reader goes on to when the detour returns, instead of coming back here."),
        since=2,
    ),
    Key("return", "flag", lazy("true goes back to where the current detour began.")),
    Key("if", "expression", lazy("Show the choice only when this condition holds.")),
    Key(
        "disabled_if",
        "expression",
        lazy("Show the choice, but do not let the reader take it while this condition holds."),
        since=2,
    ),
    Key(
        "reason",
        "text",
        lazy(
            "With disabled_if: a few words shown beside the choice while it cannot be taken (why, or "
            "when it opens); {placeholders} allowed."
        ),
        since=2,
    ),
    Key(
        "set",
        "set",
        lazy(
            "Variables to change when the choice is taken, each to the value of an expression computed "
            "before the choice."
        ),
    ),
    Key("once", "flag", lazy("true hides the choice after it has been taken once.")),
    Key("fallback", "flag", lazy("true shows the choice only when no other choice is available.")),
)

REFLECT = (
    Key(
        "prompt",
        "text",
        lazy("The question shown above the answer box; {variable} placeholders allowed."),
        required=True,
    ),
    Key(
        "save_as",
        "variable-name",
        lazy(
            "A text variable that also keeps the answer, so later scenes can use it in {placeholders} and conditions."
        ),
    ),
    Key(
        "withheld_as",
        "variable-name",
        lazy(
            "A true/false variable set to true when an answer was kept out of the story because it "
            "sounds like the reader may be in crisis (`save_as` then keeps its starting value), and "
            "to false for any other answer, so later text can choose its words."
        ),
    ),
)

PARAGRAPH = (
    Key("text", "text", lazy("The paragraph.")),
    Key("if", "expression", lazy("Show the paragraph only when this condition holds.")),
    Key("sequence", "variations", lazy("One paragraph per visit, in order; the last one stays.")),
    Key("cycle", "variations", lazy("One paragraph per visit, round and round.")),
    Key("shuffle", "variations", lazy("One paragraph per visit, in a random order that is fixed for each reader.")),
)

BRANCH = (
    Key("if", "expression", lazy("Take this branch only when the condition holds; the last branch has none.")),
    Key("to", "scene-ref", lazy("The scene this branch goes to."), required=True),
)

#: Keys that mean something only beside another: (key, the key it needs, why), for the loader's
#: message (E102) and the schema's alike.
_THEN_NEEDS_DETOUR = lazy("'then' says where a detour goes on to, so it needs 'detour' beside it")
NEEDS: dict[str, tuple[tuple[str, str, Lazy], ...]] = {
    "scene": (
        ("then", "detour", _THEN_NEEDS_DETOUR),
        (
            "detour",
            "then",
            lazy(
                "a scene that continues into a detour needs 'then': the scene to go on to when the detour "
                "returns (without it the reader would come back here, and go round again)"
            ),
        ),
    ),
    "choice": (
        ("then", "detour", _THEN_NEEDS_DETOUR),
        (
            "reason",
            "disabled_if",
            lazy("'reason' is shown while a choice cannot be taken, so it needs 'disabled_if' beside it"),
        ),
    ),
}

PARAGRAPH_BODIES = ("text", "sequence", "cycle", "shuffle")
SCENE_EXITS = ("choices", "goto", "end", "return", "detour")
CHOICE_EXITS = ("goto", "detour", "return")

KINDS = {
    "story.yaml": MANIFEST,
    "chapter": CHAPTER,
    "scene": SCENE,
    "choice": CHOICE,
    "reflect": REFLECT,
    "paragraph": PARAGRAPH,
    "branch": BRANCH,
}

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"  # chapters, scenes and tags
VARIABLE_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
STORY_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"  # as i18n.normalise reads a tag
MAX_FILE_BYTES = 4 * 1024 * 1024

#: Numbers in a story (a variable's start, `minutes`, a number in an expression) lie within
#: ±NUMBER_LIMIT, and what a `set` computes stops there: a number that grows on every visit
#: (`n: n * n`) reaches the limit and stays, instead of growing until it cannot be shown.
NUMBER_LIMIT = 10**15
_LIMIT_SHOWN = f"{NUMBER_LIMIT:,}"
# Translators: the numbers a story may use, said inside a sentence ("numbers go from … to …").
NUMBER_RANGE = lazy("from {lowest} to {highest}", lowest="-" + _LIMIT_SHOWN, highest=_LIMIT_SHOWN)
#: Text a `set` computes (`s: s + s`) keeps at most this many characters.
TEXT_LIMIT = 10_000


def in_range(number: float) -> bool:
    """Whether a number written in a story lies within ±NUMBER_LIMIT (never true of inf or nan)."""
    return -NUMBER_LIMIT <= number <= NUMBER_LIMIT


def key_names(keys: tuple[Key, ...]) -> list[str]:
    return [k.name for k in keys]
