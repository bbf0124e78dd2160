"""Reading the care package's own data files (support lines, crisis words), which must never fail.

Each file is plain YAML that anyone can keep current without touching code. A file that cannot be
read, or reads as something other than a mapping, is an empty mapping here: the module that owns
it then uses whatever it can, and its own fallback for the rest, so a damaged file never hides help.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_data(name: str, text: str | None = None) -> dict[Any, Any]:
    """The mapping in the packaged file `name` (or in `text`, when given); {} if it cannot be read."""
    try:
        if text is None:
            text = (resources.files(__package__) / name).read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        data = {}
    return as_dict(data)


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}
