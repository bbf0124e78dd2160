"""Telling a person where their data is, without changing anything there.

`experience locate` may be run while the player is open, on a database that is damaged, or on a
read-only disk, so it only ever reads: the database is opened read-only (opening.connect_read_only),
and a file that cannot be read is reported, not touched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..i18n import _
from .migrations import NewerDatabase
from .opening import connect_read_only
from .paths import DATABASE_NAME, set_aside_copies


def describe(data_dir: Path) -> str:
    database = data_dir / DATABASE_NAME
    lines = [_("Your data folder: {path}").format(path=data_dir)]
    if not database.exists():
        lines.append(_("Nothing has been saved there yet."))
    else:
        lines.append(_("Progress and journal: {path}").format(path=database))
        found = _profiles(database)
        if found is None:
            lines.append("  " + _("(It could not be read just now; the player will say more when you start it.)"))
        elif found[0]:
            lines.append("  " + _("Profiles: {names}").format(names=", ".join(found[0])))
            if found[1]:
                lines.append("  " + _("Sealed with a passphrase: {names}").format(names=", ".join(found[1])))
    aside = set_aside_copies(data_dir)
    if aside:
        lines.append(_("Set aside, untouched, because they could not be used (damaged, or from a newer version):"))
        lines += [f"  {path}" for path in aside]
        lines.append(_("Nothing in them has been deleted; they are yours to keep, move or remove."))
    if database.exists() or aside:
        lines.append(_("Only your user account can read these files."))
    return "\n".join(lines)


def _profiles(database: Path) -> tuple[list[str], list[str]] | None:
    """The profiles, and those sealed with a passphrase; None if the file cannot be read now."""
    try:
        conn = connect_read_only(database)
    except (OSError, sqlite3.Error, NewerDatabase):
        return None
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM profiles ORDER BY name")]
        sealed = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM profiles JOIN seals ON seals.profile_id = profiles.id ORDER BY name"
            )
        ]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return names, sealed
