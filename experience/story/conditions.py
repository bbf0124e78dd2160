"""The small expression language of `if` conditions, `set` values and `{…}` in text.

Authors write things like `tenderness > 2 and not seen("grounding/breath")`. The text is parsed
once, at load time, with Python's own parser in `eval` mode; every node is then checked against a
short whitelist and against the declared types of the story's variables, and turned into a tree
of closures. Nothing is ever passed to `eval`, and no name outside the story's variables and the
functions of `functions.FUNCTIONS` can be reached, so a scene file can never run code.

Values are numbers, text and true/false. The checker knows the type of every expression, so
`role > 3` or `set: {tenderness: "a lot"}` is an error at load time, not a surprise while playing.
An expression without variables is computed once as it is read, so `1 / 0 > 0` is an error
there too; what expressions compute stays within the story's limits (values.py).
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..i18n import _, lazy, ngettext
from .codes import Code
from .compiler import CONSTANT_NAMES, Compiler, Reject
from .diagnostics import Diagnostic, Location, StoryRuntimeError
from .expression_words import NESTED_TOO_DEEPLY
from .functions import FUNCTIONS
from .values import Evaluator, Value, ValueType, Variables, Visits, within_limits

__all__ = ["FUNCTIONS", "Evaluator", "Expression", "Value", "ValueType", "Variables", "Visits", "compile_expression"]

MAX_SOURCE_LENGTH = 1000
#: What computing a checked expression can still raise (dividing by zero, a number too large for a
#: float): `Expression.failure` says it in the author's words.
COMPUTE_ERRORS = (ArithmeticError, TypeError, KeyError, ValueError)


RESERVED_NAMES = frozenset(FUNCTIONS) | frozenset(CONSTANT_NAMES) | {"and", "or", "not", "if"}


@dataclass(frozen=True, slots=True)
class Expression:
    """A checked, compiled expression. Call `evaluate(variables, visits, draw)` to compute it."""

    source: str
    type: ValueType
    compute: Evaluator
    reads: frozenset[str]
    scenes: frozenset[str]
    location: Location
    fallible: bool = False  # it divides, so it can fail while someone plays
    rolls: bool = False  # it calls random(): never a constant, never shared between places
    version: int = 1  # the format version whose language it needs

    def evaluate(self, variables: Variables, visits: Visits, draw: int = 0) -> Value:
        try:
            return self.compute(variables, visits, draw)
        except COMPUTE_ERRORS as error:
            raise self.failure(error) from None

    def failure(self, error: Exception) -> StoryRuntimeError:
        """What to tell the author when computing this expression raised `error` (one of
        COMPUTE_ERRORS). The engine's hot loops call `compute` themselves and ask this only when
        it fails, which spares a call for every condition of every step."""
        if isinstance(error, ZeroDivisionError):
            # Translators: {expression} is the expression as the story writes it. Shown to the author, and
            # possibly to a reader in the player when a story has this bug.
            message = _("division by zero in '{expression}'").format(expression=self.source)
            return StoryRuntimeError(message, self.location)
        # Translators: {error} says why, in the words of the part that failed.
        message = _("cannot compute '{expression}': {error}").format(expression=self.source, error=error)
        return StoryRuntimeError(message, self.location)

    def at(self, location: Location) -> Expression:
        """The same compiled expression written somewhere else (the loader reuses compilations)."""
        return Expression(
            self.source, self.type, self.compute, self.reads, self.scenes, location, self.fallible, self.rolls,
            self.version,
        )  # fmt: skip

    @property
    def is_constant(self) -> bool:
        return not self.reads and not self.scenes and not self.rolls

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


def literal(value: Value, location: Location) -> Expression:
    """A YAML number or true/false used where an expression is expected."""
    kind = ValueType.of(value)
    assert kind is not None

    def compute(_v: Variables, _s: Visits, _d: int) -> Value:
        return value

    source = str(value).lower() if isinstance(value, bool) else str(value)
    return Expression(source, kind, compute, frozenset(), frozenset(), location)


def unknown_variable_message(name: str, variables: Mapping[str, ValueType]) -> str:
    """For a name that is not a declared variable, wherever it was written (an expression, a
    placeholder, `set` or `save_as`)."""
    close = difflib.get_close_matches(name, list(variables), n=1)
    if close:
        return _("unknown variable '{name}'; did you mean '{close}'?").format(name=name, close=close[0])
    return _("unknown variable '{name}'; declare it under 'variables' in story.yaml").format(name=name)


def _unreadable(source: str, reason: str) -> str:
    """Why `source` cannot be read (`reason`, from Python's parser), with a hint when it looks
    like another language's operators."""
    values = {"expression": source, "reason": _parser_words(reason)}
    if "&&" in source or "||" in source:
        return _(
            "cannot read the expression '{expression}': {reason}; write 'and' and 'or' instead of && and ||"
        ).format(**values)
    stripped = source.replace("==", "").replace("!=", "").replace("<=", "").replace(">=", "")
    if "=" in stripped:
        return _(
            "cannot read the expression '{expression}': {reason}; to compare, write '==' (a single '=' is not allowed)"
        ).format(**values)
    if "!" in stripped:
        return _("cannot read the expression '{expression}': {reason}; write 'not' instead of '!'").format(**values)
    # Translators: {reason} is what Python's parser says, in English unless it is one of the few translated.
    return _("cannot read the expression '{expression}': {reason}").format(**values)


# What Python's parser says most often, matched so that it can be said in the language in use; its
# other words are shown as it wrote them. Each pattern's groups fill the sentence's places, so that in
# English the words come out exactly as Python's.
_PARSER_SAYS = (
    (re.compile(r"invalid syntax\Z"), lazy("invalid syntax")),
    (re.compile(r"'(?P<bracket>.)' was never closed\Z"), lazy("'{bracket}' was never closed")),
    (re.compile(r"unmatched '(?P<bracket>.)'\Z"), lazy("unmatched '{bracket}'")),
    (
        re.compile(r"unterminated string literal \(detected at line (?P<line>\d+)\)\Z"),
        lazy("unterminated string literal (detected at line {line})"),
    ),
    (re.compile(r"invalid decimal literal\Z"), lazy("invalid decimal literal")),
)


def _parser_words(reason: str) -> str:
    for pattern, words in _PARSER_SAYS:
        found = pattern.match(reason)
        if found:
            return words.format(**found.groupdict())
    return reason


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
    site: str = "",
    broken: frozenset[str] = frozenset(),
) -> tuple[Expression | None, Diagnostic | None]:
    """Parse, check and compile one expression.

    `column_offset` is how far the text starts after `location` (1 for a quoted YAML scalar), so
    that errors point at the exact character. `site` names the place it is written, which keeps
    each `random()` apart; `broken` are variables whose declarations failed (already reported,
    so an expression that reads one fails without a message of its own). Returns the
    expression, or the diagnostic that explains why there is none (None when already explained).
    """
    text = source.strip()
    leading = len(source) - len(source.lstrip())
    if not text:
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, _("the expression is empty"), location)
    if len(text) > MAX_SOURCE_LENGTH:
        longer = ngettext(
            "the expression is longer than {limit} character",
            "the expression is longer than {limit} characters",
            MAX_SOURCE_LENGTH,
        )
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, longer.format(limit=MAX_SOURCE_LENGTH), location)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        where = location
        if error.offset and error.lineno == 1 and "\n" not in text and location.line is not None:
            where = location.shifted(columns=leading + column_offset + error.offset - 1)
        reason = (error.msg or "invalid syntax").split(".")[0]
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, _unreadable(text, reason), where)
    except (ValueError, RecursionError, MemoryError) as error:
        # Translators: {error} is what Python's parser says, in English (a rare case: a null character).
        message = _("cannot read the expression: {error}").format(error=error)
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, message, location)
    compiler = Compiler(variables, resolve_scene, f"{site}/{text}", broken, unknown_variable_message)
    try:
        evaluate, kind = compiler.compile(tree)
    except Reject as reject:
        if reject.code is None:
            return None, None
        where = _position(location, reject.node, text, leading + column_offset)
        return None, Diagnostic(reject.code, reject.message, where)
    except RecursionError:
        return None, Diagnostic(Code.EXPRESSION_SYNTAX, str(NESTED_TOO_DEEPLY), location)
    expression = Expression(
        text, kind, within_limits(evaluate, kind), frozenset(compiler.reads), frozenset(compiler.scenes), location,
        compiler.fallible, compiler.rolls, compiler.version,
    )  # fmt: skip
    if expression.is_constant:  # the same every time: if it cannot be computed, say so now
        try:
            expression.evaluate({}, {})
        except StoryRuntimeError as error:
            return None, Diagnostic(Code.CANNOT_COMPUTE, error.reason, location)
    return expression, None
