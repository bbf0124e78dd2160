"""The language server speaks its own language (`experience lsp --lang es`, or the system's):
its hovers and its quick fixes' titles; the checker's messages are the checker's."""

from __future__ import annotations

import sys

import pytest

from .lsp_client import Client


@pytest.fixture
def spanish_server(garden):
    client = Client([sys.executable, "-m", "experience", "lsp", "--lang", "es"])
    try:
        client.initialize(garden)
        yield client
    finally:
        client.close()


def test_the_language_server_answers_in_its_own_language(spanish_server, garden):
    chapter = garden / "garden.yaml"
    text = chapter.read_text()
    spanish_server.open(chapter, text)
    index = text.index("{courage: cour") + len("{courage: cour")
    line = text[:index].count("\n")
    hover = spanish_server.at("textDocument/hover", chapter, line, index - (text[:index].rfind("\n") + 1))
    assert "empieza en 0" in hover["contents"]["value"]


def _quick_fixes(client, chapter, text, code):
    client.open(chapter, text)
    problems = client.diagnostics(chapter, lambda items: any(p["code"] == code for p in items))
    [problem] = [p for p in problems if p["code"] == code]
    context = {
        "textDocument": {"uri": chapter.as_uri()},
        "range": problem["range"],
        "context": {"diagnostics": [problem]},
    }
    return problem["message"], client.request("textDocument/codeAction", context)


def test_the_checkers_spanish_suggestions_are_quick_fixes_titled_in_spanish(spanish_server, garden):
    chapter = garden / "garden.yaml"
    original = chapter.read_text()
    typos = (
        (original.replace("    title: At the gate", "    titel: At the gate"), "E101", "title"),
        (original.replace("courage + 1", "courag + 1"), "E301", "courage"),
    )
    for text, code, suggested in typos:
        message, actions = _quick_fixes(spanish_server, chapter, text, code)
        assert "querías decir" in message
        [action] = actions
        assert action["title"] == f"Cambiar a '{suggested}'"
