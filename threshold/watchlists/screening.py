"""Screening a visitor at check-in against the district's watchlists, with `threshold.matching`.

Each app process keeps one `WatchlistIndex` per district, built from the active entries of all the
district's lists and keyed by the lists' versions. Every screening reads the versions (one small
query): when another process, or this one, changed a list, the versions differ and this process
rebuilds its index on its own. Nothing is shared between processes, so any number of gunicorn
workers stay right.

Dates and schools are applied after the index answers: an entry's validity changes with the
calendar, not with an edit, so the index holds every active entry and a match counts only when
the entry applies on the district's today and at the visitor's school.

What screening answers (a `Visit.Screening` value):
- `not_screened`: the district keeps no watchlist (or the matching failed: logged);
- `possible_match`: a person must look; never a refusal by itself;
- `list_stale`: no match, but a list is older than its allowed age (or was never loaded): not clear;
- `clear`: no match, and every list is current.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import DatabaseError
from django.utils import timezone

from threshold.matching import (
    Entry as ListedPerson,
)
from threshold.matching import (
    Freshness,
    Match,
    Query,
    ScreeningStatus,
    WatchlistIndex,
    list_freshness,
    overall_status,
    screening_status,
)
from threshold.visitors import clock, queries
from threshold.visitors.models import Visit
from threshold.watchlists.models import ApprovedVisitor, Entry, Watchlist

logger = logging.getLogger(__name__)

# Districts whose index a process keeps; the least recently used goes first.
CACHE_SIZE = 64

RESULTS = {
    ScreeningStatus.CLEAR: Visit.Screening.CLEAR,
    ScreeningStatus.POSSIBLE_MATCH: Visit.Screening.POSSIBLE_MATCH,
    ScreeningStatus.STALE: Visit.Screening.LIST_STALE,
}


@dataclass(frozen=True)
class ListState:
    """A list as read at screening time: its version keys the index, its date the freshness."""

    id: Any
    kind: str
    version: int
    current_as_of: datetime | None
    max_age_days: int

    def freshness(self, now: datetime) -> Freshness:
        return list_freshness(
            self.current_as_of, now=now, max_age=timedelta(days=self.max_age_days)
        )


@dataclass(frozen=True)
class Scope:
    """Where and when an entry applies."""

    watchlist_id: Any
    valid_from: date
    valid_until: date | None
    schools: frozenset[Any] | None  # None: every school of the district

    def applies(self, school_id: Any, today: date) -> bool:
        if self.valid_from > today or (self.valid_until is not None and self.valid_until < today):
            return False
        return self.schools is None or school_id in self.schools


@dataclass(frozen=True)
class Loaded:
    stamp: tuple[tuple[str, int], ...]
    index: WatchlistIndex
    scopes: dict[str, Scope]


@dataclass(frozen=True)
class Outcome:
    """What screening found: the result for the visit, and the matches a person must review."""

    result: str
    matches: tuple[Match, ...] = ()
    lists: tuple[ListState, ...] = ()
    list_of_match: dict[str, Any] = field(default_factory=dict)  # entry id -> list id


_cache: OrderedDict[Any, Loaded] = OrderedDict()
_lock = threading.Lock()
builds = 0  # how many indexes this process has built (read by tests and the benchmark)


def lists_of(district_id: Any) -> list[ListState]:
    """The district's lists, read on every screening (one query)."""
    rows = Watchlist.objects.filter(district_id=district_id).values_list(
        "id", "kind", "version", "current_as_of", "max_age_days"
    )
    return [ListState(*row) for row in rows.order_by("kind")]


def _stamp(lists: Sequence[ListState]) -> tuple[tuple[str, int], ...]:
    return tuple((str(state.id), state.version) for state in lists)


def _build(lists: Sequence[ListState]) -> Loaded:
    global builds
    ids = [state.id for state in lists]
    rows = Entry.objects.filter(watchlist_id__in=ids, is_active=True).values_list(
        "id",
        "family_name",
        "given_name",
        "date_of_birth",
        "aliases",
        "reason",
        "watchlist_id",
        "valid_from",
        "valid_until",
        "all_schools",
    )
    limited: dict[str, set[Any]] = {}
    through = Entry.schools.through.objects.filter(
        entry__watchlist_id__in=ids, entry__is_active=True, entry__all_schools=False
    ).values_list("entry_id", "school_id")
    for entry_id, school_id in through:
        limited.setdefault(str(entry_id), set()).add(school_id)
    scopes: dict[str, Scope] = {}

    def people() -> Iterable[ListedPerson]:
        for entry_id, family, given, born, aliases, reason, list_id, start, end, everywhere in rows:
            key = str(entry_id)
            schools = None if everywhere else frozenset(limited.get(key, ()))
            scopes[key] = Scope(list_id, start, end, schools)
            yield ListedPerson(
                id=key,
                family_name=family,
                given_name=given,
                date_of_birth=born,
                aliases=tuple(aliases or ()),
                reason=reason,
            )

    index = WatchlistIndex.build(people())
    builds += 1
    return Loaded(stamp=_stamp(lists), index=index, scopes=scopes)


def loaded(district_id: Any, lists: Sequence[ListState]) -> Loaded:
    """The district's index for these list versions: this process's copy, or a new one."""
    stamp = _stamp(lists)
    with _lock:
        found = _cache.get(district_id)
        if found is not None and found.stamp == stamp:
            _cache.move_to_end(district_id)
            return found
    # Built outside the lock: a large list takes a moment, and other districts need not wait.
    fresh = _build(lists)
    with _lock:
        _cache[district_id] = fresh
        _cache.move_to_end(district_id)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return fresh


def forget(district_id: Any = None) -> None:
    """Drop this process's index of a district (or of every district)."""
    with _lock:
        if district_id is None:
            _cache.clear()
        else:
            _cache.pop(district_id, None)


def screen(visitor: Any, school: Any, *, now: datetime | None = None) -> Outcome:
    """Screen a visitor checking in at a school against the district's lists."""
    now = now or timezone.now()
    lists = lists_of(school.district_id)
    if not lists:
        return Outcome(result=Visit.Screening.NOT_SCREENED)
    found = loaded(school.district_id, lists)
    query = Query(
        family_name=visitor.family_name,
        given_name=visitor.given_names,
        date_of_birth=visitor.date_of_birth,
    )
    today = timezone.localdate(now, timezone=clock.zone(queries.desk_settings(school)))
    matches = [
        match
        for match in found.index.screen(query)
        if found.scopes[match.id].applies(school.pk, today)
    ]
    if matches and visitor.pk is not None:
        approved = {
            str(entry_id)
            for entry_id in ApprovedVisitor.objects.filter(
                visitor_id=visitor.pk, entry_id__in=[m.id for m in matches]
            ).values_list("entry_id", flat=True)
        }
        matches = [match for match in matches if match.id not in approved]
    return Outcome(
        result=result_for(lists, matches, found.scopes, now),
        matches=tuple(matches),
        lists=tuple(lists),
        list_of_match={m.id: found.scopes[m.id].watchlist_id for m in matches},
    )


def result_for(
    lists: Sequence[ListState], matches: Sequence[Match], scopes: dict[str, Scope], now: datetime
) -> str:
    """The visit's screening result: any match, else any stale list, else clear."""
    statuses = []
    for state in lists:
        own = [m for m in matches if scopes[m.id].watchlist_id == state.id]
        statuses.append(screening_status(own, state.freshness(now)))
    return RESULTS[overall_status(statuses)].value


def result_without_matches(school: Any, *, now: datetime | None = None) -> str:
    """What the result is once a person has set the matches aside: the lists' freshness."""
    now = now or timezone.now()
    lists = lists_of(school.district_id)
    if not lists:
        return Visit.Screening.NOT_SCREENED.value
    return result_for(lists, [], {}, now)


def screener(visitor: Any, school: Any) -> str:
    """The check-in's screening hook (see `threshold.visitors.screening`).

    A fault in the matching (never expected) must not stop a family at the desk, nor pass for
    "clear": the visit is recorded as not screened, and the fault is logged. A database error
    is not caught: the check-in's transaction cannot go on after one, and says so itself."""
    try:
        return screen(visitor, school).result
    except DatabaseError:
        raise
    except Exception:
        logger.exception("watchlist screening failed: the check-in is recorded as not screened")
        return Visit.Screening.NOT_SCREENED.value
