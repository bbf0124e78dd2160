"""The language server speaks its own language (`experience lsp --lang es`, or the system's):
its hovers and its quick fixes' titles; the checker's messages are the checker's."""

from __future__ import annotations

import sys

from experience.i18n import use_language

from .lsp_client import Client


def test_the_language_server_answers_in_its_own_language(garden):
    client = Client([sys.executable, "-m", "experience", "lsp", "--lang", "es"])
    try:
        client.initialize(garden)
        chapter = garden / "garden.yaml"
        text = chapter.read_text()
        client.open(chapter, text)
        index = text.index("{courage: cour") + len("{courage: cour")
        line = text[:index].count("\n")
        hover = client.at("textDocument/hover", chapter, line, index - (text[:index].rfind("\n") + 1))
        assert "empieza en 0" in hover["contents"]["value"]
    finally:
        client.close()


def test_a_quick_fix_is_titled_in_spanish_and_found_in_a_spanish_message():
    from lsprotocol import types

    from experience.lsp.fixes import fix

    use_language("es")
    problem = types.Diagnostic(
        types.Range(types.Position(0, 0), types.Position(0, 5)), "la clave 'titel' no existe; ¿quisiste decir 'title'?"
    )
    action = fix("file:///s.yaml", ["titel: A"], problem, types.Position(0, 0))
    assert action is not None and action.title == "Cambiar a 'title'"
