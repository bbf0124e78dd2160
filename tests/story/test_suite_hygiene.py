"""The test suite itself: rules that keep it passing whichever folders run together."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_imports_conftest_by_name():
    """Every folder has a conftest.py; `from conftest import` gets whichever loaded first."""
    me = Path(__file__).resolve()
    offenders = [
        str(p.relative_to(TESTS))
        for p in TESTS.rglob("*.py")
        if p.resolve() != me and any(f"{verb} conftest" in p.read_text(encoding="utf-8") for verb in ("from", "import"))
    ]
    assert offenders == [], offenders


def test_every_folder_of_tests_is_a_package():
    """Packages give each test module its full name (tests.care.test_pause), so two folders may hold
    files of the same name, and fixtures and helpers are shared from tests/ by relative imports."""
    folders = {p.parent for p in TESTS.rglob("*.py")}
    missing = [str(f.relative_to(TESTS.parent)) for f in sorted(folders) if not (f / "__init__.py").is_file()]
    assert missing == [], missing
