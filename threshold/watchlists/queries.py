"""Reads for the watchlist pages and the officials' alerts. Callers pass rows already looked up
through `threshold.watchlists.access`, so every read here stays inside one district or school."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from threshold.accounts.models import District
from threshold.matching import list_freshness
from threshold.matching.freshness import CLOCK_TOLERANCE
from threshold.visitors.identity import fold
from threshold.watchlists.models import Alert, ApprovedVisitor, Entry, Watchlist

STATUSES = ("current", "upcoming", "ended", "inactive", "undated")


@dataclass(frozen=True)
class ListFreshness:
    """A list, its age, and whether its results can be called clear."""

    watchlist: Watchlist
    stale: bool
    text: str
    active_entries: int
    # Active entries with no date of birth: screened on the name alone, so each one stops every
    # visitor whose name resembles it, and the district should add the date where it can.
    undated_entries: int = 0


def freshness_text(watchlist: Watchlist, *, now: datetime) -> tuple[bool, str]:
    """(stale, words for the screen), in the reader's language. Staleness is the matching
    library's rule, the one screening applies."""
    updated = watchlist.current_as_of
    freshness = list_freshness(updated, now=now, max_age=watchlist.max_age)
    if updated is None:
        return True, _("Never updated: results are not clear.")
    if updated - now > CLOCK_TOLERANCE:
        return True, _("Its update date is in the future: results are not clear.")
    age = timesince(updated, now) if now - updated >= timedelta(minutes=1) else _("moments")
    if freshness.stale:
        return True, _(
            "Updated %(age)s ago, more than the %(days)s days allowed: results are not clear."
        ) % {"age": age, "days": watchlist.max_age_days}
    return False, _("Updated %(age)s ago.") % {"age": age}


def lists_of(district: District, *, now: datetime | None = None) -> list[ListFreshness]:
    now = now or timezone.now()
    found = []
    lists = Watchlist.objects.filter(district=district).annotate(
        active=Count("entries", filter=Q(entries__is_active=True)),
        undated=Count(
            "entries", filter=Q(entries__is_active=True, entries__date_of_birth__isnull=True)
        ),
    )
    for watchlist in lists.order_by("kind"):
        stale, text = freshness_text(watchlist, now=now)
        found.append(ListFreshness(watchlist, stale, text, watchlist.active, watchlist.undated))
    return found


def entries(
    district: District, *, text: str = "", reason: str = "", status: str = "", today: date
) -> QuerySet[Entry]:
    """The district's entries whose names hold every word typed, with filters."""
    found = Entry.objects.filter(district=district).select_related("watchlist")
    for word in fold(text).split()[:4]:
        found = found.filter(search_name__contains=word)
    if reason:
        found = found.filter(reason=reason)
    if status == "inactive":
        found = found.filter(is_active=False)
    elif status == "upcoming":
        found = found.filter(is_active=True, valid_from__gt=today)
    elif status == "ended":
        found = found.filter(is_active=True, valid_until__lt=today)
    elif status == "undated":
        found = found.filter(is_active=True, date_of_birth__isnull=True)
    elif status == "current":
        found = found.filter(is_active=True, valid_from__lte=today).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )
    return found.order_by("family_name", "given_name", "pk")


def approvals(district: District) -> QuerySet[ApprovedVisitor]:
    return (
        ApprovedVisitor.objects.filter(district=district)
        .select_related("visitor", "entry", "approved_by")
        .order_by("-approved_at")
    )


def open_alerts(alerts: QuerySet[Alert]) -> list[Alert]:
    """Alerts still needing someone: waiting, an official on the way, or confirmed and the
    visitor still on site."""
    return list(
        alerts.filter(state__in=Alert.OPEN_STATES, visit__checked_out_at__isnull=True)
        .select_related("school", "coming_by", "answered_by")
        .order_by("raised_at")
    )


def recent_alerts(alerts: QuerySet[Alert], *, now: datetime) -> list[Alert]:
    """The last day's alerts that are settled (released, or the visitor has left)."""
    return list(
        alerts.filter(raised_at__gte=now - timedelta(days=1))
        .filter(Q(state=Alert.State.RELEASED) | Q(visit__checked_out_at__isnull=False))
        .select_related("school", "answered_by")
        .order_by("-raised_at")[:20]
    )
