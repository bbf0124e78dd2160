"""Reporting to the bench harness: one line per mark, through the pipe in MARK_FD."""

import os
import time


def mark(*values: float) -> None:
    line = " ".join(repr(v) for v in (values or (time.monotonic(),)))
    os.write(int(os.environ["MARK_FD"]), (line + "\n").encode())
