"""Checking and compiling one parsed expression, node by node, into a tree of closures.

Each kind of node the language allows has its method; anything else is refused with a reason
an author can act on. Types are checked as the tree is built, so every closure it returns is
handed operands of the type it expects.
"""

from __future__ import annotations

import ast
import difflib
import operator
from collections.abc import Callable, Mapping
from typing import Any, cast

from ..i18n import _, ngettext
from .codes import Code
from .expression_words import CALLABLE, FOREIGN, NESTED_TOO_DEEPLY, lower_case, only_functions, too_large, type_name
from .format import in_range
from .functions import FUNCTIONS, build
from .safe_text import control_character_message, first_unsafe
from .values import Evaluator, NumberEvaluator, ValueType, Variables, Visits

MAX_DEPTH = 60
Compiled = tuple[Evaluator, ValueType]
CONSTANT_NAMES = {"true": True, "false": False}


class Reject(Exception):
    """Why an expression cannot be compiled. A `code` of None is a problem already reported
    elsewhere (a variable whose declaration was broken): the expression fails in silence."""

    def __init__(self, code: Code | None, message: str, node: ast.AST | None = None):
        self.code, self.message, self.node = code, message, node


_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARISONS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}

_TEXT_METHODS = {"upper", "capitalize", "title", "lower", "strip"}


class Compiler:
    def __init__(
        self,
        variables: Mapping[str, ValueType],
        resolve_scene: Callable[[str], str | None],
        site: str,
        broken: frozenset[str],
        unknown_variable: Callable[[str, Mapping[str, ValueType]], str],
    ):
        self.unknown_variable = unknown_variable
        self.variables = variables
        self.resolve_scene = resolve_scene
        self.site = site
        self.broken = broken
        self.reads: set[str] = set()
        self.scenes: set[str] = set()
        self.fallible = False
        self.rolls = False
        self.version = 1

    def compile(self, node: ast.AST, depth: int = 0) -> Compiled:
        if depth > MAX_DEPTH:
            raise Reject(Code.EXPRESSION_SYNTAX, str(NESTED_TOO_DEEPLY), node)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            foreign = FOREIGN.get(type(node))
            message = (
                str(foreign)
                if foreign is not None
                # Translators: {name} is the name Python gives a kind of code (e.g. 'Yield'), in quotes.
                else _("'{name}' is not part of the expression language").format(name=type(node).__name__)
            )
            raise Reject(Code.NOT_IN_EXPRESSIONS, message, node)
        return method(node, depth + 1)

    # -- leaves ---------------------------------------------------------------------------
    def _Constant(self, node: ast.Constant, depth: int) -> Compiled:
        value = node.value
        if isinstance(value, bool):
            raise Reject(Code.NOT_IN_EXPRESSIONS, lower_case(str(value)), node)
        if isinstance(value, (int, float)) and not isinstance(value, complex):
            if not in_range(value):
                raise Reject(Code.INVALID_VALUE, too_large(), node)
            return (lambda _v, _s, _d, value=value: value), ValueType.NUMBER
        if isinstance(value, str):
            index = first_unsafe(value)  # "\x1b" in an expression writes what a story file may not hold
            if index is not None:
                raise Reject(Code.CONTROL_CHARACTER, control_character_message(value[index]), node)
            return (lambda _v, _s, _d, value=value: value), ValueType.TEXT
        if value is None:
            raise Reject(Code.NOT_IN_EXPRESSIONS, _('None is not a value here; use 0, "" or false'), node)
        raise Reject(
            Code.NOT_IN_EXPRESSIONS,
            # Translators: {kind} is the name Python gives a kind of value (e.g. complex, bytes).
            _("{kind} values are not part of the expression language").format(kind=type(value).__name__),
            node,
        )

    def _Name(self, node: ast.Name, depth: int) -> Compiled:
        name = node.id
        if name in CONSTANT_NAMES:
            value = CONSTANT_NAMES[name]
            return (lambda _v, _s, _d, value=value: value), ValueType.FLAG
        if name.startswith("__"):
            raise Reject(
                Code.NOT_IN_EXPRESSIONS,
                _("names with double underscores like '{name}' are not allowed").format(name=name),
                node,
            )
        if name in FUNCTIONS:
            raise Reject(
                Code.EXPRESSION_SYNTAX,
                # Translators: {example} is a call written as in a story, e.g. seen("meeting/door").
                _("'{name}' is a function: write {example}").format(name=name, example=FUNCTIONS[name].example),
                node,
            )
        kind = self.variables.get(name)
        if kind is None and name in self.broken:
            raise Reject(None, "", node)  # its declaration has its own error
        if kind is None and name in ("True", "False"):
            raise Reject(Code.UNKNOWN_VARIABLE, lower_case(name), node)
        if kind is None:
            raise Reject(Code.UNKNOWN_VARIABLE, self.unknown_variable(name, self.variables), node)
        self.reads.add(name)
        return (lambda v, _s, _d, name=name: v[name]), kind

    # -- operators ------------------------------------------------------------------------
    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> Compiled:
        operand, kind = self.compile(node.operand, depth)
        if isinstance(node.op, ast.Not):
            name = _variable(node.operand)
            if name is not None:  # `not rested`, the commonest: one call, not two
                return (lambda v, _s, _d: not v[name]), ValueType.FLAG
            return (lambda v, s, d: not operand(v, s, d)), ValueType.FLAG
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            if kind is not ValueType.NUMBER:
                raise Reject(Code.TYPE_MISMATCH, _("'-' needs a number, not {kind}").format(kind=type_name(kind)), node)
            if isinstance(node.op, ast.USub):
                number = cast(NumberEvaluator, operand)
                return (lambda v, s, d: -number(v, s, d)), ValueType.NUMBER
            return operand, ValueType.NUMBER
        raise Reject(Code.NOT_IN_EXPRESSIONS, _("'~' is not part of the expression language"), node)

    def _BinOp(self, node: ast.BinOp, depth: int) -> Compiled:
        symbol = _OPERATORS.get(type(node.op))
        if symbol is None:
            raise Reject(Code.NOT_IN_EXPRESSIONS, _("only + - * / are allowed for arithmetic"), node)
        left, lt = self.compile(node.left, depth)
        right, rt = self.compile(node.right, depth)
        text = symbol == "+" and lt is rt is ValueType.TEXT
        if not text and (lt is not ValueType.NUMBER or rt is not ValueType.NUMBER):
            raise Reject(
                Code.TYPE_MISMATCH,
                # Translators: {symbol} is an operator (+ - * /); {left} and {right} are kinds of value.
                _("'{symbol}' needs two numbers, not {left} and {right}").format(
                    symbol=symbol, left=type_name(lt), right=type_name(rt)
                ),
                node,
            )
        if symbol == "/":
            self.fallible = True  # Expression.evaluate reports / 0
        return _binary(_ARITHMETIC[symbol], node.left, node.right, left, right), lt

    def _BoolOp(self, node: ast.BoolOp, depth: int) -> Compiled:
        parts = tuple(self.compile(value, depth)[0] for value in node.values)
        if isinstance(node.op, ast.And):

            def all_true(v: Variables, s: Visits, d: int) -> bool:
                for part in parts:
                    if not part(v, s, d):
                        return False
                return True

            return all_true, ValueType.FLAG

        def any_true(v: Variables, s: Visits, d: int) -> bool:
            for part in parts:
                if part(v, s, d):
                    return True
            return False

        return any_true, ValueType.FLAG

    def _Compare(self, node: ast.Compare, depth: int) -> Compiled:
        operands = [self.compile(node.left, depth)]
        operands += [self.compile(c, depth) for c in node.comparators]
        checks = []
        for index, op in enumerate(node.ops):
            symbol = _COMPARISONS.get(type(op))
            if symbol is None:
                word = {ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}.get(type(op), "?")
                message = (
                    # Translators: {word} is Python's 'is' or 'is not', which the language does not have.
                    _("'{word}' is not part of the expression language (use == and !=)")
                    if word.startswith("is")
                    # Translators: {word} is Python's 'in' or 'not in', which the language does not have.
                    else _("'{word}' is not part of the expression language")
                )
                raise Reject(Code.NOT_IN_EXPRESSIONS, message.format(word=word), node)
            lt, rt = operands[index][1], operands[index + 1][1]
            if symbol in ("==", "!=") and lt is not rt:
                raise Reject(
                    Code.TYPE_MISMATCH,
                    # Translators: {symbol} is == or !=; {left} and {right} are kinds of value.
                    _("'{symbol}' compares {left} with {right}; they can never be equal").format(
                        symbol=symbol, left=type_name(lt), right=type_name(rt)
                    ),
                    node,
                )
            if symbol not in ("==", "!=") and (lt is not rt or lt is ValueType.FLAG):
                raise Reject(
                    Code.TYPE_MISMATCH,
                    # Translators: {symbol} is < <= > or >=; {left} and {right} are kinds of value.
                    _("'{symbol}' needs two numbers or two texts, not {left} and {right}").format(
                        symbol=symbol, left=type_name(lt), right=type_name(rt)
                    ),
                    node,
                )
            checks.append(symbol)
        functions = tuple(f for f, _ in operands)
        ops = tuple(_COMPARE_FUNCS[s] for s in checks)
        if len(ops) == 1:
            a, b = functions
            compare = ops[0]
            return _binary(compare, node.left, node.comparators[0], a, b), ValueType.FLAG

        def chain(v: Variables, s: Visits, d: int) -> bool:
            left = functions[0](v, s, d)
            for compare, f in zip(ops, functions[1:], strict=True):
                right = f(v, s, d)
                if not compare(left, right):
                    return False
                left = right
            return True

        return chain, ValueType.FLAG

    def _Call(self, node: ast.Call, depth: int) -> Compiled:
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in _TEXT_METHODS and isinstance(func.value, ast.Name):
                raise Reject(
                    Code.NOT_IN_EXPRESSIONS,
                    # Translators: {method} is a text method an author tried (upper, title...); {name} a variable.
                    _(
                        "methods like .{method}() are not part of the expression language; "
                        "for a capital letter write capitalize({name})"
                    ).format(method=func.attr, name=func.value.id),
                    node,
                )
            raise Reject(Code.NOT_IN_EXPRESSIONS, only_functions(), node)
        if not isinstance(func, ast.Name):
            raise Reject(Code.NOT_IN_EXPRESSIONS, only_functions(), node)
        name = func.id
        function = FUNCTIONS.get(name)
        if function is None:
            close = difflib.get_close_matches(name, list(FUNCTIONS), n=1)
            message = (
                _("unknown function '{name}'; did you mean '{close}'?").format(name=name, close=close[0])
                if close
                # Translators: {functions} lists the calls a story may make: seen(...), visits(...), ...
                else _("unknown function '{name}'; the functions are {functions}").format(name=name, functions=CALLABLE)
            )
            raise Reject(Code.UNKNOWN_FUNCTION, message, node)
        self.version = max(self.version, function.since)
        if function.takes_scene:
            return self._scene_call(node, function.name), function.result
        if node.keywords or len(node.args) != len(function.params):
            count = len(function.params)
            raise Reject(
                Code.EXPRESSION_SYNTAX,
                # Translators: {name}() is a function's name; {example} a call written as in a story.
                ngettext(
                    "{name}() takes {count} value, like {example}",
                    "{name}() takes {count} values, like {example}",
                    count,
                ).format(name=name, count=count, example=function.example),
                node,
            )
        args = []
        for arg, expected in zip(node.args, function.params, strict=True):
            evaluate, kind = self.compile(arg, depth)
            if kind is not expected:
                raise Reject(
                    Code.TYPE_MISMATCH,
                    # Translators: {name}() is a function's name; {expected} and {kind} are kinds of value.
                    _("{name}() needs {expected}, not {kind}").format(
                        name=name, expected=type_name(cast(ValueType, expected)), kind=type_name(kind)
                    ),
                    arg,
                )
            args.append(evaluate)
        if name == "random":
            self.rolls = True
        salt = f"{self.site}/{node.col_offset}"
        return build(function, tuple(args), None, salt), function.result

    def _scene_call(self, node: ast.Call, name: str) -> Evaluator:
        if node.keywords or len(node.args) != 1:
            raise Reject(
                Code.EXPRESSION_SYNTAX,
                # Translators: keep {name}("chapter/scene") as it is: it is how the call is written.
                _('{name}() takes one scene, like {name}("chapter/scene")').format(name=name),
                node,
            )
        arg = node.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            raise Reject(
                Code.EXPRESSION_SYNTAX,
                # Translators: keep {name}("chapter/scene") as it is: it is how the call is written.
                _('{name}() takes a scene name in quotes, like {name}("chapter/scene")').format(name=name),
                arg,
            )
        scene = self.resolve_scene(arg.value)
        if scene is None:
            raise Reject(
                Code.UNKNOWN_SCENE,
                _("{name}() names the scene '{scene}', which does not exist").format(name=name, scene=arg.value),
                arg,
            )
        self.scenes.add(scene)
        return build(FUNCTIONS[name], (), scene, "")

    def _Expression(self, node: ast.Expression, depth: int) -> Compiled:
        return self.compile(node.body, depth)


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
}  # fmt: skip
_COMPARE_FUNCS: dict[str, Callable[[Any, Any], Any]] = {  # the operands' types were checked when compiled
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}  # fmt: skip


# -- the commonest shapes, in one closure -----------------------------------------------------------------
# `strength > 40`, `strength + 10`, `role == "guide"`: a variable and a constant (or two variables)
# on either side of one operator. As a tree they cost three calls each time they are computed; as
# one closure, one. A walk computes them millions of times. Only nodes already compiled (so their
# names and types checked) come here.
def _variable(node: ast.AST) -> str | None:
    return node.id if isinstance(node, ast.Name) and node.id not in CONSTANT_NAMES else None


def _constant(node: ast.AST) -> tuple[Any] | None:
    if isinstance(node, ast.Constant):
        return (node.value,)
    if isinstance(node, ast.Name) and node.id in CONSTANT_NAMES:
        return (CONSTANT_NAMES[node.id],)
    return None


def _binary(op: Callable[[Any, Any], Any], left: ast.AST, right: ast.AST, a: Evaluator, b: Evaluator) -> Evaluator:
    """`op` of two operands (`a` computes the `left` node, `b` the `right`), in one closure when
    at least one is a variable and the other a variable or a constant."""
    lname, rname = _variable(left), _variable(right)
    lconst, rconst = _constant(left), _constant(right)
    if lname is not None and rconst is not None:
        value = rconst[0]
        return lambda v, _s, _d: op(v[lname], value)
    if lconst is not None and rname is not None:
        value = lconst[0]
        return lambda v, _s, _d: op(value, v[rname])
    if lname is not None and rname is not None:
        return lambda v, _s, _d: op(v[lname], v[rname])
    if lname is not None:
        return lambda v, s, d: op(v[lname], b(v, s, d))
    if rname is not None:
        return lambda v, s, d: op(a(v, s, d), v[rname])
    return lambda v, s, d: op(a(v, s, d), b(v, s, d))
