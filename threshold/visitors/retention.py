"""Purging visits and visitors past their district's retention period (called by `threshold
purge`). Each district's chain records how many were removed, never whom."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from threshold.accounts.models import District
from threshold.audit.services import record
from threshold.visitors.models import Visit, Visitor, VisitorSettings


@transaction.atomic
def purge_visits(now: datetime) -> dict[str, int]:
    """Remove visits that began, and visitors last seen, before the district's period."""
    default_days: int = settings.RETENTION_DAYS.get("visits", 365)
    chosen = {
        desk.district_id: desk.retention_days
        for desk in VisitorSettings.objects.filter(retention_days__isnull=False)
    }
    totals = {"visits": 0, "visitors": 0}
    for district in District.objects.order_by("pk"):
        before = now - timedelta(days=chosen.get(district.pk) or default_days)
        visits = Visit.objects.filter(school__district=district, checked_in_at__lt=before)
        removed_visits = visits.delete()[1].get("visitors.Visit", 0)
        visitors = Visitor.objects.filter(district=district, last_visit_at__lt=before)
        removed = visitors.delete()[1]
        counts = {
            "visits": removed_visits + removed.get("visitors.Visit", 0),
            "visitors": removed.get("visitors.Visitor", 0),
        }
        if any(counts.values()):
            record("visits.purged", actor=None, district=district, data=counts)
        totals["visits"] += counts["visits"]
        totals["visitors"] += counts["visitors"]
    return totals
