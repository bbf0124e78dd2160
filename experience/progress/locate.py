"""Telling a person where their data is, without changing anything there.

`experience locate` may be run while the player is open, or on a database that is damaged, so it
only ever reads: the database is opened read-only, and a file that cannot be read is reported,
not touched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .paths import DATABASE_NAME, set_aside_copies


def describe(data_dir: Path) -> str:
    database = data_dir / DATABASE_NAME
    lines = [f"Your data folder: {data_dir}"]
    if not database.exists():
        lines.append("Nothing has been saved there yet.")
    else:
        lines.append(f"Progress and journal: {database}")
        profiles = _profiles(database)
        if profiles is None:
            lines.append("  (It could not be read just now; the player will say more when you start it.)")
        elif profiles:
            lines.append(f"  Profiles: {', '.join(profiles)}")
            sealed = _sealed(database)
            if sealed:
                lines.append(f"  Sealed with a passphrase: {', '.join(sealed)}")
    aside = set_aside_copies(data_dir)
    if aside:
        lines.append("Set aside, untouched, because they could not be used (damaged, or from a newer version):")
        lines += [f"  {path}" for path in aside]
        lines.append("Nothing in them has been deleted; they are yours to keep, move or remove.")
    if database.exists() or aside:
        lines.append("Only your user account can read these files.")
    return "\n".join(lines)


def _profiles(database: Path) -> list[str] | None:
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [row[0] for row in conn.execute("SELECT name FROM profiles ORDER BY name")]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _sealed(database: Path) -> list[str]:
    """Profiles whose words are sealed (none in a database from before passphrases existed)."""
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM profiles JOIN seals ON seals.profile_id = profiles.id ORDER BY name"
                )
            ]
        finally:
            conn.close()
    except sqlite3.Error:
        return []
