"""The shape of the code, checked: small modules, no import cycles, and layers that only look down.

Imports are read with `ast`, not by importing anything, so every import counts wherever it is
written: at the top of a module or inside a function (the lazy imports that keep `check` fast are
still dependencies). Only imports under `if TYPE_CHECKING:` are left out: they never run, and
naming a type is how a screen may know its app without depending on it. docs/architecture.md says
in words what LAYERS says here.
"""

from __future__ import annotations

import ast
from collections import deque
from functools import cache
from pathlib import Path

from .helpers import REPO

PACKAGE = REPO / "experience"
MAX_MODULE_LINES = 400

# What each part of `experience` may import of the others (the standard library and the declared
# dependencies aside). The story core is at the bottom; the command line is at the top.
LAYERS: dict[str, frozenset[str]] = {
    # Which language to speak: pure, beneath everything, so that every layer asks it the same way.
    "i18n": frozenset(),
    "story": frozenset({"i18n"}),
    "care": frozenset({"story", "i18n"}),
    "progress": frozenset({"story", "care", "i18n"}),
    "privacy": frozenset({"story", "care", "progress", "bundled", "i18n"}),
    "plain": frozenset({"story", "care", "progress", "stopping", "i18n"}),
    "tui": frozenset({"story", "care", "progress", "stopping", "i18n"}),
    # A participant's session is the full-screen player, paced; its own entry point borrows the
    # command line's error handling (`cli.run`), so that no traceback reaches a browser either.
    "workshop": frozenset({"story", "care", "progress", "privacy", "tui", "cli", "i18n"}),
    "bundled": frozenset(),
    "stopping": frozenset(),  # SIGTERM and SIGHUP, handed to whichever player is running
    "scaffold": frozenset({"story", "i18n"}),
    "lsp": frozenset({"story", "i18n"}),
    "transcripts": frozenset({"story", "care", "progress", "plain", "i18n"}),
    "cli": frozenset(
        {
            "story",
            "care",
            "progress",
            "privacy",
            "plain",
            "tui",
            "workshop",
            "bundled",
            "scaffold",
            "lsp",
            "transcripts",
            "i18n",
        }
    ),
    "__main__": frozenset({"cli"}),
}
TEXTUAL_ONLY_IN = frozenset({"tui", "workshop"})  # screens and widgets; the rest runs without it


# -- reading the imports --------------------------------------------------------------------------
def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_statements(nodes):
    """Every import statement among `nodes`, at any depth, except those only for the type checker."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _import_statements(node.orelse)
        else:
            yield from _import_statements(ast.iter_child_nodes(node))


def read_imports(source: str, name: str, *, is_package: bool, known: set[str] | dict[str, Path]):
    """What the module `name` (with this source) imports: (the modules among `known` it names,
    and the top-level names of everything else)."""
    package = name if is_package else name.rpartition(".")[0]
    ours: set[str] = set()
    theirs: set[str] = set()
    for node in _import_statements([ast.parse(source)]):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source_module = ".".join([*base, node.module] if node.module else base)
            else:
                source_module = node.module or ""
            # `from . import author` names a module; `from .story import load_story`, a name in one.
            targets = [
                f"{source_module}.{alias.name}" if f"{source_module}.{alias.name}" in known else source_module
                for alias in node.names
            ]
        for target in targets:
            if target.split(".")[0] != name.split(".")[0]:
                theirs.add(target.split(".")[0])
                continue
            while target and target not in known:  # `import experience.story.walk as w`
                target = target.rpartition(".")[0]
            if target and target != name:
                ours.add(target)
    return frozenset(ours), frozenset(theirs)


@cache
def imported_by(name: str) -> tuple[frozenset[str], frozenset[str]]:
    path = modules()[name]
    return read_imports(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py", known=modules())


def import_graph() -> dict[str, frozenset[str]]:
    return {name: imported_by(name)[0] for name in modules()}


def cycles(graph: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """The groups of modules that import each other, in a ring (strongly connected components of more
    than one module, by Tarjan's algorithm; iterative, so no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(frozenset(group))
    return found


def ring(graph: dict[str, frozenset[str]], group: frozenset[str]) -> str:
    """One way round a cycle, as `a -> b -> a`, so that the import to remove can be found."""
    start = min(group)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node] & group):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return " -> ".join([start, *reversed(path[:-1]), start])
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"{sorted(group)} is not a cycle")


def layer(name: str) -> str:
    return name.split(".")[1] if "." in name else "experience"


# -- module size ----------------------------------------------------------------------------------
def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_longer_than_the_limit():
    too_long = {
        str(path.relative_to(REPO)): _lines(path) for path in modules().values() if _lines(path) > MAX_MODULE_LINES
    }
    assert too_long == {}, f"over {MAX_MODULE_LINES} lines, split each by what its parts are for: {too_long}"


# -- one name, one meaning ------------------------------------------------------------------------
def test_no_module_gives_a_name_two_meanings_at_its_top_level():
    """A constant assigned twice keeps only its second value, silently (a crisis sentence was once
    replaced by a settings one this way); a `TYPE_CHECKING` branch or an `if`/`try` is not counted."""
    twice = {}
    for name, path in modules().items():
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign) and node.value
                else []
            )
            for target in targets:
                if isinstance(target, ast.Name):
                    if target.id in seen and target.id != "__all__":
                        twice.setdefault(name, []).append(target.id)
                    seen.add(target.id)
    assert twice == {}


# -- import cycles --------------------------------------------------------------------------------
def test_no_modules_import_each_other_in_a_cycle():
    graph = import_graph()
    new = [f"{', '.join(sorted(group))} (for one: {ring(graph, group)})" for group in cycles(graph)]
    assert new == [], "import cycles (lazy imports count); move what both sides need to a module of its own:\n" + (
        "\n".join(new)
    )


def test_the_cycle_finder_names_each_ring_of_imports():
    """The checks above are only as good as the finder: a ring, a tail into it, and a tree."""
    graph = {
        "a": frozenset({"b"}),
        "b": frozenset({"c"}),
        "c": frozenset({"a", "d"}),
        "d": frozenset(),
        "e": frozenset({"a", "f"}),
        "f": frozenset({"e"}),
    }
    assert sorted(map(sorted, cycles(graph))) == [["a", "b", "c"], ["e", "f"]]
    assert ring(graph, frozenset({"a", "b", "c"})) == "a -> b -> c -> a"


def test_imports_are_read_wherever_they_are_written():
    """A lazy import inside a function counts; an import only for the type checker does not."""
    source = """
from typing import TYPE_CHECKING
from . import sibling
from ..story import load_story
if TYPE_CHECKING:
    from ..tui.app import ExperienceApp
def later():
    import textual
    from ..story.walk import walk
"""
    known = {"pkg.cli", "pkg.cli.here", "pkg.cli.sibling", "pkg.story", "pkg.story.walk", "pkg.tui.app"}
    ours, theirs = read_imports(source, "pkg.cli.here", is_package=False, known=known)
    assert ours == {"pkg.cli.sibling", "pkg.story", "pkg.story.walk"}
    assert theirs == {"typing", "textual"}


# -- layers ---------------------------------------------------------------------------------------
def test_every_part_of_the_package_has_a_place_in_the_layers():
    unplaced = sorted({layer(name) for name in modules()} - set(LAYERS) - {"experience"})
    assert unplaced == [], f"add each to LAYERS here and to docs/architecture.md: {unplaced}"


def test_each_part_imports_only_the_parts_below_it():
    upward = sorted(
        f"{name} imports {target}"
        for name in modules()
        for target in imported_by(name)[0]
        if layer(target) != layer(name)
        and layer(target) != "experience"  # the package itself: its version
        and layer(target) not in LAYERS.get(layer(name), frozenset())
    )
    assert upward == [], "not allowed by LAYERS (see docs/architecture.md):\n" + "\n".join(upward)


def test_the_story_core_never_imports_textual_or_the_store():
    """`experience/story` is pure: `check` and `walk` start fast, and the engine is plain functions.
    (It may ask `i18n` which language to speak, which is pure too.)"""
    reaching_out = sorted(
        f"{name} imports {target}"
        for name in modules()
        if layer(name) == "story"
        for target in imported_by(name)[0] | imported_by(name)[1]
        if target == "textual" or (target.startswith("experience.") and layer(target) not in {"story", "i18n"})
    )
    assert reaching_out == [], "\n".join(reaching_out)


def test_only_the_screens_import_textual():
    elsewhere = sorted(
        name for name in modules() if "textual" in imported_by(name)[1] and layer(name) not in TEXTUAL_ONLY_IN
    )
    assert elsewhere == [], f"Textual outside {sorted(TEXTUAL_ONLY_IN)}: {elsewhere}"


# -- the command line -----------------------------------------------------------------------------
def _help_of_every_command(parser) -> dict[str, str]:
    import argparse

    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: command.format_help() for name, command in sub.choices.items()}


def test_a_command_built_alone_has_the_arguments_it_has_among_all(monkeypatch):
    """`main` builds only the arguments of the command it runs; nothing else may differ."""
    from experience.cli import build_parser

    monkeypatch.setenv("COLUMNS", "100")
    everything = _help_of_every_command(build_parser())
    alone = {name: _help_of_every_command(build_parser(name))[name] for name in everything}
    assert alone == everything
    assert build_parser("check").format_help() == build_parser().format_help()


def test_the_story_tools_import_neither_the_player_nor_the_server(story_dir):
    """`check` and `walk` stay fast: no Textual, no web server, no store."""
    import subprocess
    import sys

    root = story_dir(
        {"one.yaml": "title: One\nscenes:\n  a:\n    text: Hi.\n    end: true\n"}, manifest="title: T\nstart: one/a\n"
    )
    heavy = ("textual", "textual_serve", "aiohttp", "experience.progress", "experience.workshop", "experience.tui")
    code = (
        "import sys; from experience.cli import main; "
        f"main(['check', {str(root)!r}]); main(['walk', {str(root)!r}, '-n', '5']); "
        f"print('imported:', *sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.splitlines()[-1] == "imported:"


# -- the documents --------------------------------------------------------------------------------
def test_the_documents_point_only_inside_the_repository():
    """README, AUTHORING and docs/ explain the project on their own: every relative link leads to a
    file of the repository, and no path climbs out of it."""
    import re

    documents = [REPO / "README.md", REPO / "AUTHORING.md", *sorted((REPO / "docs").glob("*.md"))]
    outside = []
    for document in documents:
        text = document.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s#]+)", text):
            if "://" in target or target.startswith("mailto:"):
                continue
            resolved = (document.parent / target).resolve()
            if not resolved.is_relative_to(REPO) or not resolved.exists():
                outside.append(f"{document.name}: {target}")
        outside += [f"{document.name}: {path}" for path in re.findall(r"(?<![\w.])\.\./[\w./-]+", text)]
    assert outside == [], outside
