"""Purging list entries that stopped applying long ago, photo and all (least data).

An entry deactivated, or whose end date passed, more than WATCHLIST_KEEP_DAYS ago (default 365:
an official may still need to read an alert of last term) is removed with its photo, its approved
visitors and the candidates it left on alerts. Each district's chain records how many, never whom.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from threshold.accounts.models import District
from threshold.audit.services import record
from threshold.watchlists.models import Entry, Watchlist

DEFAULT_KEEP_DAYS = 365


def keep_days() -> int:
    days: int = getattr(settings, "RETENTION_DAYS", {}).get("watchlist_entries", DEFAULT_KEEP_DAYS)
    return days


@transaction.atomic
def purge_entries(now: datetime | None = None) -> int:
    """Remove the entries that ended more than the kept period ago; return how many."""
    now = now or timezone.now()
    before = now - timedelta(days=keep_days())
    total = 0
    for district in District.objects.filter(watchlists__isnull=False).distinct().order_by("pk"):
        ended = Entry.objects.filter(district=district).filter(
            Q(is_active=False, ended_at__lt=before) | Q(valid_until__lt=before.date())
        )
        lists = set(ended.values_list("watchlist_id", flat=True))
        removed = ended.delete()[1].get("watchlists.Entry", 0)
        if not removed:
            continue
        # The entries left the lists: every process rebuilds its index.
        Watchlist.objects.filter(pk__in=lists).update(version=F("version") + 1)
        record("watchlist.entries_purged", actor=None, district=district, data={"entries": removed})
        total += removed
    return total
