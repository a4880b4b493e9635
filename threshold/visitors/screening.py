"""The screening step of a check-in: where watchlist screening will plug in (a later issue).

`screen` is called by `services.visit_check_in` inside its transaction, before the visit is
written, and its answer is recorded on the visit:

- `clear`: screened against current lists, nothing found;
- `possible_match`: a person must look before anything else happens. The visit is still written
  (the visitor stands in the lobby and belongs on the emergency roster), but no badge is printed,
  and the desk shows only "Please wait, the office will be with you shortly";
- `list_stale`: screened, but a list is out of date: said plainly, never shown as clear;
- `not_screened`: no screening ran (the default until watchlists exist): never shown as clear.

The screener receives the visitor and the school, never the raw ID payload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threshold.accounts.models import School
    from threshold.visitors.models import Visitor

Screener = Callable[["Visitor", "School"], str]


def not_screened(visitor: Visitor, school: School) -> str:
    """No watchlists yet: say so, rather than "clear"."""
    return "not_screened"


# The watchlist work replaces this with its screener (a function of visitor and school).
SCREENER: Screener = not_screened


def screen(*, visitor: Visitor, school: School) -> str:
    """The screening result for a visitor checking in at a school (a `Visit.Screening` value)."""
    from threshold.visitors.models import Visit

    result = SCREENER(visitor, school)
    if result not in Visit.Screening.values:
        raise ValueError(f"unknown screening result {result!r}")
    return result
