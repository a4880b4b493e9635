"""What the rules commands share: one-line usage errors and bounded reading of an input file.

Plain Python (no Django), like the commands that use it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn


class UsageError(Exception):
    """Bad command-line arguments or unreadable input: the command exits 2 with this message."""


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2 (argparse would
    print its usage block as well)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def read_input(name: str, *, limit: int, too_large: str) -> bytes:
    """The bytes of file `name` (or standard input for `-`), refusing more than `limit` bytes."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(name).open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise UsageError(f"{name} {too_large}")
    return data
