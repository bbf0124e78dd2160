"""The story package's shape: rules that keep it easy to change, checked rather than remembered."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "experience" / "story"


def _imports_within_package(path: Path) -> set[str]:
    """Modules of the package this one imports anywhere in it, inside functions too."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:  # from . import format as fmt
                found.update(alias.name for alias in node.names)
    return found


def test_the_story_package_has_no_import_cycles_lazy_imports_included():
    graph = {p.stem: _imports_within_package(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in path:
                cycles.append(" -> ".join(path[path.index(imported) :] + [imported]))
            elif imported in graph:
                visit(imported, path + [imported])

    for module in sorted(graph):
        visit(module, [module])
    assert cycles == []
