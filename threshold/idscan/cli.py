"""`threshold id`: parse a licence barcode. Pure Python: no Django, no database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime

from threshold.cli_support import OneLineParser, UsageError, read_input
from threshold.idscan import AamvaError, read_licence

# A phone photo is a few megabytes; a scanner payload a few hundred bytes.
MAX_INPUT_BYTES = 40 * 1024 * 1024

DESCRIPTION = """\
Read a US or Canadian driver licence or ID card barcode (AAMVA DL/ID standard, versions 01-10):
the raw bytes a 2-D scanner emits, or a PNG/JPEG image of the barcode. Prints the licence fields
as JSON. Only the fields Threshold may keep are read: never the address, sex, eye colour, height,
or the elements that reveal status (DDA compliance type, DDD limited-duration document).
Exit status 2, with one line on stderr, when the input is unreadable or not an AAMVA payload."""


def _today(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"--now {value!r} is not an ISO date") from None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="threshold id", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="read a licence barcode (scanner bytes or an image) and print its fields as JSON",
        description=DESCRIPTION,
    )
    parse.add_argument("file", metavar="FILE", help="scanner output or image; - for stdin")
    parse.add_argument(
        "--now",
        type=_today,
        default=None,
        metavar="ISO-DATE",
        help="the date against which `expired` is decided (default: today)",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        data = _read(args.file)
        today: date = args.now or date.today()
        fields = read_licence(data, today=today)
    except UsageError as exc:
        return _fail(str(exc))
    except AamvaError as exc:
        return _fail(str(exc))
    print(json.dumps(fields.as_dict(), indent=2, ensure_ascii=False))
    return 0


def _read(name: str) -> bytes:
    data = read_input(
        name, limit=MAX_INPUT_BYTES, too_large="is too large for a licence scan or photo"
    )
    if not data:
        raise AamvaError(f"{name} is empty")
    return data


def _fail(message: str) -> int:
    print(f"threshold id: {message}", file=sys.stderr)
    return 2
