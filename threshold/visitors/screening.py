"""The screening step of a check-in: the district's watchlists (`threshold.watchlists`).

`screen` is called by `services.visit_check_in` inside its transaction, before the visit is
written, and its answer is recorded on the visit:

- `clear`: screened against current lists, nothing found;
- `possible_match`: a person must look before anything else happens. The visit is still written
  (the visitor stands in the lobby and belongs on the emergency roster), but no badge is printed,
  and the desk shows only "Please wait, the office will be with you shortly";
- `list_stale`: screened, but a list is out of date: said plainly, never shown as clear;
- `not_screened`: no screening ran (the district keeps no watchlist, or the matching failed):
  never shown as clear.

`screened` is called once the visit is written, in the same transaction: for a possible match it
holds the check-in and alerts the school's designated officials privately.

The screener receives the visitor and the school, never the raw ID payload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threshold.accounts.models import School, User
    from threshold.visitors.models import Visit, Visitor

Screener = Callable[["Visitor", "School"], str]
FollowUp = Callable[["Visit", "User | None"], None]


def not_screened(visitor: Visitor, school: School) -> str:
    """No screening: say so, rather than "clear"."""
    return "not_screened"


def watchlists(visitor: Visitor, school: School) -> str:
    """The district's watchlists, through the matching library."""
    from threshold.watchlists.screening import screener

    return screener(visitor, school)


def alert_officials(visit: Visit, actor: User | None) -> None:
    """A possible match: hold the check-in and alert the school's officials."""
    from threshold.watchlists.alerts import raise_alert

    raise_alert(visit=visit, actor=actor)


SCREENER: Screener = watchlists
FOLLOW_UP: FollowUp = alert_officials


def screen(*, visitor: Visitor, school: School) -> str:
    """The screening result for a visitor checking in at a school (a `Visit.Screening` value)."""
    from threshold.visitors.models import Visit

    result = SCREENER(visitor, school)
    if result not in Visit.Screening.values:
        raise ValueError(f"unknown screening result {result!r}")
    return result


def screened(*, visit: Visit, actor: User | None) -> None:
    """After the visit is written (same transaction): act on the result recorded on it."""
    FOLLOW_UP(visit, actor)
