"""The small expression language of `if` conditions and `set` values.

Authors write things like `tenderness > 2 and not seen("grounding/breath")`. The text is parsed
once, at load time, with Python's own parser in `eval` mode; every node is then checked against a
short whitelist and against the declared types of the story's variables, and turned into a tree
of closures. Nothing is ever passed to `eval`, and no name outside the story's variables and the
two functions `seen` and `visits` can be reached, so a scene file can never run code.

Values are numbers, text and true/false. The checker knows the type of every expression, so
`role > 3` or `set: {tenderness: "a lot"}` is an error at load time, not a surprise while playing.
An expression without variables is computed once as it is read, so `1 / 0 > 0` is an error
there too. What the compiled `Expression` is, and the limits of what it computes, are in
values.py (its names are imported here too, where the loader has always found them).
"""

from __future__ import annotations

import ast
import difflib
import operator
from collections.abc import Callable, Mapping
from typing import Any, cast

from .codes import Code
from .diagnostics import Diagnostic, Location, StoryRuntimeError
from .format import NUMBER_RANGE, in_range
from .safe_text import control_character_message, first_unsafe
from .values import Evaluator, NumberEvaluator, TextEvaluator, within_limits
from .values import Expression as Expression  # where the loader and the engine have always found these
from .values import Value as Value
from .values import ValueType as ValueType
from .values import Variables as Variables
from .values import Visits as Visits
from .values import literal as literal

MAX_SOURCE_LENGTH = 1000
MAX_DEPTH = 60

Compiled = tuple[Evaluator, ValueType]
FUNCTIONS = {"seen": ValueType.FLAG, "visits": ValueType.NUMBER}
CONSTANT_NAMES = {"true": True, "false": False}
RESERVED_NAMES = frozenset(FUNCTIONS) | frozenset(CONSTANT_NAMES) | {"and", "or", "not"}


class _Reject(Exception):
    def __init__(self, code: Code, message: str, node: ast.AST | None = None):
        self.code, self.message, self.node = code, message, node


_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARISONS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}

_FOREIGN = {
    ast.Attribute: "attributes (x.y) are",
    ast.Subscript: "subscripts (x[...]) are",
    ast.Slice: "slices are",
    ast.Lambda: "lambda is",
    ast.IfExp: "'... if ... else ...' is",
    ast.ListComp: "comprehensions are",
    ast.SetComp: "comprehensions are",
    ast.DictComp: "comprehensions are",
    ast.GeneratorExp: "comprehensions are",
    ast.List: "lists are",
    ast.Tuple: "tuples are",
    ast.Dict: "dictionaries are",
    ast.Set: "sets are",
    ast.NamedExpr: "':=' is",
    ast.Starred: "'*' is",
    ast.JoinedStr: "f-strings are",
    ast.Await: "await is",
    ast.Yield: "yield is",
    ast.YieldFrom: "yield is",
}


def _type_name(t: ValueType) -> str:
    return t.value


class _Compiler:
    def __init__(
        self, variables: Mapping[str, ValueType], resolve_scene: Callable[[str], str | None], location: Location
    ):
        self.variables = variables
        self.resolve_scene = resolve_scene
        self.location = location
        self.reads: set[str] = set()
        self.scenes: set[str] = set()

    def compile(self, node: ast.AST, depth: int = 0) -> Compiled:
        if depth > MAX_DEPTH:
            raise _Reject(Code.EXPRESSION_SYNTAX, "expression is nested too deeply", node)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            what = _FOREIGN.get(type(node), f"'{type(node).__name__}' is")
            raise _Reject(Code.NOT_IN_EXPRESSIONS, f"{what} not part of the expression language", node)
        return method(node, depth + 1)

    # -- leaves ---------------------------------------------------------------------------
    def _Constant(self, node: ast.Constant, depth: int) -> Compiled:
        value = node.value
        if isinstance(value, bool):
            raise _Reject(Code.NOT_IN_EXPRESSIONS, f"write {str(value).lower()}, in lower case", node)
        if isinstance(value, (int, float)) and not isinstance(value, complex):
            if not in_range(value):
                raise _Reject(Code.INVALID_VALUE, f"this number is too large: numbers go {NUMBER_RANGE}", node)
            return (lambda _v, _s, value=value: value), ValueType.NUMBER
        if isinstance(value, str):
            index = first_unsafe(value)  # "\x1b" in an expression writes what a story file may not hold
            if index is not None:
                raise _Reject(Code.CONTROL_CHARACTER, control_character_message(value[index]), node)
            return (lambda _v, _s, value=value: value), ValueType.TEXT
        if value is None:
            raise _Reject(Code.NOT_IN_EXPRESSIONS, 'None is not a value here; use 0, "" or false', node)
        raise _Reject(
            Code.NOT_IN_EXPRESSIONS, f"{type(value).__name__} values are not part of the expression language", node
        )

    def _Name(self, node: ast.Name, depth: int) -> Compiled:
        name = node.id
        if name in CONSTANT_NAMES:
            value = CONSTANT_NAMES[name]
            return (lambda _v, _s, value=value: value), ValueType.FLAG
        if name.startswith("__"):
            raise _Reject(Code.NOT_IN_EXPRESSIONS, f"names with double underscores like '{name}' are not allowed", node)
        if name in FUNCTIONS:
            raise _Reject(Code.EXPRESSION_SYNTAX, f"'{name}' is a function: write {name}(\"chapter/scene\")", node)
        kind = self.variables.get(name)
        if kind is None and name in ("True", "False"):
            raise _Reject(Code.UNKNOWN_VARIABLE, f"write {name.lower()}, in lower case", node)
        if kind is None:
            raise _Reject(Code.UNKNOWN_VARIABLE, unknown_variable_message(name, self.variables), node)
        self.reads.add(name)
        return (lambda v, _s, name=name: v[name]), kind

    # -- operators ------------------------------------------------------------------------
    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> Compiled:
        operand, kind = self.compile(node.operand, depth)
        if isinstance(node.op, ast.Not):
            return (lambda v, s: not operand(v, s)), ValueType.FLAG
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            if kind is not ValueType.NUMBER:
                raise _Reject(Code.TYPE_MISMATCH, f"'-' needs a number, not {_type_name(kind)}", node)
            if isinstance(node.op, ast.USub):
                number = cast(NumberEvaluator, operand)
                return (lambda v, s: -number(v, s)), ValueType.NUMBER
            return operand, ValueType.NUMBER
        raise _Reject(Code.NOT_IN_EXPRESSIONS, "'~' is not part of the expression language", node)

    def _BinOp(self, node: ast.BinOp, depth: int) -> Compiled:
        symbol = _OPERATORS.get(type(node.op))
        if symbol is None:
            raise _Reject(Code.NOT_IN_EXPRESSIONS, "only + - * / are allowed for arithmetic", node)
        left, lt = self.compile(node.left, depth)
        right, rt = self.compile(node.right, depth)
        if symbol == "+" and lt is rt is ValueType.TEXT:
            ltext, rtext = cast(TextEvaluator, left), cast(TextEvaluator, right)
            return (lambda v, s: ltext(v, s) + rtext(v, s)), ValueType.TEXT
        if lt is not ValueType.NUMBER or rt is not ValueType.NUMBER:
            raise _Reject(
                Code.TYPE_MISMATCH, f"'{symbol}' needs two numbers, not {_type_name(lt)} and {_type_name(rt)}", node
            )
        a, b = cast(NumberEvaluator, left), cast(NumberEvaluator, right)
        if symbol == "+":
            return (lambda v, s: a(v, s) + b(v, s)), ValueType.NUMBER
        if symbol == "-":
            return (lambda v, s: a(v, s) - b(v, s)), ValueType.NUMBER
        if symbol == "*":
            return (lambda v, s: a(v, s) * b(v, s)), ValueType.NUMBER
        return (lambda v, s: a(v, s) / b(v, s)), ValueType.NUMBER  # Expression.evaluate reports / 0

    def _BoolOp(self, node: ast.BoolOp, depth: int) -> Compiled:
        parts = tuple(self.compile(value, depth)[0] for value in node.values)
        if isinstance(node.op, ast.And):

            def all_true(v: Variables, s: Visits) -> bool:
                for part in parts:
                    if not part(v, s):
                        return False
                return True

            return all_true, ValueType.FLAG

        def any_true(v: Variables, s: Visits) -> bool:
            for part in parts:
                if part(v, s):
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
                hint = " (use == and !=)" if word.startswith("is") else ""
                raise _Reject(Code.NOT_IN_EXPRESSIONS, f"'{word}' is not part of the expression language{hint}", node)
            lt, rt = operands[index][1], operands[index + 1][1]
            if symbol in ("==", "!=") and lt is not rt:
                raise _Reject(
                    Code.TYPE_MISMATCH,
                    f"'{symbol}' compares {_type_name(lt)} with {_type_name(rt)}; they can never be equal",
                    node,
                )
            if symbol not in ("==", "!=") and (lt is not rt or lt is ValueType.FLAG):
                raise _Reject(
                    Code.TYPE_MISMATCH,
                    f"'{symbol}' needs two numbers or two texts, not {_type_name(lt)} and {_type_name(rt)}",
                    node,
                )
            checks.append(symbol)
        functions = tuple(f for f, _ in operands)
        ops = tuple(_COMPARE_FUNCS[s] for s in checks)
        if len(ops) == 1:
            a, b = functions
            compare = ops[0]
            return (lambda v, s: compare(a(v, s), b(v, s))), ValueType.FLAG

        def chain(v: Variables, s: Visits) -> bool:
            left = functions[0](v, s)
            for compare, f in zip(ops, functions[1:], strict=True):
                right = f(v, s)
                if not compare(left, right):
                    return False
                left = right
            return True

        return chain, ValueType.FLAG

    def _Call(self, node: ast.Call, depth: int) -> Compiled:
        if not isinstance(node.func, ast.Name):
            raise _Reject(Code.NOT_IN_EXPRESSIONS, "only seen(...) and visits(...) can be called", node)
        name = node.func.id
        if name not in FUNCTIONS:
            close = difflib.get_close_matches(name, list(FUNCTIONS), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; the functions are seen(...) and visits(...)"
            raise _Reject(Code.UNKNOWN_FUNCTION, f"unknown function '{name}'{hint}", node)
        if node.keywords or len(node.args) != 1:
            raise _Reject(Code.EXPRESSION_SYNTAX, f'{name}() takes one scene, like {name}("chapter/scene")', node)
        arg = node.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            raise _Reject(
                Code.EXPRESSION_SYNTAX, f'{name}() takes a scene name in quotes, like {name}("chapter/scene")', arg
            )
        scene = self.resolve_scene(arg.value)
        if scene is None:
            raise _Reject(Code.UNKNOWN_SCENE, f"{name}() names the scene '{arg.value}', which does not exist", arg)
        self.scenes.add(scene)
        if name == "seen":
            return (lambda _v, s, scene=scene: s.get(scene, 0) > 0), ValueType.FLAG
        return (lambda _v, s, scene=scene: s.get(scene, 0)), ValueType.NUMBER

    def _Expression(self, node: ast.Expression, depth: int) -> Compiled:
        return self.compile(node.body, depth)


_COMPARE_FUNCS: dict[str, Callable[[Any, Any], Any]] = {  # the operands' types were checked when compiled
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}  # fmt: skip


def unknown_variable_message(name: str, variables: Mapping[str, ValueType]) -> str:
    """For a name that is not a declared variable, wherever it was written (an expression, a
    placeholder, `set` or `save_as`)."""
    close = difflib.get_close_matches(name, list(variables), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "; declare it under 'variables' in story.yaml"
    return f"unknown variable '{name}'{hint}"


def _syntax_hint(source: str) -> str:
    if "&&" in source or "||" in source:
        return "; write 'and' and 'or' instead of && and ||"
    stripped = source.replace("==", "").replace("!=", "").replace("<=", "").replace(">=", "")
    if "=" in stripped:
        return "; to compare, write '==' (a single '=' is not allowed)"
    if "!" in stripped:
        return "; write 'not' instead of '!'"
    return ""


def _position(location: Location, node: ast.AST | None, source: str, offset: int = 0) -> Location:
    """Point inside the expression when we know where it sits on a single line of the file."""
    if node is None or location.line is None or getattr(node, "lineno", None) != 1 or "\n" in source:
        return location
    byte_offset = getattr(node, "col_offset", 0) or 0
    chars = len(source.encode("utf-8")[:byte_offset].decode("utf-8", "ignore"))
    return location.shifted(columns=chars + offset)


ResolveScene = Callable[[str], "str | None"]


def compile_expression(
    source: str,
    *,
    variables: Mapping[str, ValueType],
    resolve_scene: ResolveScene,
    location: Location,
    column_offset: int = 0,
) -> tuple[Expression | None, Diagnostic | None]:
    """Parse, check and compile one expression.

    `column_offset` is how far the text starts after `location` (1 for a quoted YAML scalar), so
    that errors point at the exact character. Returns the expression, or the one diagnostic that
    explains why there is none.
    """
    text = source.strip()
    leading = len(source) - len(source.lstrip())
    if not text:
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, "the expression is empty", location)
    if len(text) > MAX_SOURCE_LENGTH:
        return None, Diagnostic(
            Code.EXPRESSION_SYNTAX, f"the expression is longer than {MAX_SOURCE_LENGTH} characters", location
        )
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        where = location
        if error.offset and error.lineno == 1 and "\n" not in text and location.line is not None:
            where = location.shifted(columns=leading + column_offset + error.offset - 1)
        reason = (error.msg or "invalid syntax").split(".")[0]
        return None, Diagnostic(
            Code.EXPRESSION_SYNTAX, f"cannot read the expression '{text}': {reason}{_syntax_hint(text)}", where
        )
    except (ValueError, RecursionError, MemoryError) as error:
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, f"cannot read the expression: {error}", location)
    compiler = _Compiler(variables, resolve_scene, location)
    try:
        evaluate, kind = compiler.compile(tree)
    except _Reject as reject:
        where = _position(location, reject.node, text, leading + column_offset)
        return None, Diagnostic(reject.code, reject.message, where)
    except RecursionError:
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, "expression is nested too deeply", location)
    compute = within_limits(evaluate, kind)
    expression = Expression(text, kind, compute, frozenset(compiler.reads), frozenset(compiler.scenes), location)
    if expression.is_constant:  # the same every time: if it cannot be computed, say so now
        try:
            expression.evaluate({}, {})
        except StoryRuntimeError as error:
            return None, Diagnostic(Code.CANNOT_COMPUTE, error.reason, location)
    return expression, None
