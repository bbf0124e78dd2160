"""The JSON Schemas editors use agree with the loader: they accept the bundled story and reject
every unknown key and wrong type that the loader rejects."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from experience.bundled import bundled_story
from experience.cli import main
from experience.story import check_story
from experience.story import format as fmt
from experience.story.schema import chapter_schema, manifest_schema

CHAPTER = Draft202012Validator(chapter_schema())
MANIFEST = Draft202012Validator(manifest_schema())

BASE_MANIFEST = {"title": "T", "start": "one/a", "variables": {"n": 0, "t": "", "f": False}, "format": 2}
BASE_CHAPTER = {
    "title": "One",
    "movement": "First",
    "scenes": {
        "a": {
            "title": "A",
            "text": ["Plain {t}", {"if": "n > 0 and not f", "text": "x"}, {"cycle": ["p", "q"]}],
            "reflect": {"prompt": "p", "save_as": "t"},
            "choices": [
                {"text": "On", "goto": "b", "if": "n > 0", "set": {"n": "n + 1", "f": True}},
                {"text": "Rest", "goto": "c", "disabled_if": "f", "reason": "Not yet, {t}."},
                {"text": "Aside", "detour": "d", "then": "b"},
            ],
            "tags": ["group", "opening"],
        },
        "b": {"text": "Bye", "end": True, "intensity": "gentle"},
        "c": {
            "text": "Which way?",
            "set": {"n": "n + random(1, 6)"},
            "goto": [{"if": "n > 1", "to": "a"}, {"to": "b"}],
        },
        "d": {"text": "A moment {if f: more|less}.", "return": True},
    },
}
WHERE = {  # a path to one mapping of each kind in BASE_CHAPTER
    "chapter": (),
    "scene": ("scenes", "a"),
    "choice": ("scenes", "a", "choices", 0),
    "reflect": ("scenes", "a", "reflect"),
    "paragraph": ("scenes", "a", "text", 1),
    "branch": ("scenes", "c", "goto", 0),
}
WRONG = {  # a value of the wrong type for each kind of key
    "text": [1, 2],
    "rich-text": {"x": 1},
    "scene-ref": ["a"],
    "expression": {"a": 1},
    "flag": "maybe",
    "ending": "maybe",
    "number": "many",
    "enum": "sometimes",
    "variables": ["n"],
    "set": ["n"],
    "scenes": ["a"],
    "choices": "go",
    "reflect": "why?",
    "variations": "p",
    "variable-name": ["t"],
    "goto": {"to": "a"},
    "tags": "group",
    "version": 3,
    "story-id": ["coming-home"],
    "language": ["es"],
}


def _at(doc, path):
    for step in path:
        doc = doc[step]
    return doc


def _check(story_dir, chapter, manifest=None):
    files = {"one.yaml": yaml.safe_dump(chapter), "story.yaml": yaml.safe_dump(manifest or BASE_MANIFEST)}
    return check_story(story_dir(files, manifest=None))


def test_the_schemas_are_valid_draft_2020_12():
    Draft202012Validator.check_schema(chapter_schema())
    Draft202012Validator.check_schema(manifest_schema())


def test_every_bundled_file_validates():
    root = bundled_story()
    MANIFEST.validate(yaml.safe_load((root / "story.yaml").read_text(encoding="utf-8")))
    chapters = sorted(p for p in root.glob("*.yaml") if p.name != "story.yaml")
    assert chapters
    for path in chapters:
        errors = [e.message for e in CHAPTER.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], path.name


def test_the_base_documents_are_valid_for_both(story_dir):
    assert _check(story_dir, BASE_CHAPTER).diagnostics == []
    assert CHAPTER.is_valid(BASE_CHAPTER) and MANIFEST.is_valid(BASE_MANIFEST)


@pytest.mark.parametrize("kind", list(WHERE))
def test_an_unknown_key_is_rejected_by_both(story_dir, kind):
    chapter = copy.deepcopy(BASE_CHAPTER)
    _at(chapter, WHERE[kind])["colour"] = "blue"
    assert "E101" in {d.code for d in _check(story_dir, chapter).errors}
    assert not CHAPTER.is_valid(chapter)


CASES = [(kind, key) for kind, path in WHERE.items() for key in fmt.KINDS[kind]]


@pytest.mark.parametrize("kind, key", CASES, ids=[f"{k}.{key.name}" for k, key in CASES])
def test_a_wrong_type_is_rejected_by_both(story_dir, kind, key):
    chapter = copy.deepcopy(BASE_CHAPTER)
    _at(chapter, WHERE[kind])[key.name] = WRONG[key.kind]
    assert _check(story_dir, chapter).errors, f"loader accepted {key.name}: {WRONG[key.kind]!r}"
    assert not CHAPTER.is_valid(chapter), f"schema accepted {key.name}: {WRONG[key.kind]!r}"


@pytest.mark.parametrize("key", fmt.MANIFEST, ids=[k.name for k in fmt.MANIFEST])
def test_a_wrong_type_in_the_manifest_is_rejected_by_both(story_dir, key):
    manifest = dict(BASE_MANIFEST, **{key.name: WRONG[key.kind] if key.kind != "scene-ref" else "one"})
    assert _check(story_dir, BASE_CHAPTER, manifest).errors
    assert not MANIFEST.is_valid(manifest)


def test_missing_required_keys_are_rejected_by_both(story_dir):
    for kind, path in WHERE.items():
        for key in fmt.KINDS[kind]:
            if not key.required:
                continue
            chapter = copy.deepcopy(BASE_CHAPTER)
            del _at(chapter, path)[key.name]
            assert _check(story_dir, chapter).errors and not CHAPTER.is_valid(chapter), f"{kind}.{key.name}"


def test_experience_schema_prints_each_schema(capsys):
    assert main(["schema", "chapter"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "urn:experience:schema:chapter"
    assert main(["schema", "story"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "urn:experience:schema:story"


def test_experience_schema_writes_both_files(tmp_path, capsys):
    assert main(["schema", "--output-dir", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "chapter.schema.json").read_text()) == chapter_schema()
    assert json.loads((tmp_path / "story.schema.json").read_text()) == manifest_schema()


def test_the_schema_wants_exactly_one_way_on(story_dir):
    for where, extra in ((("scenes", "b"), {"goto": "a"}), (("scenes", "a", "choices", 0), {"detour": "a"})):
        chapter = copy.deepcopy(BASE_CHAPTER)
        _at(chapter, where).update(extra)
        assert _check(story_dir, chapter).errors and not CHAPTER.is_valid(chapter), where


def _messages(document) -> set[str]:
    """What an editor would say: the schema's own `errorMessage` where it gives one."""
    said = set()
    for error in CHAPTER.iter_errors(document):
        for found in [error, *error.context]:
            parent = found.schema if isinstance(found.schema, dict) else {}
            said.add(parent.get("errorMessage") or found.message)
    return said


def test_the_schema_says_which_ways_on_clash_not_that_several_schemas_match():
    chapter = copy.deepcopy(BASE_CHAPTER)
    chapter["scenes"]["b"]["goto"] = "a"  # b already ends
    errors = list(CHAPTER.iter_errors(chapter))
    assert not any("is valid under each of" in e.message for e in errors)  # oneOf's "matches multiple"
    at_end = [e for e in errors if list(e.absolute_path) == ["scenes", "b", "end"]]  # the clashing key itself
    assert [e.schema["errorMessage"] for e in at_end] == [
        "a scene takes only one of choices, goto, end, return or detour, and this one already has goto"
    ]
    chapter["scenes"]["b"]["end"] = False  # switched off: goto is the only way on
    assert CHAPTER.is_valid(chapter)


def test_the_schema_says_what_a_scene_without_a_way_on_needs():
    chapter = copy.deepcopy(BASE_CHAPTER)
    del chapter["scenes"]["b"]["end"]
    assert "a scene needs one of choices, goto, end, return or detour" in _messages(chapter)


def test_the_schema_knows_which_keys_need_a_partner():
    chapter = copy.deepcopy(BASE_CHAPTER)
    del chapter["scenes"]["a"]["choices"][2]["detour"]
    chapter["scenes"]["a"]["choices"][2]["goto"] = "b"
    del chapter["scenes"]["a"]["choices"][1]["disabled_if"]
    said = _messages(chapter)
    assert "'then' says where a detour goes on to, so it needs 'detour' beside it" in said
    assert "'reason' is shown while a choice cannot be taken, so it needs 'disabled_if' beside it" in said
