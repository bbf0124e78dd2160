"""`experience new`: a small, working story to start from, with schemas for the author's editor."""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path
from string import Template

from .i18n import Words, _, lazy
from .story.format import STORY_ID_PATTERN
from .story.schema import FILE_NAMES, SCHEMAS

DEFAULT_TITLE = lazy("My first story")  # in the language in use when the story is made
DEFAULT_ID = "my-story"


class ScaffoldError(Exception):
    pass


def scaffold(folder: Path, *, title: Words = DEFAULT_TITLE) -> list[Path]:
    """Write the example story into `folder` (new or empty) and return the files made."""
    title = str(title)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(
            _(
                "{folder} already exists and is not empty; choose a new folder so nothing of yours is overwritten"
            ).format(folder=folder)
        )
    if "\n" in title or not title.strip():
        raise ScaffoldError(_("the title should be one line of text"))
    folder.mkdir(parents=True, exist_ok=True)
    created = []
    templates = resources.files("experience") / "templates" / "new"
    for name in ("story.yaml", "beginning.yaml"):
        text = (templates / name).read_text(encoding="utf-8")
        if name == "story.yaml":
            text = Template(text).safe_substitute(
                title=json.dumps(title.strip(), ensure_ascii=False), id=story_id(folder, title)
            )
        path = folder / name
        path.write_text(text, encoding="utf-8")
        created.append(path)
    schema_dir = folder / ".schema"
    schema_dir.mkdir()
    for kind, build in SCHEMAS.items():
        path = schema_dir / FILE_NAMES[kind]
        path.write_text(json.dumps(build(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        created.append(path)
    return created


def story_id(folder: Path, title: str) -> str:
    """A lasting id for a new story: from its folder's name, else its title, in the id's alphabet."""
    for source in (folder.resolve().name, title):
        ascii_only = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode("ascii")
        candidate = "-".join(re.findall(r"[a-z0-9]+", ascii_only.lower()))[:64].strip("-")
        if re.match(STORY_ID_PATTERN, candidate):
            return candidate
    return DEFAULT_ID
