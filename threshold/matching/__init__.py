"""Watchlist screening: is a visitor possibly a person on a district's watchlist? Pure Python.

    index = WatchlistIndex.build(entries)            # once per list: Iterable[Entry]
    matches = index.screen(Query("Smith", "Bob", date(1979, 4, 2)))   # list[Match], best first
    status = screening_status(matches, list_freshness(updated_at, now=now, max_age=max_age))

A `Match` is a possible match for a designated official to review, with a score (0-1) and
reasons in plain words; it never turns anyone away by itself. Names are normalised (case,
accents, punctuation, hyphens, apostrophes, order) and compared word by word through a nickname
table (English and Spanish), typos (one letter), the same sound (metaphone), compound and
hyphenated family names and swapped given and family names. Birth dates must agree, exactly or
with day and month swapped; when one side has none, the name alone decides, more strictly and
with a lower score. A different birth date is never a candidate, however common the name.

An empty result from a stale list is not clear: see `freshness`.
No Django here; the app wraps these in its services.
"""

from __future__ import annotations

from threshold.matching.freshness import (
    Freshness,
    ScreeningStatus,
    list_freshness,
    overall_status,
    screening_status,
)
from threshold.matching.index import WatchlistIndex
from threshold.matching.model import DateAgreement, Entry, Match, Query
from threshold.matching.normalize import NameParts, name_parts

__all__ = [
    "DateAgreement",
    "Entry",
    "Freshness",
    "Match",
    "NameParts",
    "Query",
    "ScreeningStatus",
    "WatchlistIndex",
    "list_freshness",
    "name_parts",
    "overall_status",
    "screening_status",
]
