"""Whether some condition of a list always holds: the question behind "a reader may be stranded".

A choice without `if` always holds, and so does a constant condition that is true. Beyond that,
the checker recognises simple complements, the way an author writes them: `teacup` and
`not teacup`, `x > 15` and `not (x > 15)` or `x <= 15`, `role == "a"` and `role != "a"`, and the
same under `and`/`or` (by De Morgan's laws). Each condition is put in one normal form (every
`not` pushed down to a comparison or a name, comparisons with the variable first, the parts of
`and`/`or` in a fixed order) and two conditions are complements when one's form is the other's
negation. It never claims more than that: three conditions that only cover everything together
(`x < 0`, `x == 0`, `x > 0`) still get the warning.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import lru_cache

from .conditions import Expression

_FLIP = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt}
_MIRROR = {ast.Eq: ast.Eq, ast.NotEq: ast.NotEq, ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}


def always_one(conditions: Iterable[Expression | None]) -> bool:
    """Whether, in every state, at least one of `conditions` holds (None: no condition at all)."""
    written = list(conditions)
    if any(c is None or (c.is_constant and bool(c.evaluate({}, {}))) for c in written):
        return True
    forms: set[str] = set()
    negations: set[str] = set()
    for condition in written:
        assert condition is not None
        node = _normal(condition.source)
        if node is None:
            continue
        form, negated = ast.dump(node), ast.dump(_negate(node))
        if form in negations or negated in forms:
            return True
        forms.add(form)
        negations.add(negated)
    return False


@lru_cache(maxsize=4096)
def _normal(source: str) -> ast.expr | None:
    try:
        return _norm(ast.parse(source, mode="eval").body)
    except (SyntaxError, ValueError, RecursionError):  # compiled once already; kept safe regardless
        return None


def _norm(node: ast.expr) -> ast.expr:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _negate(_norm(node.operand))
    if isinstance(node, ast.BoolOp):
        return _bool(node.op, [_norm(v) for v in node.values])
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], node.ops[0]
        if isinstance(left, ast.Constant) and not isinstance(right, ast.Constant) and type(op) in _MIRROR:
            left, right, op = right, left, _MIRROR[type(op)]()
        return ast.Compare(left=left, ops=[op], comparators=[right])
    return node


def _negate(node: ast.expr) -> ast.expr:
    """`not node`, in normal form (node already is)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return node.operand
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _FLIP:
        return ast.Compare(left=node.left, ops=[_FLIP[type(node.ops[0])]()], comparators=node.comparators)
    if isinstance(node, ast.BoolOp):
        other: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return _bool(other, [_negate(v) for v in node.values])
    return ast.UnaryOp(op=ast.Not(), operand=node)


def _bool(op: ast.boolop, values: list[ast.expr]) -> ast.expr:
    return ast.BoolOp(op=op, values=sorted(values, key=ast.dump))
