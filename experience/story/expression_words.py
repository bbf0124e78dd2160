"""The checker's words about expressions that are shared, or kept as tables: what the language
leaves out, the kinds of value as a message names them, and the sentences several refusals use.

Each is made when a problem is found (a `lazy` looked up as it is shown), never while a story is
checked or played without one.
"""

from __future__ import annotations

import ast

from ..i18n import _, babel_locale, lazy
from .format import NUMBER_LIMIT
from .functions import FUNCTIONS
from .values import ValueType

# What is not part of the language, each said as a whole sentence (a translation may order it its own way).
FOREIGN = {
    ast.Attribute: lazy("attributes (x.y) are not part of the expression language"),
    ast.Subscript: lazy("subscripts (x[...]) are not part of the expression language"),
    ast.Slice: lazy("slices are not part of the expression language"),
    ast.Lambda: lazy("lambda is not part of the expression language"),
    ast.IfExp: lazy("'... if ... else ...' is not part of the expression language"),
    ast.ListComp: lazy("comprehensions are not part of the expression language"),
    ast.SetComp: lazy("comprehensions are not part of the expression language"),
    ast.DictComp: lazy("comprehensions are not part of the expression language"),
    ast.GeneratorExp: lazy("comprehensions are not part of the expression language"),
    ast.List: lazy("lists are not part of the expression language"),
    ast.Tuple: lazy("tuples are not part of the expression language"),
    ast.Dict: lazy("dictionaries are not part of the expression language"),
    ast.Set: lazy("sets are not part of the expression language"),
    ast.NamedExpr: lazy("':=' is not part of the expression language"),
    ast.Starred: lazy("'*' is not part of the expression language"),
    ast.JoinedStr: lazy("f-strings are not part of the expression language"),
    ast.Await: lazy("await is not part of the expression language"),
    ast.Yield: lazy("yield is not part of the expression language"),
    ast.YieldFrom: lazy("yield is not part of the expression language"),
}
CALLABLE = ", ".join(f"{name}(...)" for name in FUNCTIONS)


NESTED_TOO_DEEPLY = lazy("expression is nested too deeply")


def type_name(t: ValueType) -> str:
    """A kind of value as the messages about types name it ("'-' needs a number, not text"): the
    words `ValueType.said` keeps, so every message names a kind alike."""
    return str(t.said)


def lower_case(word: str) -> str:
    """For True, False (Python's spelling) where the language writes true, false."""
    return _("write {word}, in lower case").format(word=word.lower())


def too_large() -> str:
    from babel.numbers import format_decimal  # only when a number is too large: Babel is slow to import

    limit = format_decimal(NUMBER_LIMIT, locale=babel_locale())
    return _("this number is too large: numbers go from -{limit} to {limit}").format(limit=limit)


def only_functions() -> str:
    # Translators: {functions} lists the calls a story may make: seen(...), visits(...), ...
    return _("only the story's functions can be called: {functions}").format(functions=CALLABLE)
