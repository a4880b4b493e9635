"""`threshold watchlist screen`: screen visitors against a watchlist. Pure Python, no Django."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NoReturn

from threshold.matching.csvio import (
    LIST_COLUMNS,
    QUERY_COLUMNS,
    InputError,
    read_queries,
    read_watchlist,
)
from threshold.matching.freshness import list_freshness, screening_status
from threshold.matching.index import WatchlistIndex
from threshold.matching.model import Match

DESCRIPTION = f"""\
Screen a batch of visitors against a watchlist. LIST.csv has the header
{",".join(LIST_COLUMNS)} (date_of_birth YYYY-MM-DD or empty; aliases are full names separated by
";"). QUERIES.csv has {",".join(QUERY_COLUMNS)}. Prints one JSON object per visitor, in order:
{{"query": N, "matches": [{{"id", "score", "reasons"}}]}}, N counting visitors from 1, best match
first. A match is a possible match for a designated official to review, never a decision: names
are compared through nicknames, typos, accents, word order and compound family names, and a
listed person is a candidate when the birth dates agree (also with day and month swapped) or one
side has none; a different birth date is never a candidate. With --updated, each line also says
"status": "clear", "possible match", or "stale: not clear" when the list is older than --max-age.
Exit status 2, with one line on stderr, on a missing file, a wrong header or a bad date."""


class UsageError(Exception):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO date or time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="threshold watchlist", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    screen = commands.add_parser(
        "screen",
        help="screen visitors (QUERIES.csv) against a watchlist (LIST.csv); JSON lines out",
        description=DESCRIPTION,
    )
    screen.add_argument("--list", required=True, metavar="LIST.csv", dest="list_path")
    screen.add_argument("--queries", required=True, metavar="QUERIES.csv")
    screen.add_argument(
        "--updated",
        type=_moment,
        metavar="ISO",
        help="when the list was last updated; adds a status to each line",
    )
    screen.add_argument(
        "--max-age",
        type=float,
        default=7.0,
        metavar="DAYS",
        help="a list older than this is stale: an empty result is not clear (default 7)",
    )
    screen.add_argument(
        "--now", type=_moment, metavar="ISO", help="the time to judge freshness at (default: now)"
    )
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        if args.max_age < 0:
            raise UsageError("--max-age must not be negative")
        index = WatchlistIndex.build(read_watchlist(args.list_path))
        queries = list(read_queries(args.queries))
    except (UsageError, InputError) as exc:
        print(f"threshold watchlist: {exc}", file=sys.stderr)
        return 2
    freshness = None
    if args.updated is not None:
        freshness = list_freshness(
            args.updated,
            now=args.now or datetime.now(UTC),
            max_age=timedelta(days=args.max_age),
        )
    out = sys.stdout
    for number, query in enumerate(queries, start=1):
        matches = index.screen(query)
        line: dict[str, object] = {"query": number, "matches": [_match(m) for m in matches]}
        if freshness is not None:
            line["status"] = screening_status(matches, freshness).value
            line["list"] = freshness.describe()
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def _match(match: Match) -> dict[str, object]:
    return {"id": match.id, "score": match.score, "reasons": list(match.reasons)}
