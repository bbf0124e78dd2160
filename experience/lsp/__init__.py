"""The language server for story files (`experience lsp`): the checker's problems, completion,
go to definition, hover and quick fixes, in any editor that speaks the Language Server Protocol.

It is built on pygls, an optional extra (`pip install '.[lsp]'` in a copy of experience), and
nothing in `check`, `walk` or the player imports it.
"""

from __future__ import annotations

import sys

from ..i18n import lazy

INSTALL_HINT = lazy(
    "the language server needs pygls, which is not installed. Install it with: pip install pygls "
    "(or, in your copy of experience: pip install '.[lsp]')"
)


def main() -> int:
    """Serve over standard input and output until the editor says goodbye."""
    try:
        from .server import serve
    except ImportError as missing:
        if missing.name not in ("pygls", "lsprotocol") and not str(missing.name or "").startswith(
            ("pygls.", "lsprotocol.")
        ):
            raise
        print(f"experience: {INSTALL_HINT}", file=sys.stderr)
        return 1
    serve()
    return 0
