"""JSON Schemas (draft 2020-12) for story files, built from the same key table as the loader.

Editors with the YAML language server use them for completion, hover text and squiggles as an
author types (`patternErrorMessage` is that server's own keyword for a readable message in place
of a regular expression; other validators ignore it). They describe what the loader accepts for keys
and types; the checker still does what a schema cannot (references between scenes, expressions,
reachability, the care lint).

Their words (each `description` and message) are in the language the program speaks, looked up as
a schema is built; the keys, types, patterns and values never change with it.
"""

from __future__ import annotations

from typing import Any

from ..i18n import Lazy, _, lazy
from . import format as fmt
from .functions import FUNCTIONS
from .safe_text import ACTING

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCENE_REF = r"^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)?$"
FULL_SCENE_REF = r"^[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9][A-Za-z0-9_-]*$"

_NOT_ACTING = "^[^" + "".join(c if c == "-" else f"\\u{ord(c):04x}" for c in ACTING) + "]*$"
_NUMBER = {"minimum": -fmt.NUMBER_LIMIT, "maximum": fmt.NUMBER_LIMIT}


def _shown() -> dict[str, Any]:
    """What the loader refuses in any text (E007), said as editors can check it as an author types."""
    return {
        "pattern": _NOT_ACTING,
        "patternErrorMessage": _("A control character would act on the reader's terminal instead of showing (E007)."),
    }


def _text() -> dict[str, Any]:
    return {
        "type": ["string", "number", "boolean"],
        "description": _("Text (numbers and true/false are read as the words they are)."),
        **_shown(),
        **_NUMBER,
    }


def _definitions(refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def obj(keys: tuple[fmt.Key, ...], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k.name: _property(k, refs) for k in keys},
            "additionalProperties": False,
        }
        required = [k.name for k in keys if k.required]
        if required:
            out["required"] = required
        out.update(extra or {})
        return out

    return {
        "text": _text(),
        "sceneRef": {
            "type": "string",
            "pattern": SCENE_REF,
            "patternErrorMessage": _("A scene's name (letters, digits, - and _), or chapter/scene."),
            "description": _("A scene of this chapter by name, or another chapter's as chapter/scene."),
        },
        "expression": {
            "type": ["string", "number", "boolean"],
            **_shown(),
            **_NUMBER,
            # Translators: {functions} lists the functions' signatures, like "len(text), min(a, b)".
            "description": _(
                'An expression: numbers, "text", true/false, variables, + - * /, comparisons, '
                "and/or/not, and the functions {functions}."
            ).format(functions=", ".join(f.signature for f in FUNCTIONS.values())),
        },
        "variations": {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 1},
        "paragraph": {
            "anyOf": [
                {"$ref": "#/$defs/text"},
                obj(fmt.PARAGRAPH, one_of_keys(fmt.PARAGRAPH_BODIES, "paragraph")),
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
        "choice": obj(fmt.CHOICE, _merge(one_of_keys(fmt.CHOICE_EXITS, "choice"), _needs(fmt.NEEDS["choice"]))),
        "reflect": obj(fmt.REFLECT),
        "branch": obj(fmt.BRANCH),
        "scene": obj(fmt.SCENE, _merge(one_of_keys(fmt.SCENE_EXITS, "scene"), _needs(fmt.NEEDS["scene"]))),
    }


_SWITCHES = ("end", "return")  # `end: false` is written but is no way on


_ON = {"end": [True, fmt.PAUSE], "return": [True]}  # what end and return say when they are a way on


def _present(key: str) -> dict[str, Any]:
    """The rule "this key is there (and, for end and return, not false)"."""
    if key in _SWITCHES:
        return {"required": [key], "properties": {key: {"enum": _ON[key]}}}
    return {"required": [key]}


def _listed(keys: tuple[str, ...]) -> str:
    # Translators: the last two of a list of keys, like "goto or detour" (the keys stay as they are).
    return _("{others} or {last}").format(others=", ".join(keys[:-1]), last=keys[-1])


#: What an editor says of a scene, choice or paragraph with two of its ways on (the one it has is
#: {key}), and of one with none: whole sentences for each, since languages say "a scene" and
#: "a choice" differently.
_ONE_OF = {
    "scene": (
        lazy("a scene takes only one of {keys}, and this one already has {key}"),
        lazy("a scene needs one of {keys}"),
    ),
    "choice": (
        lazy("a choice takes only one of {keys}, and this one already has {key}"),
        lazy("a choice needs one of {keys}"),
    ),
    "paragraph": (
        lazy("a paragraph takes only one of {keys}, and this one already has {key}"),
        lazy("a paragraph needs one of {keys}"),
    ),
}


def one_of_keys(keys: tuple[str, ...], kind: str) -> dict[str, Any]:
    """Exactly one of `keys` in a `kind` (scene, choice or paragraph), said so that an editor names
    the keys that clash.

    `oneOf` would do, but editors can only say "Matches multiple schemas" of it. Instead each
    key, when present, forbids the others (an editor then marks each clashing key with a message
    naming the one it clashes with), and `anyOf` asks for at least one, with a message that lists
    them (`errorMessage` is the YAML language server's keyword; other validators ignore it).
    """
    listed = _listed(keys)
    clashing, lacking = _ONE_OF[kind]
    rules = []
    for key in keys:
        clash = clashing.format(keys=listed, key=key)
        forbidden = {
            other: {"const": False, "errorMessage": clash} if other in _SWITCHES else False
            for other in keys
            if other != key
        }
        rules.append({"if": _present(key), "then": {"properties": forbidden, "errorMessage": clash}})
    needed = lacking.format(keys=listed)
    return {"anyOf": [dict(_present(key), errorMessage=needed) for key in keys], "allOf": rules}


def _needs(rules: tuple[tuple[str, str, Lazy], ...]) -> dict[str, Any]:
    return {
        "allOf": [
            {"if": {"required": [key]}, "then": {"required": [partner], "errorMessage": str(why)}}
            for key, partner, why in rules
        ]
    }


def _merge(*parts: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for part in parts:
        for name, value in part.items():
            merged[name] = merged.get(name, []) + value if name == "allOf" else value
    return merged


def _kind_refs() -> dict[str, dict[str, Any]]:
    """Each kind of value in the key table, as a schema (its words in the language in use)."""
    return {
        "text": {"$ref": "#/$defs/text"},
        "rich-text": {"$ref": "#/$defs/richText"},
        "scene-ref": {"$ref": "#/$defs/sceneRef"},
        "expression": {"$ref": "#/$defs/expression"},
        "flag": {"type": "boolean"},
        "ending": {
            "anyOf": [{"type": "boolean"}, {"const": fmt.PAUSE}],
            "description": _("true, or pause for a pause in the journey."),
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
            "patternErrorMessage": _("A language tag, like en, es or pt-BR."),
        },
        "story-id": {
            "type": "string",
            "pattern": fmt.STORY_ID_PATTERN,
            "patternErrorMessage": _(
                "Lowercase letters, digits, - and _ (at most 64), starting with a letter or digit."
            ),
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
            "additionalProperties": {"type": ["string", "number", "boolean"], **_shown(), **_NUMBER},
        },
        "goto": {
            "anyOf": [
                {"$ref": "#/$defs/sceneRef"},
                {"type": "array", "items": {"$ref": "#/$defs/branch"}, "minItems": 1},
            ]
        },
        "tags": {
            "type": "array",
            "items": {
                "type": "string",
                "pattern": fmt.NAME_PATTERN,
                "patternErrorMessage": _("Letters, digits, - and _."),
            },
            "uniqueItems": True,
        },
        "version": {"enum": list(fmt.FORMATS)},
    }


#: the manifest's scene references, always written in full, with what an editor says when one is not
_MANIFEST_REFS = {
    "start": lazy("The first scene, written as chapter/scene, like noticing/arrival."),
    "stop": lazy("The story's gentle stop, written as chapter/scene, like grounding/for_today."),
}


def _property(key: fmt.Key, refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if key.kind == "enum":
        schema: dict[str, Any] = {"enum": list(key.values)}
    elif key.name in _MANIFEST_REFS:
        schema = {"type": "string", "pattern": FULL_SCENE_REF, "patternErrorMessage": str(_MANIFEST_REFS[key.name])}
    else:
        schema = dict(refs[key.kind])
    schema["description"] = key.doc
    return schema


def chapter_schema() -> dict[str, Any]:
    """The schema of a chapter file (every `*.yaml` beside `story.yaml`)."""
    refs = _kind_refs()
    return {
        "$schema": DRAFT,
        "$id": "urn:experience:schema:chapter",
        "title": _("A chapter of an experience story"),
        "description": _("One chapter: a title and its scenes. See AUTHORING.md for every key with an example."),
        "type": "object",
        "properties": {k.name: _property(k, refs) for k in fmt.CHAPTER},
        "required": [k.name for k in fmt.CHAPTER if k.required],
        "additionalProperties": False,
        "$defs": _definitions(refs),
    }


def manifest_schema() -> dict[str, Any]:
    """The schema of `story.yaml`."""
    refs = _kind_refs()
    return {
        "$schema": DRAFT,
        "$id": "urn:experience:schema:story",
        "title": _("The manifest of an experience story (story.yaml)"),
        "description": _("The story's title, where it starts, and every variable with its starting value."),
        "type": "object",
        "properties": {k.name: _property(k, refs) for k in fmt.MANIFEST},
        "required": [k.name for k in fmt.MANIFEST if k.required],
        "additionalProperties": False,
        "$defs": {"text": _text()},
    }


SCHEMAS = {"chapter": chapter_schema, "story": manifest_schema}
FILE_NAMES = {"chapter": "chapter.schema.json", "story": "story.schema.json"}
