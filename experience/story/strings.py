"""Every string of a story that someone reads, found in the YAML, each with its lasting id.

A story is translated string by string (see `translation.py` and `string_table.py`), and each
string needs a name that outlives edits elsewhere: the id (a PO file's `msgctxt`) is built from
where the string sits in the story's structure, never from a count across the story:

    story title, story welcome                  story.yaml's own text
    noticing title, noticing facilitator        a chapter's (its file's name, then the key)
    movement                                    a movement's name: one string for every chapter
                                                that names it, so it stays one movement
    noticing/ways title                         a scene's text keys, by name
    noticing/ways text 3                        the third paragraph of its text (1 if it is one)
    noticing/ways text 3.2                      the second variation of that paragraph
    noticing/ways revisit 1                     the same for `revisit`
    noticing/ways choice 2                      the second choice's words
    noticing/ways choice 2 reason               another text key of that choice
    noticing/ways prompt                        the reflection's question

So an edit in one scene never renames a string of another. Inside a scene, inserting a
paragraph or a choice renumbers the ones after it; their translations follow their words (the
same text in the same scene is the same string, wherever it moved), which is the rule
`translation.py` and `string_table.py` both keep. Renaming a scene renames its strings: their
translations come back marked fuzzy, to be confirmed.

What counts as a string is read from the scene format (`format.py`): every key of kind `text` or
`rich-text`, in any mapping the format describes, so a text key the format gains is translatable
without a change here. The walk never follows a node twice (an alias is one string, and an
alias bomb costs no more than the file's own nodes) and skips what it cannot read: the loader
reports that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import format as fmt

STORY = "story"  # the manifest's strings; never a chapter's name, since story.yaml is no chapter
STORY_TITLE = f"{STORY} title"
SHARED = {"movement": "movement"}  # keys whose value is a name that several chapters share
TEXT, RICH_TEXT, VARIATIONS = "text", "rich-text", "variations"
_NESTED = {"scenes": "scene", "choices": "choice", "reflect": "reflect"}


@dataclass(frozen=True, slots=True)
class Found:
    """One string, where the YAML holds it."""

    id: str
    node: ScalarNode
    key: fmt.Key  # what the string is: its doc is a translator's note


def scene_of(string_id: str) -> str:
    """The scene (or chapter, or `story`) a string belongs to: the first word of its id. The
    translation of a paragraph that moved is looked for among the strings of the same one."""
    return string_id.split(" ", 1)[0]


def msgid_of(text: str) -> str:
    """The source text as a translator sees it: a block's final newline is how YAML ends it, not
    part of the words, and would only make every translation have to end in one too."""
    return text.rstrip("\n")


def manifest_strings(root: Node) -> Iterator[Found]:
    return _Walk().mapping(root, "story.yaml", STORY)


def chapter_strings(root: Node, chapter: str) -> Iterator[Found]:
    return _Walk(chapter).mapping(root, "chapter", chapter)


class _Walk:
    def __init__(self, chapter: str = "") -> None:
        self.chapter = chapter
        self.seen: set[int] = set()

    def first_time(self, node: Node) -> bool:
        if id(node) in self.seen:
            return False
        self.seen.add(id(node))
        return True

    def mapping(self, node: Node, kind: str, prefix: str) -> Iterator[Found]:
        if not isinstance(node, MappingNode) or not self.first_time(node):
            return
        keys = {key.name: key for key in fmt.KINDS[kind]}
        for key_node, value in node.value:
            key = keys.get(key_node.value) if isinstance(key_node, ScalarNode) else None
            if key is None:
                continue
            if key.kind == TEXT:
                yield from self.text(value, self.name(kind, prefix, key.name), key)
            elif key.kind == RICH_TEXT:
                yield from self.rich_text(value, f"{prefix} {key.name}", key)
            elif key.name in _NESTED and key.kind == key.name:
                yield from self.nested(value, _NESTED[key.name], prefix)

    @staticmethod
    def name(kind: str, prefix: str, key: str) -> str:
        if key in SHARED:
            return SHARED[key]
        if kind == "choice" and key == "text":
            return prefix  # a choice's words are the choice
        return f"{prefix} {key}"

    def nested(self, node: Node, kind: str, prefix: str) -> Iterator[Found]:
        if kind == "scene" and isinstance(node, MappingNode) and self.first_time(node):
            for name, scene in node.value:
                if isinstance(name, ScalarNode):
                    yield from self.mapping(scene, kind, f"{self.chapter}/{name.value}")
        elif kind == "choice" and isinstance(node, SequenceNode) and self.first_time(node):
            for number, choice in enumerate(node.value, 1):
                yield from self.mapping(choice, kind, f"{prefix} choice {number}")
        elif kind == "reflect":
            yield from self.mapping(node, kind, prefix)  # its keys are named as the scene's own

    def text(self, node: Node, string_id: str, key: fmt.Key) -> Iterator[Found]:
        if isinstance(node, ScalarNode) and node.value and self.first_time(node):
            yield Found(string_id, node, key)

    def rich_text(self, node: Node, prefix: str, key: fmt.Key) -> Iterator[Found]:
        """Text, or a list of paragraphs: each numbered, and each variation of one numbered in it."""
        if isinstance(node, ScalarNode):
            yield from self.text(node, f"{prefix} 1", key)
            return
        if not isinstance(node, SequenceNode) or not self.first_time(node):
            return
        paragraph_keys = {k.name: k for k in fmt.PARAGRAPH}
        for number, item in enumerate(node.value, 1):
            if not isinstance(item, MappingNode):
                yield from self.text(item, f"{prefix} {number}", key)
                continue
            if not self.first_time(item):
                continue
            for key_node, value in item.value:
                inner = paragraph_keys.get(key_node.value) if isinstance(key_node, ScalarNode) else None
                if inner is None:
                    continue
                if inner.kind == TEXT:
                    yield from self.text(value, f"{prefix} {number}", key)
                elif inner.kind == VARIATIONS and isinstance(value, SequenceNode) and self.first_time(value):
                    for variation, text in enumerate(value.value, 1):
                        yield from self.text(text, f"{prefix} {number}.{variation}", key)
