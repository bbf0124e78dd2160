"""`experience lsp`, driven over its pipes as an editor drives it.

Each test starts the real server in a subprocess, opens files of a small story and asks what an
editor asks: diagnostics as the author types, completion, go to definition, hover, quick fixes.
"""

from __future__ import annotations

import subprocess
import sys

from experience.story import format as fmt

COMPLETE, HOVER = "textDocument/completion", "textDocument/hover"


def _labels(result) -> list[str]:
    return [item["label"] for item in result["items"]]


def _cursor_after(text: str, needle: str) -> tuple[int, int]:
    """The (line, character) just after the first `needle` in `text`."""
    index = text.index(needle) + len(needle)
    before = text[:index]
    return before.count("\n"), index - (before.rfind("\n") + 1)


def _ask(server, chapter, method: str, after: str, edit: tuple[str, str] = ("", "")):
    """Open `chapter` (with `edit` made: old text, new text) and ask `method` just after `after`."""
    text = chapter.read_text().replace(*edit) if edit[0] else chapter.read_text()
    server.open(chapter, text)
    line, character = _cursor_after(text, after)
    return server.at(method, chapter, line, character), line, character


# -- diagnostics -----------------------------------------------------------------------------------
def test_opening_a_file_reports_the_checkers_problems_with_their_codes(server, garden):
    chapter = garden / "garden.yaml"
    text = chapter.read_text().replace("goto: path", "goto: paht")
    server.open(chapter, text)
    [problem] = server.diagnostics(chapter, lambda items: bool(items))
    assert problem["code"] == "E200"
    assert problem["severity"] == 1
    assert "did you mean 'path'?" in problem["message"]
    line, character = _cursor_after(text, "goto: ")
    assert problem["range"] == {
        "start": {"line": line, "character": character},
        "end": {"line": line, "character": character + 4},
    }


def test_the_editors_unsaved_text_is_checked_not_the_disk(server, garden):
    chapter = garden / "garden.yaml"
    saved = chapter.read_text()
    server.open(chapter)
    assert server.diagnostics(chapter) == []
    server.change(chapter, saved.replace("{name}", "{nmae}"))
    [problem] = server.diagnostics(chapter, lambda items: bool(items))
    assert problem["code"] == "E301"
    assert chapter.read_text() == saved


def test_a_change_in_one_file_reports_the_problems_it_makes_in_another(server, garden):
    house, chapter = garden / "house.yaml", garden / "garden.yaml"
    server.open(house)
    server.change(house, house.read_text().replace("bench:", "chair:"))
    problems = server.diagnostics(chapter, lambda items: bool(items))  # garden.yaml is not even open
    assert [p["code"] for p in problems] == ["E200"]
    assert "house/bench" in problems[0]["message"]


def test_a_problem_that_is_fixed_is_cleared(server, garden):
    chapter = garden / "garden.yaml"
    saved = chapter.read_text()
    server.open(chapter, saved.replace("goto: path", "goto: nowhere"))
    server.diagnostics(chapter, lambda items: bool(items))
    server.change(chapter, saved, version=3)
    assert server.diagnostics(chapter, lambda items: not items) == []


def test_columns_are_counted_as_the_editor_counts_them(server, garden):
    """LSP positions count UTF-16 units: a seedling emoji is two of them, one character in Python."""
    chapter = garden / "garden.yaml"
    text = chapter.read_text().replace("The gate is open, {name}.", '"🌱 The gate is open, {nmae}."')
    server.open(chapter, text)
    [problem] = server.diagnostics(chapter, lambda items: bool(items))
    line, character = _cursor_after(text, "The gate is open, {")
    assert problem["range"]["start"] == {"line": line, "character": character + 1}  # +1: the emoji's second unit


# -- completion ------------------------------------------------------------------------------------
def test_completion_after_goto_offers_this_chapters_scenes_by_name_and_others_in_full(server, garden):
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, "goto: ", ("goto: path", "goto: "))
    labels = _labels(result)
    assert labels[:2] == ["gate", "path"]
    assert "house/bench" in labels


def test_completion_keeps_a_chapters_scenes_while_its_yaml_is_half_typed(server, garden):
    chapter = garden / "garden.yaml"
    saved = chapter.read_text()
    server.open(chapter)
    assert server.diagnostics(chapter) == []
    typing = saved.replace("goto: path", 'goto: \n        text: "unclosed')
    server.change(chapter, typing)
    [problem] = server.diagnostics(chapter, lambda items: bool(items))
    assert problem["code"] == "E003"
    line, character = _cursor_after(typing, "goto: ")
    assert {"gate", "path"} <= set(_labels(server.at("textDocument/completion", chapter, line, character)))


def test_completion_after_detour_replaces_the_word_being_typed(server, garden):
    edit = ("detour: house/bench", "detour: house/be")
    result, line, character = _ask(server, garden / "garden.yaml", COMPLETE, "detour: house/be", edit)
    [bench] = [item for item in result["items"] if item["label"] == "house/bench"]
    assert bench["textEdit"]["range"]["start"] == {"line": line, "character": character - len("house/be")}
    assert bench["detail"] == "A bench"


def test_completion_after_detour_offers_the_scenes_that_return_first(server, garden):
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, "detour: ", ("detour: house/bench", "detour: "))
    as_an_editor_sorts = sorted(result["items"], key=lambda item: item["sortText"])
    assert [item["label"] for item in as_an_editor_sorts][:3] == ["house/bench", "gate", "path"]


def test_completion_in_a_condition_offers_variables_and_functions(server, garden):
    result, _, _ = _ask(
        server, garden / "garden.yaml", COMPLETE, "if: cou", ("goto: path\n", "goto: path\n        if: cou\n")
    )
    assert {"courage", "name", "rested", "seen", "visits"} <= set(_labels(result))


def test_completion_inside_seen_offers_scenes(server, garden):
    edit = ("goto: path\n", 'goto: path\n        if: not seen("\n')
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, 'seen("', edit)
    assert "house/bench" in _labels(result)


def test_completion_in_a_set_offers_variables_for_names_and_values(server, garden):
    edit = ("set: {courage: courage + 1}", "set: {courage: courage + 1, re")
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, ", re", edit)
    assert "rested" in _labels(result)


def test_completion_in_a_placeholder_offers_variables(server, garden):
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, "{na", ("{name}.", "{na"))
    assert "name" in _labels(result)


def test_completion_of_a_choices_keys_is_the_key_tables(server, garden):
    edit = ("goto: path\n", "goto: path\n        on\n")
    result, _, _ = _ask(server, garden / "garden.yaml", COMPLETE, "        on", edit)
    assert _labels(result) == fmt.key_names(fmt.CHOICE)
    [once] = [item for item in result["items"] if item["label"] == "once"]
    assert fmt.CHOICE[fmt.key_names(fmt.CHOICE).index("once")].doc in once["documentation"]["value"]


# -- go to definition and hover --------------------------------------------------------------------
def test_go_to_definition_of_a_detour_opens_the_scene_in_its_own_file(server, garden):
    place, _, _ = _ask(server, garden / "garden.yaml", "textDocument/definition", "detour: house/b")
    assert place["uri"] == (garden / "house.yaml").as_uri()
    assert place["range"]["start"] == {"line": 2, "character": 2}  # `  bench:`


def test_go_to_definition_of_a_variable_opens_its_declaration(server, garden):
    place, _, _ = _ask(server, garden / "garden.yaml", "textDocument/definition", "{courage: cour")
    assert place["uri"] == (garden / "story.yaml").as_uri()
    assert place["range"]["start"]["line"] == 3


def test_hover_on_a_key_shows_the_guides_words_for_it(server, garden):
    hover, _, _ = _ask(server, garden / "garden.yaml", HOVER, "    deto")
    detour = fmt.CHOICE[fmt.key_names(fmt.CHOICE).index("detour")]
    assert detour.doc in hover["contents"]["value"]


def test_hover_on_a_scene_shows_its_title_and_first_line(server, garden):
    hover = _ask(server, garden / "garden.yaml", HOVER, "detour: house/")[0]["contents"]["value"]
    assert "A bench" in hover
    assert "You sit for a while, and the afternoon goes slowly by." in hover


def test_hover_on_a_variable_shows_its_type_and_starting_value_as_written(server, garden):
    hover = _ask(server, garden / "garden.yaml", HOVER, "{courage: cour")[0]["contents"]["value"]
    assert hover == "**courage**: a number, starting at 0"


# -- quick fixes -----------------------------------------------------------------------------------
def test_the_checkers_did_you_mean_is_offered_as_a_quick_fix(server, garden):
    chapter = garden / "garden.yaml"
    text = chapter.read_text().replace("    title: At the gate", "    titel: At the gate")
    server.open(chapter, text)
    problems = server.diagnostics(chapter, lambda items: any(p["code"] == "E101" for p in items))
    [unknown_key] = [p for p in problems if p["code"] == "E101"]
    actions = server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": chapter.as_uri()},
            "range": unknown_key["range"],
            "context": {"diagnostics": [unknown_key]},
        },
    )
    [action] = actions
    assert action["kind"] == "quickfix"
    [edit] = action["edit"]["changes"][chapter.as_uri()]
    line, _ = _cursor_after(text, "titel")
    assert edit == {
        "range": {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 9}},
        "newText": "title",
    }


# -- starting it -----------------------------------------------------------------------------------
def test_without_pygls_the_server_says_how_to_install_it():
    hidden = "import sys; sys.modules['pygls'] = None; from experience.cli import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", hidden], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "pip install pygls" in result.stderr
    assert "Traceback" not in result.stderr
