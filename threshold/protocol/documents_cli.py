"""`threshold documents`: check a presented document. Pure Python: no Django, no database."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    print("threshold documents: not available in this version of Threshold", file=sys.stderr)
    return 2
