"""`threshold protocol`: decide, explain and list policy packs. Pure Python, no Django."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    print("threshold protocol: not available in this version of Threshold", file=sys.stderr)
    return 2
