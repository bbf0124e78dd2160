"""Where the bundled journey lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_story() -> Path:
    """The bundled story folder.

    In a wheel the repo's top-level `scenes/` is packaged as `experience/scenes`; in a source
    checkout (or an editable install) it is still at the top of the repo.
    """
    packaged = _PACKAGE / "scenes"
    if (packaged / "story.yaml").is_file():
        return packaged
    return _PACKAGE.parent / "scenes"


def authoring_guide() -> Path:
    """AUTHORING.md: packaged beside the code in a wheel, at the top of the repo in a checkout."""
    packaged = _PACKAGE / "AUTHORING.md"
    return packaged if packaged.is_file() else _PACKAGE.parent / "AUTHORING.md"


def display_path(path: Path) -> Path:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
