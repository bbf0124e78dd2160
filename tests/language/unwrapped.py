"""Finding sentences in the program's code that do not go through gettext (see test_catalogues).

A heuristic, kept simple: a string literal that reads like words (a space, or a capitalised word)
and is not inside `_`, `lazy`, `N_`, `ngettext` or `pgettext`, a docstring, a comparison, a key
or an option for a widget (`id=`, `classes=`), nor a Binding's key and action, nor SQL. Each module's
literals that are not for a person to read are listed where the test uses this.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TRANSLATE = {"_", "lazy", "N_", "ngettext", "pgettext"}
NOT_WORDS = {"id", "classes", "severity", "name", "variant", "key", "action", "group", "encoding", "mode", "markup"}
NOT_FOR_READING = {"query_one", "query", "add_class", "remove_class", "set_class", "has_class", "getattr", "get"}
NOT_FOR_READING |= {"startswith", "endswith", "split", "join", "replace", "strip", "compile", "sub", "match"}
NOT_FOR_READING |= {"search", "fullmatch", "isinstance", "execute", "format_date", "format_time", "TypeVar", "cast"}
# SQL for the database, a whole statement or a piece of one: its keywords in capitals, or `column = ?`
SQL = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|WHERE|AND|IS NOT NULL)\b|\w (?:!?=) [:?]")


def reads_like_words(text: str) -> bool:
    text = text.strip()
    if not re.search(r"[A-Za-z]{2,}", text) or re.fullmatch(r"[a-z0-9_.\-:/+]+", text):
        return False
    if re.fullmatch(r"(bold|italic|dim|underline|reverse|\$[\w-]+|#[0-9A-Fa-f]{3,8}|\d+%| )+", text):  # a style
        return False
    if "(?:" in text or SQL.search(text):  # a regular expression, or SQL
        return False
    return " " in text or re.match(r"[A-Z][a-z]", text) is not None


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in TRANSLATE:
            return
        for keyword in node.keywords:
            if keyword.arg not in NOT_WORDS:
                self.visit(keyword.value)
        if name in NOT_FOR_READING:
            return
        self.visit(func)
        for arg in node.args[2:] if name == "Binding" else node.args:
            self.visit(arg)

    def visit_Expr(self, node: ast.Expr) -> None:
        if not isinstance(node.value, ast.Constant):  # a docstring otherwise
            self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        return

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.visit(node.value)

    def visit_Dict(self, node: ast.Dict) -> None:
        for value in node.values:
            self.visit(value)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for statement in node.body:
            if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id in {"CSS", "DEFAULT_CSS", "CSS_PATH"} for t in statement.targets
            ):
                continue
            self.visit(statement)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and reads_like_words(node.value):
            self.found.append((node.lineno, node.value))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if reads_like_words(text):
            self.found.append((node.lineno, text))


def unwrapped(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal in `path` that reads like words and is not translated."""
    finder = _Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    return finder.found
