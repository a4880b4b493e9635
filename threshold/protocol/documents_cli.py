"""`threshold documents`: check a presented document. Pure Python: no Django, no database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime

from threshold.cli_support import OneLineParser, UsageError, read_input
from threshold.protocol.documents import (
    OcrFailed,
    OcrUnavailable,
    check_document_bytes,
)

MAX_INPUT_BYTES = 40 * 1024 * 1024

DESCRIPTION = """\
Check a document an officer presents: a warrant, subpoena, court order, immigration form or
letter. FILE is its text (typed, or as text recognition gives it) or an image (PNG or JPEG photo
or scan, read with Tesseract); - reads stdin. Prints JSON: the document's class (type), the
result of its surface checks (facial_check), who signed it (signed_by), the last day a search
warrant may be executed (expires), the court, case number, confidentiality terms and every
finding in plain words. Anything it cannot place is UNKNOWN: send it to counsel.
Exit status 2, with one line on stderr, for an unreadable file, a bad --now, or an image when
Tesseract is not installed."""


def _moment(value: str) -> datetime | date:
    try:
        if len(value.strip()) == 10:
            return date.fromisoformat(value.strip())  # a day without a time
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--now {value!r} is not an ISO date or date-time"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="threshold documents",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="classify a presented document and run its surface checks",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("file", metavar="FILE", help="text or image of the document; - for stdin")
    check.add_argument("--school", metavar="NAME", help="the school where it is presented")
    check.add_argument("--address", metavar="ADDRESS", help="that school's street address")
    check.add_argument(
        "--now",
        type=_moment,
        metavar="ISO-DATETIME",
        help="the moment of presentation, local time (default: now)",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        data = _read(args.file)
        findings = check_document_bytes(
            data, school=args.school, address=args.address, now=args.now
        )
    except (UsageError, OcrUnavailable, OcrFailed) as exc:
        return _fail(str(exc))
    print(json.dumps(findings.as_dict(), indent=2, ensure_ascii=False))
    return 0


def _read(name: str) -> bytes:
    limit_mb = MAX_INPUT_BYTES // (1024 * 1024)
    data = read_input(name, limit=MAX_INPUT_BYTES, too_large=f"is larger than {limit_mb} MB")
    if not data.strip():
        raise UsageError(f"{name} is empty")
    return data


def _fail(message: str) -> int:
    print(
        f"threshold documents: {message.splitlines()[0] if message else 'error'}", file=sys.stderr
    )
    return 2
