"""Whatever an author's editor produces, the loader answers with a story or its own error.

Property-based: hypothesis writes arbitrary text, arbitrary bytes and arbitrary YAML built from the
format's own keys, and the only outcomes allowed are a Story or a StoryError with diagnostics.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from experience.story import StoryError, check_story, load_story
from experience.story import format as fmt
from experience.story.conditions import ValueType, compile_expression
from experience.story.diagnostics import Diagnostic, Location

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANIFEST = "title: Fuzz\nstart: one/a\nvariables: {n: 0, t: '', f: false}\n"

KEYS = sorted({k.name for keys in fmt.KINDS.values() for k in keys} | {"a", "b", "<<", "set", "if"})
WORDS = st.sampled_from(
    [
        "a",
        "b",
        "one/a",
        "one/b",
        "n + 1",
        "not f",
        "seen('a')",
        "t == 'x'",
        "{n}",
        "{{",
        "}",
        "true",
        "false",
        "deep",
        "gentle",
        "",
        "0",
        "-1",
        "1e9",
        "[",
        "&x",
        "*x",
        "!!python/object",
    ]
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True), WORDS, st.text(max_size=12)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
    max_leaves=30,
)
CHAPTERS = st.fixed_dictionaries(
    {"title": SCALARS},
    optional={
        "scenes": st.dictionaries(st.sampled_from(["a", "b", "c", "bad name"]), VALUES, max_size=4),
        "movement": SCALARS,
        "minutes": SCALARS,
        "extra": VALUES,
    },
)


def outcome(files: dict[str, bytes]) -> list[Diagnostic]:
    root = Path(tempfile.mkdtemp())
    try:
        for name, data in files.items():
            (root / name).write_bytes(data)
        result = check_story(root)
        assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
        assert (result.story is None) == any(d.is_error for d in result.diagnostics)
        try:
            load_story(root)
        except StoryError as error:
            assert error.diagnostics
        return result.diagnostics
    finally:
        shutil.rmtree(root)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_as_a_chapter(text):
    outcome({"story.yaml": MANIFEST.encode(), "one.yaml": text.encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_a_manifest(data):
    outcome({"story.yaml": data, "one.yaml": b"title: One\nscenes:\n  a:\n    text: x\n    end: true\n"})


@SETTINGS
@given(CHAPTERS)
def test_arbitrary_yaml_shaped_like_a_chapter(chapter):
    text = yaml.safe_dump(chapter, allow_unicode=True)
    outcome({"story.yaml": MANIFEST.encode(), "one.yaml": text.encode()})


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6))
def test_arbitrary_yaml_as_a_manifest(manifest):
    chapter = b"title: One\nscenes:\n  a:\n    text: x\n    end: true\n"
    outcome({"story.yaml": yaml.safe_dump(manifest).encode(), "one.yaml": chapter})


EXPRESSION_PARTS = st.sampled_from(
    [
        "n",
        "t",
        "f",
        "1",
        "2.5",
        "'x'",
        '"y"',
        "true",
        "false",
        "seen('one/a')",
        "visits('a')",
        "+",
        "-",
        "*",
        "/",
        "==",
        "<",
        ">=",
        "and",
        "or",
        "not",
        "(",
        ")",
        ".",
        "[",
        "]",
        "__class__",
        "lambda",
        ":",
        ",",
        "if",
        "else",
        "=",
        "**",
        "%",
    ]
)


def _compile(source: str):
    return compile_expression(
        source,
        variables={"n": ValueType.NUMBER, "t": ValueType.TEXT, "f": ValueType.FLAG},
        resolve_scene=lambda r: "one/a" if r in ("a", "one/a") else None,
        location=Location(Path("x.yaml"), 1, 1),
    )


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_text_as_an_expression(source):
    expression, problem = _compile(source)
    assert (expression is None) != (problem is None)


@SETTINGS
@given(st.lists(EXPRESSION_PARTS, min_size=1, max_size=12))
def test_arbitrary_token_soup_as_an_expression(parts):
    expression, problem = _compile(" ".join(parts))
    assert (expression is None) != (problem is None)
    if expression is not None:
        try:
            result = expression.evaluate({"n": 0, "t": "", "f": False}, {})
        except Exception as error:  # only the project's own error may escape evaluation
            from experience.story import StoryRuntimeError

            assert isinstance(error, StoryRuntimeError), error
        else:
            assert isinstance(result, (int, float, str, bool))
            expected = {ValueType.NUMBER: (int, float), ValueType.TEXT: str, ValueType.FLAG: bool}[expression.type]
            assert isinstance(result, expected) and (expression.type is ValueType.FLAG or not isinstance(result, bool))
