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
