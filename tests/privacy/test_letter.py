"""The exported journal: a letter that shows each answer exactly as written, and JSON for programs."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt

from experience.privacy.letter import quote, to_json, to_markdown
from experience.progress.journal import Entry
from experience.progress.keeping import arrange

NOW = datetime(2026, 4, 2, 18, 0, tzinfo=UTC)


def entry(
    answer: str,
    chapter: str = "first",
    n: int = 1,
    prompt: str = "What do you need?",
    created: str = "2026-03-14T09:30:00Z",
    updated: str | None = None,
) -> Entry:
    return Entry(
        n, f"{chapter}/scene", chapter, chapter.title() + " chapter", prompt, answer, created, updated or created
    )


def rendered(markdown: str) -> str:
    """What a Markdown viewer shows of a block quote: its text, line breaks and paragraphs."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert [t.type for t in tokens][:1] == ["blockquote_open"] and tokens[-1].type == "blockquote_close"
    assert {t.type for t in tokens} <= {
        "blockquote_open",
        "blockquote_close",
        "paragraph_open",
        "paragraph_close",
        "inline",
    }, "became something other than text"
    paragraphs = []
    for token in tokens:
        if token.type == "inline":
            parts = []
            for child in token.children:
                if child.type == "text":
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                else:
                    raise AssertionError(f"the answer became {child.type}")
            paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs).replace("\u00a0", " ")


TRICKY = [
    "- this is not a list",
    "+ nor this",
    "# not a heading",
    "1. not numbered",
    "2) nor this",
    "*so* tired, and __so__ done",
    "a <b>tag</b> and <!-- a comment -->",
    "a back\\slash and `ticks`",
    "[not a link](http://example.com)",
    "&amp; stays as typed",
    "~~not struck~~ | not | a table |",
    "> not a quote inside the quote",
    "---",
    "===",
    "    four spaces in, not code",
    "a poem\n  with its second line indented",
    "line one\nline two, right below it",
    "a paragraph\n\nand another",
    "I don't know. (Maybe.) Is that alright? 100% yes!",
    "Ich vermisse dich — 🌙",
]


@pytest.mark.parametrize("answer", TRICKY)
def test_an_answer_reads_exactly_as_written_when_the_letter_is_shown_as_markdown(answer):
    assert rendered("\n".join(quote(answer))) == answer


def test_a_leading_tab_shows_as_four_spaces():
    assert rendered("\n".join(quote("a line\n\tand one tabbed in"))) == "a line\n    and one tabbed in"


def test_ordinary_writing_is_not_cluttered_with_escapes():
    plain = "I don't know. (Maybe.) Is that alright? It's 3 a.m. and I'm tired."
    assert quote(plain) == [f"> {plain}"]


def test_the_letter_opens_warmly_and_goes_chapter_by_chapter_in_story_order():
    written = [entry("the second chapter first", "second", 1), entry("then the first", "first", 2)]
    journal = arrange("Coming Home to Yourself", written, {"first": "Noticing", "second": "Meeting"})
    letter = to_markdown([journal], exported_at=NOW)
    assert letter.startswith("# Coming Home to Yourself\n")
    assert "Dear me," in letter and letter.rstrip().endswith("2 April 2026.*")
    assert letter.index("## Noticing") < letter.index("> then the first") < letter.index("## Meeting")
    assert "**What do you need?**" in letter and "*14 March 2026*" in letter


def test_a_changed_answer_says_when_it_was_changed():
    journal = arrange("A story", [entry("changed", updated="2026-03-20T08:00:00Z")])
    assert "*14 March 2026, changed 20 March 2026*" in to_markdown([journal], exported_at=NOW)


def test_a_blank_answer_is_shown_as_left_blank():
    journal = arrange("A story", [entry("   ")])
    assert "*(left blank)*" in to_markdown([journal], exported_at=NOW)


def test_several_stories_each_have_their_own_part():
    letter = to_markdown([arrange("One", [entry("a")]), arrange("Two", [entry("b")])], exported_at=NOW)
    assert letter.startswith("# My journal\n")
    assert letter.index("## One") < letter.index("### First chapter") < letter.index("## Two")


def test_chapters_the_story_no_longer_has_keep_the_title_they_were_written_under():
    journal = arrange("A story", [entry("kept", "gone")], {"first": "First"})
    assert [c.title for c in journal.chapters] == ["Gone chapter"]


def test_json_keeps_every_answer_byte_for_byte_under_stable_keys():
    answer = "  spaces, *stars*, and\na line break  "
    document = json.loads(to_json([arrange("A story", [entry(answer)])], profile="default", exported_at=NOW))
    assert list(document) == ["format", "profile", "exported_at", "stories", "entries", "letters"]
    assert document["format"] == "experience-journal/1" and document["exported_at"] == "2026-04-02T18:00:00Z"
    assert document["entries"] == [
        {
            "story": "A story",
            "chapter": "first",
            "chapter_title": "First chapter",
            "scene": "first/scene",
            "prompt": "What do you need?",
            "answer": answer,
            "written_at": "2026-03-14T09:30:00Z",
            "revised_at": "2026-03-14T09:30:00Z",
        }
    ]
