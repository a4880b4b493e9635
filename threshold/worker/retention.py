"""Purging what has been kept long enough. Counts go to the audit trail, never names."""

from __future__ import annotations

from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from threshold.audit.services import record
from threshold.records.retention import purge_students
from threshold.visitors.retention import purge_visits
from threshold.watchlists.retention import purge_entries


@transaction.atomic
def purge_expired(now: datetime | None = None) -> dict[str, int]:
    """Remove sign-in attempt records, finished task results, and visits and visitors past their
    retention period."""
    now = now or timezone.now()
    days = settings.RETENTION_DAYS
    attempts_before = now - timedelta(days=days["signin_attempts"])
    tasks_before = now - timedelta(days=days["task_results"])
    counts = {
        "signin_attempts": AccessAttempt.objects.filter(attempt_time__lt=attempts_before).delete()[
            0
        ]
        + AccessFailureLog.objects.filter(attempt_time__lt=attempts_before).delete()[0],
        "task_results": DBTaskResult.objects.filter(
            status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=tasks_before
        ).delete()[0],
    }
    record("retention.purged", actor=None, district=None, data=counts)
    # Visits follow each district's own period; watchlist entries go a set time after they end.
    # Both are counted on each district's chain.
    return {
        **counts,
        **purge_visits(now),
        "watchlist_entries": purge_entries(now),
        "students": purge_students(now),
    }
