"""How fresh a watchlist is, and what a screening result means given that.

An empty result is "clear" only when the list is fresh: from a list older than its allowed age
(or never loaded) it is "stale: not clear", and the desk must not read it as clear.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from threshold.matching.model import Match

# A list dated a little ahead of this machine's clock is a clock difference, not a problem.
CLOCK_TOLERANCE = timedelta(minutes=5)


class ScreeningStatus(StrEnum):
    CLEAR = "clear"
    POSSIBLE_MATCH = "possible match"  # a person reviews; never a refusal by itself
    STALE = "stale: not clear"


@dataclass(frozen=True, slots=True)
class Freshness:
    """A list's age at the time of screening. Datetimes must be timezone-aware."""

    updated_at: datetime | None
    checked_at: datetime
    max_age: timedelta

    @property
    def age(self) -> timedelta | None:
        if self.updated_at is None:
            return None
        return max(self.checked_at - self.updated_at, timedelta(0))

    @property
    def stale(self) -> bool:
        if self.updated_at is None:
            return True
        if self.updated_at - self.checked_at > CLOCK_TOLERANCE:
            return True  # dated in the future: the date cannot be trusted
        age = self.age
        return age is not None and age > self.max_age

    def describe(self) -> str:
        """For the screen: "updated 3 days ago", with why it is not clear when stale."""
        if self.updated_at is None:
            return "never updated: results are not clear"
        if self.updated_at - self.checked_at > CLOCK_TOLERANCE:
            return "update date is in the future: results are not clear"
        age = self.age or timedelta(0)
        text = f"updated {_duration(age)} ago"
        if self.stale:
            text += f", older than the {_duration(self.max_age)} allowed: results are not clear"
        return text


def list_freshness(updated_at: datetime | None, *, now: datetime, max_age: timedelta) -> Freshness:
    """The freshness of a list last updated at `updated_at` (None: never), seen at `now`."""
    return Freshness(updated_at=updated_at, checked_at=now, max_age=max_age)


def screening_status(matches: Sequence[Match], freshness: Freshness) -> ScreeningStatus:
    """A possible match always goes to a person; no match is clear only from a fresh list."""
    if matches:
        return ScreeningStatus.POSSIBLE_MATCH
    if freshness.stale:
        return ScreeningStatus.STALE
    return ScreeningStatus.CLEAR


def overall_status(statuses: Iterable[ScreeningStatus]) -> ScreeningStatus:
    """Over several lists: any possible match, else any stale list, else clear. No lists at
    all is not clear either."""
    seen = set(statuses)
    if ScreeningStatus.POSSIBLE_MATCH in seen:
        return ScreeningStatus.POSSIBLE_MATCH
    if ScreeningStatus.STALE in seen or not seen:
        return ScreeningStatus.STALE
    return ScreeningStatus.CLEAR


def _duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"
