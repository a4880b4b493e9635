"""Scoped lookups of watchlists, entries, approvals and alerts, following `accounts.access`.

403 for someone without the capability anywhere, 404 for a row of another district (lists,
entries, approvals) or of a school outside the user's (alerts).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.models import District
from threshold.accounts.roles import Capability
from threshold.watchlists.models import Alert, ApprovedVisitor, Entry, Watchlist

MANAGE = Capability.MANAGE_WATCHLISTS
ANSWER = Capability.ANSWER_WATCHLIST_MATCH


def managed_district(user: Any) -> District:
    """The district whose watchlists the user keeps (a district-wide role)."""
    return access.district_for(user, MANAGE)


def entry_for(user: Any, entry_id: Any) -> Entry:
    district = managed_district(user)
    try:
        return Entry.objects.select_related("watchlist", "district").get(
            pk=_parse_id(entry_id), district=district
        )
    except Entry.DoesNotExist:
        raise Http404 from None


def watchlist_for(user: Any, watchlist_id: Any) -> Watchlist:
    district = managed_district(user)
    try:
        return Watchlist.objects.select_related("district").get(
            pk=_parse_id(watchlist_id), district=district
        )
    except Watchlist.DoesNotExist:
        raise Http404 from None


def approval_for(user: Any, approval_id: Any) -> ApprovedVisitor:
    district = managed_district(user)
    try:
        return ApprovedVisitor.objects.select_related("entry__district").get(
            pk=_parse_id(approval_id), district=district
        )
    except ApprovedVisitor.DoesNotExist:
        raise Http404 from None


def alerts_for(user: Any) -> QuerySet[Alert]:
    """The alerts of the schools where the user answers possible matches."""
    return Alert.objects.filter(school__in=access.schools_for(user, ANSWER))


def alert_for(user: Any, alert_id: Any) -> Alert:
    access.require(user, ANSWER)
    try:
        return (
            alerts_for(user)
            .select_related("school__district", "visit__visitor", "coming_by", "answered_by")
            .get(pk=_parse_id(alert_id))
        )
    except Alert.DoesNotExist:
        raise Http404 from None
