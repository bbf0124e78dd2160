"""Where the cursor is, read from a file's lines: what the language server's answers start from.

The server's own tests drive it over its pipes; these pin the reading of shapes that are hard
to reach that way, and hold the reader to the key table.
"""

from __future__ import annotations

from experience.lsp.outline import CONTAINS, LEAVES, spot_at
from experience.story import format as fmt

CHAPTER = """\
title: The garden
scenes:
  gate:
    text: >-
      The gate is open, {na
    choices:
      - {text: Walk in, goto: pa}
      - text: Rest
        set: {courage: cour
    reflect:
      prompt: What now?
      sa
"""
LINES = CHAPTER.splitlines(True)


def _at(needle: str):
    row = next(i for i, line in enumerate(LINES) if needle in line)
    return spot_at(LINES, row, LINES[row].index(needle) + len(needle), manifest=False)


def test_every_kind_of_value_in_the_key_table_is_understood():
    kinds = {key.kind for keys in fmt.KINDS.values() for key in keys}
    assert kinds - LEAVES - set(CONTAINS) == set()


def test_a_line_of_block_text_belongs_to_the_key_that_opened_it():
    spot = _at("{na")
    assert (spot.container, spot.key, spot.on_key) == ("scene", "text", False)
    assert spot.before.endswith("{na")


def test_a_choice_written_as_a_flow_mapping_is_a_choice():
    spot = _at("goto: pa")
    assert (spot.container, spot.key, spot.on_key) == ("choice", "goto", False)


def test_a_set_in_braces_has_variables_for_keys_and_expressions_for_values():
    spot = _at("{courage: cour")
    assert (spot.container, spot.key, spot.on_key) == ("set", "courage", False)


def test_a_key_being_typed_is_a_key_of_the_mapping_it_is_indented_under():
    spot = _at("      sa")
    assert (spot.container, spot.on_key) == ("reflect", True)
