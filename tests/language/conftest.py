"""Every test here leaves the program speaking English, as the rest of the suite expects."""

from __future__ import annotations

import pytest

from experience.i18n import use_language


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language(None)
