"""The checker reports every problem an author can make, at the exact place, all in one run."""

from __future__ import annotations

import time
from pathlib import Path

from experience.story import check_story
from experience.story.diagnostics import CODES, Diagnostic
from experience.story.format import MAX_FILE_BYTES

GOOD_CHAPTER = """\
title: One
scenes:
  a:
    text: Hello.
    choices:
      - text: On
        goto: b
        set: {tenderness: tenderness + 1}
  b:
    text: "You have {tenderness}. {role} {ready}"
    choices:
      - text: Again
        goto: a
        if: not ready and role == ""
        set: {ready: true, role: '"x"'}
      - text: Stop
        goto: c
  c:
    text: Bye.
    end: true
"""


def problems(root: Path) -> list[Diagnostic]:
    return check_story(root).diagnostics


def only(root: Path, code: str) -> Diagnostic:
    found = [d for d in problems(root) if d.code == code]
    assert len(found) == 1, [str(d) for d in problems(root)]
    return found[0]


def at(d: Diagnostic) -> tuple[str, int | None, int | None]:
    return d.location.path.name, d.location.line, d.location.column


# -- a clean story ------------------------------------------------------------------------------
def test_a_well_formed_story_has_no_problems(story_dir):
    result = check_story(story_dir({"one.yaml": GOOD_CHAPTER}))
    assert result.diagnostics == []
    assert result.story is not None
    assert list(result.story.scenes) == ["one/a", "one/b", "one/c"]


def test_messages_read_like_a_compiler(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER.replace("goto: b", "goto: bee")})
    d = only(root, "E200")
    assert (
        str(d)
        == f"{root / 'one.yaml'}:7:15: error: goto names the scene 'bee', which is not in chapter 'one'; did you mean 'b'? [E200]"
    )


def test_every_code_has_a_name():
    assert all(code[0] in "EW" and len(code) == 4 for code in CODES)


# -- reading files ------------------------------------------------------------------------------
def test_an_unclosed_bracket_is_pointed_out_where_it_opens_not_where_the_file_ends(story_dir):
    root = story_dir({"one.yaml": "title: One\nscenes:\n  a:\n    text: [unclosed\n"})
    d = only(root, "E003")
    assert at(d) == ("one.yaml", 4, 11)
    assert "YAML syntax" in d.message and "the '[' on line 4" in d.message


def test_a_colon_in_plain_text_gets_a_hint(story_dir):
    root = story_dir({"one.yaml": "title: One\nscenes:\n  a:\n    text: Note: this breaks\n    end: true\n"})
    d = only(root, "E003")
    assert d.location.line == 4
    assert "has ': ' in it" in d.message and "put the whole text in quotes" in d.message


def test_tabs_get_a_hint(story_dir):
    root = story_dir({"one.yaml": "title: One\nscenes:\n\ta:\n"})
    assert "spaces, not tabs" in only(root, "E003").message


def test_a_file_that_is_not_utf8_is_named_with_the_bad_byte(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER})
    (root / "two.yaml").write_bytes(b"title: Two\nscenes:\n  x:\n    text: caf\xe9\n    end: true\n")
    d = only(root, "E001")
    assert at(d) == ("two.yaml", 4, 14)
    assert "0xe9" in d.message


def test_a_utf8_byte_order_mark_is_fine(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER})
    (root / "one.yaml").write_bytes(b"\xef\xbb\xbf" + GOOD_CHAPTER.encode())
    assert problems(root) == []


def test_a_file_over_the_size_limit_is_refused_without_reading_it(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER})
    with open(root / "big.yaml", "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    d = only(root, "E002")
    assert at(d)[0] == "big.yaml"


def test_an_empty_file_is_reported(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER, "two.yaml": "# nothing yet\n"})
    d = only(root, "E102")
    assert at(d)[0] == "two.yaml" and "empty" in d.message
    assert "a title and its scenes" in d.message  # and what a chapter needs, to begin it


def test_two_documents_in_one_file_are_a_syntax_error(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER + "---\ntitle: again\n"})
    assert only(root, "E003").location.line is not None


def test_a_missing_folder_and_a_missing_manifest_are_explained(tmp_path):
    assert "no story folder" in only(tmp_path / "nope", "E006").message
    (tmp_path / "empty").mkdir()
    assert "no story.yaml" in only(tmp_path / "empty", "E006").message


def test_yml_files_are_not_silently_ignored(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER, "two.yml": "title: Two\n"})
    d = only(root, "W404")
    assert "two.yml" in d.message


# -- aliases and tags ---------------------------------------------------------------------------
BOMB = """\
title: One
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
scenes:
  a:
    text: *i
    end: true
"""


def test_the_classic_alias_bomb_is_harmless(story_dir):
    root = story_dir({"one.yaml": BOMB})
    started = time.perf_counter()
    found = problems(root)
    assert time.perf_counter() - started < 2  # the point is "not minutes, not gigabytes"
    assert any(d.code == "E100" for d in found)  # the format never descends into the nested lists


def test_aliases_that_multiply_real_work_are_cut_off(story_dir):
    choices = ", ".join(["*k"] * 1000)
    scenes = "".join(f"  s{i}: *s\n" for i in range(2000))
    chapter = f"title: One\nscenes:\n  a: &s\n    text: x\n    choices: [&k {{text: t, goto: a}}, {choices}]\n{scenes}"
    root = story_dir({"one.yaml": chapter})
    started = time.perf_counter()
    d = only(root, "E004")
    assert time.perf_counter() - started < 2
    assert "aliases make this file expand far beyond its size" in d.message


def test_a_self_referencing_alias_is_refused(story_dir):
    root = story_dir({"one.yaml": "title: One\nscenes:\n  a:\n    text: x\n    choices: &c\n      - *c\n"})
    assert any(d.code in ("E004", "E100") for d in problems(root))


def test_modest_anchors_and_aliases_are_allowed(story_dir):
    chapter = """\
    title: One
    scenes:
      a:
        text: Hello.
        choices: &onward
          - text: On
            goto: c
      b:
        text: Again.
        choices: *onward
      c:
        text: Bye.
        end: true
    """
    manifest = "title: T\nstart: one/a\n"
    root = story_dir({"one.yaml": chapter}, manifest=manifest)
    assert [d.code for d in problems(root)] == ["W400"]  # b is unreachable, and that is all


def test_python_tags_are_refused_and_nothing_is_constructed(story_dir):
    root = story_dir(
        {
            "one.yaml": "title: One\nscenes:\n  a:\n    text: !!python/object/apply:os.system ['echo hacked']\n    end: true\n"
        }
    )
    d = only(root, "E005")
    assert at(d) == ("one.yaml", 4, 11)
    assert "!!python/object/apply:os.system" in d.message


def test_merge_keys_are_explained(story_dir):
    chapter = "title: One\nbase: &base {text: x}\nscenes:\n  a:\n    <<: *base\n    end: true\n"
    assert any("merge keys" in d.message for d in problems(story_dir({"one.yaml": chapter})))


# -- shape of documents -------------------------------------------------------------------------
def test_duplicate_keys_are_caught_with_both_lines(story_dir):
    chapter = GOOD_CHAPTER.replace("  c:\n    text: Bye.\n", "  c:\n    text: Bye.\n    text: Again.\n")
    d = only(story_dir({"one.yaml": chapter}), "E103")
    assert at(d) == ("one.yaml", 20, 5)
    assert "duplicate key 'text'" in d.message and "first given on line 19" in d.message


def test_duplicate_scene_names_are_caught(story_dir):
    chapter = GOOD_CHAPTER + "  a:\n    text: again\n    end: true\n"
    d = only(story_dir({"one.yaml": chapter}), "E103")
    assert "duplicate key 'a'" in d.message


def test_unknown_keys_suggest_the_closest_one(story_dir):
    chapter = GOOD_CHAPTER.replace("    choices:\n      - text: On", "    choises:\n      - text: On")
    found = {d.code: d for d in problems(story_dir({"one.yaml": chapter}))}
    assert "did you mean 'choices'?" in found["E101"].message
    assert at(found["E101"]) == ("one.yaml", 5, 5)


def test_unknown_keys_without_a_close_match_list_the_valid_ones(story_dir):
    chapter = GOOD_CHAPTER.replace("title: One\n", "title: One\ncolour: blue\n")
    d = only(story_dir({"one.yaml": chapter}), "E101")
    assert "expected title, scenes, movement, facilitator or minutes" in d.message


def test_missing_required_keys_are_named(story_dir):
    chapter = GOOD_CHAPTER.replace("title: One\n", "")
    d = only(story_dir({"one.yaml": chapter}), "E102")
    assert "needs 'title'" in d.message


def test_a_scene_without_text_is_reported_at_its_name(story_dir):
    chapter = GOOD_CHAPTER.replace("  c:\n    text: Bye.\n", "  c:\n")
    d = only(story_dir({"one.yaml": chapter}), "E102")
    assert at(d) == ("one.yaml", 18, 3) and "needs 'text'" in d.message


def test_wrong_types_say_what_was_expected_and_found(story_dir):
    chapter = GOOD_CHAPTER.replace("    end: true", "    end: [yes]")
    d = only(story_dir({"one.yaml": chapter}), "E100")
    assert d.message == "end should be true or false (or pause, for a pause in the journey), not a list"
    assert at(d) == ("one.yaml", 20, 10)


def test_yes_is_a_word_not_a_boolean(story_dir):
    chapter = GOOD_CHAPTER.replace("    end: true", "    end: yes")
    d = only(story_dir({"one.yaml": chapter}), "E100")
    assert "not the text 'yes'" in d.message


def test_a_choice_written_as_plain_text_is_explained(story_dir):
    chapter = GOOD_CHAPTER.replace("      - text: Stop\n        goto: c\n", "      - Stop\n")
    d = only(story_dir({"one.yaml": chapter}), "E100")
    assert "choice 2 should be a mapping with text and goto" in d.message


def test_plain_words_and_numbers_are_fine_as_text(story_dir):
    chapter = GOOD_CHAPTER.replace("- text: On\n", "- text: Yes\n").replace("text: Bye.", "text: 42")
    assert problems(story_dir({"one.yaml": chapter})) == []


def test_bad_names_are_refused(story_dir):
    chapter = GOOD_CHAPTER.replace("  c:\n", "  c d:\n").replace("goto: c", "goto: c d")
    assert any(d.code == "E106" and "'c d'" in d.message for d in problems(story_dir({"one.yaml": chapter})))


def test_a_chapter_file_name_must_be_usable_as_an_id(story_dir):
    root = story_dir({"one.yaml": GOOD_CHAPTER, "my chapter.yaml": "title: x\n"})
    assert "'my chapter.yaml' cannot be a chapter" in only(root, "E106").message


def test_invalid_intensity_suggests_a_value(story_dir):
    chapter = GOOD_CHAPTER.replace("    end: true", "    end: true\n    intensity: gentel")
    d = only(story_dir({"one.yaml": chapter}), "E104")
    assert "did you mean 'gentle'?" in d.message


def test_minutes_must_be_positive(story_dir):
    chapter = GOOD_CHAPTER.replace("title: One\n", "title: One\nminutes: 0\n")
    assert "more than 0" in only(story_dir({"one.yaml": chapter}), "E104").message


def test_variables_need_a_starting_value(story_dir):
    manifest = "title: T\nstart: one/a\nvariables:\n  tenderness: 0\n  role: ''\n  ready: false\n  mood:\n"
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, manifest=manifest), "E104")
    assert at(d) == ("story.yaml", 7, 8) and "variable 'mood' needs a starting value" in d.message


def test_variable_names_cannot_shadow_the_language(story_dir):
    manifest = "title: T\nstart: one/a\nvariables:\n  tenderness: 0\n  role: ''\n  ready: false\n  seen: 0\n"
    assert (
        "word of the expression language"
        in only(story_dir({"one.yaml": GOOD_CHAPTER}, manifest=manifest), "E106").message
    )


# -- exits and links ----------------------------------------------------------------------------
def test_a_dead_end_is_an_error(story_dir):
    chapter = GOOD_CHAPTER.replace("    end: true", "")
    d = only(story_dir({"one.yaml": chapter}), "E201")
    assert at(d) == ("one.yaml", 18, 3) and "dead end" in d.message


def test_a_scene_with_two_exits_is_an_error(story_dir):
    chapter = GOOD_CHAPTER.replace("    end: true", "    end: true\n    goto: a")
    d = only(story_dir({"one.yaml": chapter}), "E105")
    assert "only one of choices, goto, end, return or detour, not goto and end" in d.message


def test_a_choice_without_a_destination_is_an_error(story_dir):
    chapter = GOOD_CHAPTER.replace("      - text: Stop\n        goto: c\n", "      - text: Stop\n")
    d = only(story_dir({"one.yaml": chapter}), "E102")
    assert "choice 2 needs goto" in d.message


def test_goto_to_another_chapter_must_exist(story_dir):
    chapter = GOOD_CHAPTER.replace("goto: c", "goto: two/c")
    d = only(story_dir({"one.yaml": chapter}), "E200")
    assert "names the chapter 'two', which does not exist" in d.message


def test_goto_names_the_missing_scene_and_suggests_the_full_name(story_dir):
    two = "title: Two\nscenes:\n  z:\n    text: z\n    goto: one/c\n"
    chapter = GOOD_CHAPTER.replace("goto: c", "goto: z")
    d = only(story_dir({"one.yaml": chapter, "two.yaml": two}), "E200")
    assert "write 'two/z'" in d.message


def test_start_must_name_an_existing_scene(story_dir):
    manifest = "title: T\nstart: one/nowhere\nvariables: {tenderness: 0, role: '', ready: false}\n"
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, manifest=manifest), "E200")
    assert at(d) == ("story.yaml", 2, 8) and "'one/nowhere'" in d.message


def test_start_must_say_the_chapter(story_dir):
    manifest = "title: T\nstart: one\nvariables: {tenderness: 0, role: '', ready: false}\n"
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, manifest=manifest), "E104")
    assert "chapter/scene, like 'one/a'" in d.message


def test_unreachable_scenes_are_a_warning(story_dir):
    chapter = GOOD_CHAPTER + "  lonely:\n    text: Nobody comes here.\n    end: true\n"
    result = check_story(story_dir({"one.yaml": chapter}))
    assert [d.code for d in result.diagnostics] == ["W400"]
    assert result.story is not None  # warnings do not stop play


def test_all_conditional_choices_warn_of_a_stranded_reader(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "      - text: Stop\n        goto: c\n", "      - text: Stop\n        goto: c\n        if: ready\n"
    )
    d = only(story_dir({"one.yaml": chapter}), "W401")
    assert at(d) == ("one.yaml", 12, 9)  # the first of the choices
    assert "'fallback: true'" in d.message


def test_a_fallback_choice_means_nobody_is_stranded(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "      - text: Stop\n        goto: c\n",
        "      - text: Stop\n        goto: c\n        if: ready\n      - text: Rest\n        goto: c\n        fallback: true\n",
    )
    assert problems(story_dir({"one.yaml": chapter})) == []


def test_return_needs_a_detour(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "      - text: Stop\n        goto: c\n", "      - text: Stop\n        return: true\n"
    )
    d = only(story_dir({"one.yaml": chapter}), "E202")
    assert "nowhere to return to" in d.message


# -- variables ----------------------------------------------------------------------------------
def test_unused_variables_warn(story_dir):
    manifest = "title: T\nstart: one/a\nvariables: {tenderness: 0, role: '', ready: false, spare: 1}\n"
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, manifest=manifest), "W402")
    assert "'spare'" in d.message


def test_variables_set_but_never_read_warn(story_dir):
    chapter = GOOD_CHAPTER.replace(" {ready}", "").replace('if: not ready and role == ""', 'if: role == ""')
    d = only(story_dir({"one.yaml": chapter}), "W403")
    assert "'ready' is set but never read" in d.message


def test_unknown_placeholder_points_at_the_name(story_dir):
    chapter = GOOD_CHAPTER.replace("{role} {ready}", "{role} {redy}")
    d = only(story_dir({"one.yaml": chapter}), "E301")
    assert at(d) == ("one.yaml", 10, 43) and "did you mean 'ready'?" in d.message


def test_placeholder_with_attributes_is_refused(story_dir):
    chapter = GOOD_CHAPTER.replace("{role} {ready}", "{role.__class__}")
    d = only(story_dir({"one.yaml": chapter}), "E303")
    assert "attributes (x.y) are not part of the expression language" in d.message


def test_placeholders_in_block_text_point_at_their_line(story_dir):
    chapter = GOOD_CHAPTER.replace("    text: Bye.\n", "    text: |\n      First line.\n      Then {nope} here.\n")
    d = only(story_dir({"one.yaml": chapter}), "E301")
    assert at(d) == ("one.yaml", 21, 13)


def test_setting_text_without_inner_quotes_explains_how(story_dir):
    for written, code in (("caretaker", "E301"), ('"caretaker"', "E301"), ('"the caretaker"', "E300")):
        chapter = GOOD_CHAPTER.replace("role: '\"x\"'", f"role: {written}")
        d = only(story_dir({"one.yaml": chapter}), code)
        assert "put quotes inside the quotes: role: '\"" in d.message, written


def test_text_with_a_colon_in_a_paragraph_list_gets_the_colon_hint(story_dir):
    chapter = GOOD_CHAPTER.replace("    text: Bye.\n", "    text:\n      - It is small: and it stayed.\n")
    found = problems(story_dir({"one.yaml": chapter}))
    assert [d.code for d in found] == ["E100"]
    assert "because of the ': '" in found[0].message and "put it all in quotes" in found[0].message


def test_a_key_in_the_wrong_place_says_where_it_belongs(story_dir):
    chapter = GOOD_CHAPTER.replace("    text: Bye.\n", "    text: Bye.\n    once: true\n    prompt: Why?\n")
    messages = [d.message for d in problems(story_dir({"one.yaml": chapter})) if d.code == "E101"]
    assert any("'once' does not belong in scene 'c': it goes on a choice (under choices:)" in m for m in messages)
    assert any("'prompt' does not belong in scene 'c': it goes under reflect:" in m for m in messages)


def test_whole_story_warnings_wait_until_errors_are_fixed(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "      - text: Stop\n        goto: c\n",
        "      - text: Stop\n        goto: c\n        if: ready = 1\n"
        "      - text: Rest\n        goto: c\n        fallback: true\n",
    )
    assert [d.code for d in problems(story_dir({"one.yaml": chapter}))] == ["E300"]  # no false W405


def test_variations_hidden_by_a_revisit_are_flagged(story_dir):
    chapter = GOOD_CHAPTER.replace("    text: Bye.\n", "    text:\n      - sequence: [one, two]\n    revisit: Again.\n")
    d = only(story_dir({"one.yaml": chapter}), "W406")
    assert "can only ever show its first paragraph" in d.message


def test_set_type_must_match_the_declared_type(story_dir):
    chapter = GOOD_CHAPTER.replace("set: {tenderness: tenderness + 1}", "set: {tenderness: '\"lots\"'}")
    d = only(story_dir({"one.yaml": chapter}), "E304")
    assert "'tenderness' holds a number, but this value is text" in d.message


def test_save_as_needs_a_declared_text_variable(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "    text: Bye.\n", "    text: Bye.\n    reflect: {prompt: Why?, save_as: tenderness}\n"
    )
    d = only(story_dir({"one.yaml": chapter}), "E304")
    assert "save_as needs a text variable" in d.message


def test_withheld_as_needs_a_declared_true_false_variable(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "    text: Bye.\n", "    text: Bye.\n    reflect: {prompt: Why?, save_as: role, withheld_as: role}\n"
    )
    d = only(story_dir({"one.yaml": chapter}), "E304")
    assert d.message == "withheld_as needs a true/false variable, and 'role' holds text"


def test_an_ending_is_true_or_a_pause(story_dir):
    paused = check_story(story_dir({"one.yaml": GOOD_CHAPTER.replace("end: true", "end: pause")}))
    assert paused.diagnostics == [] and paused.story is not None and paused.story.scenes["one/c"].pause
    d = only(story_dir({"one.yaml": GOOD_CHAPTER.replace("end: true", "end: paused")}), "E100")
    assert d.message == "end should be true or false (or pause, for a pause in the journey), not the text 'paused'"


WITH_A_STOP = 'title: A small story\nstart: one/a\nstop: {}\nvariables: {{tenderness: 0, role: "", ready: false}}\n'


def test_the_stop_must_be_a_pause_in_the_journey(story_dir):
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, WITH_A_STOP.format("one/c")), "E104")
    assert d.message.startswith("stop names 'one/c', which is not a pause in the journey") and at(d)[1] == 3
    d = only(story_dir({"one.yaml": GOOD_CHAPTER}, WITH_A_STOP.format("one/see")), "E200")
    assert "'one/see'" in d.message


def test_a_stop_reached_only_by_stopping_is_not_unreachable(story_dir):
    chapter = GOOD_CHAPTER + "  for_today:\n    text: A pause.\n    end: pause\n"
    assert problems(story_dir({"one.yaml": chapter}, WITH_A_STOP.format("one/for_today"))) == []


# -- many problems, one run ---------------------------------------------------------------------
def test_all_problems_are_reported_in_one_run(story_dir):
    chapter = (
        GOOD_CHAPTER.replace("choices:\n      - text: On", "choises:\n      - text: On")
        .replace("goto: c", "goto: see")
        .replace("not ready", "not redy")
    )
    two = "title: Two\nscenes: [oops]\n"
    codes = sorted(d.code for d in problems(story_dir({"one.yaml": chapter, "two.yaml": two})))
    assert {"E101", "E200", "E301", "E100"} <= set(codes)


def test_diagnostics_are_sorted_by_file_and_line(story_dir):
    chapter = GOOD_CHAPTER.replace("goto: c", "goto: see").replace("goto: b", "goto: bee")
    found = problems(story_dir({"one.yaml": chapter}))
    assert [d.location.line for d in found] == sorted(d.location.line for d in found)


def test_a_fallback_beside_an_always_available_choice_is_flagged(story_dir):
    chapter = GOOD_CHAPTER.replace(
        "      - text: Stop\n        goto: c\n",
        "      - text: Stop\n        goto: c\n      - text: Rest\n        goto: c\n        fallback: true\n",
    )
    d = only(story_dir({"one.yaml": chapter}), "W405")
    assert "can never be shown" in d.message and at(d) == ("one.yaml", 18, 9)


def test_text_starting_with_an_asterisk_gets_a_hint(story_dir):
    chapter = GOOD_CHAPTER.replace("text: Bye.", "text: *Bye* for now")
    assert "(like *italic*) must be in quotes" in only(story_dir({"one.yaml": chapter}), "E003").message
