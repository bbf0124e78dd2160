"""The checker's codes: defined once, named where they are used, and the guide's table in step."""

from __future__ import annotations

import re
from pathlib import Path

from experience.story import check_story
from experience.story.codes import CODES, Code, Severity

REPO = Path(__file__).resolve().parents[2]
GUIDE = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| ([EW]\d{3}) \| ([^|]*?) \|")


def _table_after(heading: str) -> list[tuple[str, str]]:
    """(code, second column) for each row of the first table after `heading` in the guide."""
    lines = GUIDE[GUIDE.index(heading) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| code |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        match = ROW.match(line)
        assert match, f"a row of the table after {heading!r} does not start with a code: {line}"
        rows.append((match.group(1), match.group(2)))
    return rows


def test_the_guides_table_of_codes_is_every_code_with_its_summary_in_order():
    assert _table_after("The codes never change meaning") == [(code.value, code.summary) for code in Code]


def test_the_care_lint_table_lists_care_warnings_only():
    care = [code for code, _ in _table_after("### The care lint")]
    assert care and all(Code(code).severity is Severity.WARNING for code in care)


def test_a_codes_letter_says_its_severity_as_authors_read_it():
    letters = {Severity.ERROR: "E", Severity.WARNING: "W"}
    assert [code.value[0] for code in Code] == [letters[code.severity] for code in Code]


def test_codes_is_the_table_of_every_code_and_its_summary():
    assert {code.value: code.summary for code in Code} == CODES
    assert CODES["E002"] == "file too large (4 MiB)"


def test_a_diagnostic_takes_its_severity_from_its_code(story_dir):
    root = story_dir({"one.yaml": "title: One\nscenes:\n  a:\n    text: x\n    end: true\n  b:\n    txt: y\n"})
    found = {d.code: d for d in check_story(root).diagnostics}
    assert found[Code.UNKNOWN_KEY].severity is Severity.ERROR and found[Code.UNKNOWN_KEY].is_error
    assert found[Code.UNKNOWN_KEY].as_dict()["code"] == "E101"


def test_no_module_spells_a_code_it_could_name():
    spelled = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((REPO / "experience").rglob("*.py"))
        if path.name != "codes.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""["'][EW]\d{3}["']""", line)
    ]
    assert spelled == []


def test_the_guide_lists_every_function_of_the_expression_language():
    from experience.story.functions import FUNCTIONS

    missing = [f.signature for f in FUNCTIONS.values() if f"| `{f.signature}`" not in GUIDE]
    assert missing == []
