"""JSON Schemas (draft 2020-12) for story files, built from the same key table as the loader.

Editors with the YAML language server use them for completion, hover text and squiggles as an
author types (`patternErrorMessage` is that server's own keyword for a readable message in place
of a regular expression; other validators ignore it). They describe what the loader accepts for keys
and types; the checker still does what a schema cannot (references between scenes, expressions,
reachability, the care lint).
"""

from __future__ import annotations

from typing import Any

from . import format as fmt
from .functions import FUNCTIONS
from .safe_text import ACTING

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCENE_REF = r"^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)?$"
FULL_SCENE_REF = r"^[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9][A-Za-z0-9_-]*$"

# What the loader refuses in any text (E007), said as editors can check it as an author types.
_SHOWN = {
    "pattern": "^[^" + "".join(c if c == "-" else f"\\u{ord(c):04x}" for c in ACTING) + "]*$",
    "patternErrorMessage": "A control character would act on the reader's terminal instead of showing (E007).",
}
_NUMBER = {"minimum": -fmt.NUMBER_LIMIT, "maximum": fmt.NUMBER_LIMIT}
_TEXT = {
    "type": ["string", "number", "boolean"],
    "description": "Text (numbers and true/false are read as the words they are).",
    **_SHOWN,
    **_NUMBER,
}


def _definitions() -> dict[str, Any]:
    def obj(keys: tuple[fmt.Key, ...], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k.name: _property(k) for k in keys},
            "additionalProperties": False,
        }
        required = [k.name for k in keys if k.required]
        if required:
            out["required"] = required
        out.update(extra or {})
        return out

    return {
        "text": _TEXT,
        "sceneRef": {
            "type": "string",
            "pattern": SCENE_REF,
            "patternErrorMessage": "A scene's name (letters, digits, - and _), or chapter/scene.",
            "description": "A scene of this chapter by name, or another chapter's as chapter/scene.",
        },
        "expression": {
            "type": ["string", "number", "boolean"],
            **_SHOWN,
            **_NUMBER,
            "description": 'An expression: numbers, "text", true/false, variables, + - * /, comparisons, '
            "and/or/not, and the functions " + ", ".join(f.signature for f in FUNCTIONS.values()) + ".",
        },
        "variations": {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 1},
        "paragraph": {
            "anyOf": [
                {"$ref": "#/$defs/text"},
                obj(fmt.PARAGRAPH, one_of_keys(fmt.PARAGRAPH_BODIES, "a paragraph")),
            ]
        },
        "richText": {
            "anyOf": [
                {"$ref": "#/$defs/text"},
                {"type": "array", "items": {"$ref": "#/$defs/paragraph"}, "minItems": 1},
            ]
        },
        "set": {
            "type": "object",
            "propertyNames": {"pattern": fmt.VARIABLE_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/expression"},
        },
        "choice": obj(fmt.CHOICE, _merge(one_of_keys(fmt.CHOICE_EXITS, "a choice"), _needs(fmt.NEEDS["choice"]))),
        "reflect": obj(fmt.REFLECT),
        "branch": obj(fmt.BRANCH),
        "scene": obj(fmt.SCENE, _merge(one_of_keys(fmt.SCENE_EXITS, "a scene"), _needs(fmt.NEEDS["scene"]))),
    }


_SWITCHES = ("end", "return")  # `end: false` is written but is no way on


_ON = {"end": [True, fmt.PAUSE], "return": [True]}  # what end and return say when they are a way on


def _present(key: str) -> dict[str, Any]:
    """The rule "this key is there (and, for end and return, not false)"."""
    if key in _SWITCHES:
        return {"required": [key], "properties": {key: {"enum": _ON[key]}}}
    return {"required": [key]}


def one_of_keys(keys: tuple[str, ...], what: str) -> dict[str, Any]:
    """Exactly one of `keys`, said so that an editor names the keys that clash.

    `oneOf` would do, but editors can only say "Matches multiple schemas" of it. Instead each
    key, when present, forbids the others (an editor then marks each clashing key with a message
    naming the one it clashes with), and `anyOf` asks for at least one, with a message that lists
    them (`errorMessage` is the YAML language server's keyword; other validators ignore it).
    """
    listed = ", ".join(keys[:-1]) + " or " + keys[-1]
    rules = []
    for key in keys:
        clash = f"{what} takes only one of {listed}, and this one already has {key}"
        forbidden = {
            other: {"const": False, "errorMessage": clash} if other in _SWITCHES else False
            for other in keys
            if other != key
        }
        rules.append({"if": _present(key), "then": {"properties": forbidden, "errorMessage": clash}})
    needed = f"{what} needs one of {listed}"
    return {"anyOf": [dict(_present(key), errorMessage=needed) for key in keys], "allOf": rules}


def _needs(rules: tuple[tuple[str, str, str], ...]) -> dict[str, Any]:
    return {
        "allOf": [
            {"if": {"required": [key]}, "then": {"required": [partner], "errorMessage": why}}
            for key, partner, why in rules
        ]
    }


def _merge(*parts: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for part in parts:
        for name, value in part.items():
            merged[name] = merged.get(name, []) + value if name == "allOf" else value
    return merged


_KIND_REFS: dict[str, dict[str, Any]] = {
    "text": {"$ref": "#/$defs/text"},
    "rich-text": {"$ref": "#/$defs/richText"},
    "scene-ref": {"$ref": "#/$defs/sceneRef"},
    "expression": {"$ref": "#/$defs/expression"},
    "flag": {"type": "boolean"},
    "ending": {
        "anyOf": [{"type": "boolean"}, {"const": fmt.PAUSE}],
        "description": "true, or pause for a pause in the journey.",
    },
    "number": {"type": "number", "exclusiveMinimum": 0, "maximum": fmt.NUMBER_LIMIT},
    "set": {"$ref": "#/$defs/set"},
    "reflect": {"$ref": "#/$defs/reflect"},
    "choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 1},
    "variations": {"$ref": "#/$defs/variations"},
    "variable-name": {"type": "string", "pattern": fmt.VARIABLE_PATTERN},
    "language": {
        "type": "string",
        "pattern": fmt.LANGUAGE_PATTERN,
        "patternErrorMessage": "A language tag, like en, es or pt-BR.",
    },
    "story-id": {
        "type": "string",
        "pattern": fmt.STORY_ID_PATTERN,
        "patternErrorMessage": "Lowercase letters, digits, - and _ (at most 64), starting with a letter or digit.",
    },
    "scenes": {
        "type": "object",
        "propertyNames": {"pattern": fmt.NAME_PATTERN},
        "additionalProperties": {"$ref": "#/$defs/scene"},
        "minProperties": 1,
    },
    "variables": {
        "type": "object",
        "propertyNames": {"pattern": fmt.VARIABLE_PATTERN},
        "additionalProperties": {"type": ["string", "number", "boolean"], **_SHOWN, **_NUMBER},
    },
    "goto": {
        "anyOf": [
            {"$ref": "#/$defs/sceneRef"},
            {"type": "array", "items": {"$ref": "#/$defs/branch"}, "minItems": 1},
        ]
    },
    "tags": {
        "type": "array",
        "items": {"type": "string", "pattern": fmt.NAME_PATTERN, "patternErrorMessage": "Letters, digits, - and _."},
        "uniqueItems": True,
    },
    "version": {"enum": list(fmt.FORMATS)},
}


#: the manifest's scene references, always written in full, with what an editor says when one is not
_MANIFEST_REFS = {
    "start": "The first scene, written as chapter/scene, like noticing/arrival.",
    "stop": "The story's gentle stop, written as chapter/scene, like grounding/for_today.",
}


def _property(key: fmt.Key) -> dict[str, Any]:
    if key.kind == "enum":
        schema: dict[str, Any] = {"enum": list(key.values)}
    elif key.name in _MANIFEST_REFS:
        schema = {"type": "string", "pattern": FULL_SCENE_REF, "patternErrorMessage": _MANIFEST_REFS[key.name]}
    else:
        schema = dict(_KIND_REFS[key.kind])
    schema["description"] = key.doc
    return schema


def chapter_schema() -> dict[str, Any]:
    """The schema of a chapter file (every `*.yaml` beside `story.yaml`)."""
    defs = _definitions()
    return {
        "$schema": DRAFT,
        "$id": "urn:experience:schema:chapter",
        "title": "A chapter of an experience story",
        "description": "One chapter: a title and its scenes. See AUTHORING.md for every key with an example.",
        "type": "object",
        "properties": {k.name: _property(k) for k in fmt.CHAPTER},
        "required": [k.name for k in fmt.CHAPTER if k.required],
        "additionalProperties": False,
        "$defs": defs,
    }


def manifest_schema() -> dict[str, Any]:
    """The schema of `story.yaml`."""
    return {
        "$schema": DRAFT,
        "$id": "urn:experience:schema:story",
        "title": "The manifest of an experience story (story.yaml)",
        "description": "The story's title, where it starts, and every variable with its starting value.",
        "type": "object",
        "properties": {k.name: _property(k) for k in fmt.MANIFEST},
        "required": [k.name for k in fmt.MANIFEST if k.required],
        "additionalProperties": False,
        "$defs": {"text": _TEXT},
    }


SCHEMAS = {"chapter": chapter_schema, "story": manifest_schema}
FILE_NAMES = {"chapter": "chapter.schema.json", "story": "story.schema.json"}
