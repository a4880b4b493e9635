"""Reading an encounter's state for the desk's and the official's screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch

from threshold.encounters.models import Encounter
from threshold.notify.models import Delivery, Notification


@dataclass(frozen=True)
class Told:
    notification: Notification
    deliveries: list[Delivery]


def told(encounter: Encounter) -> list[Told]:
    """Everyone summoned or informed, with each delivery's state, in the order they were told."""
    rows = (
        Notification.objects.filter(encounter=encounter)
        .select_related("recipient")
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("channel")))
        .order_by("created_at", "recipient__full_name")
    )
    return [Told(row, list(row.deliveries.all())) for row in rows]


def elapsed(since: datetime, now: datetime) -> str:
    """Minutes and seconds, as a stopwatch shows them: 0:35, 12:04."""
    seconds = max(int((now - since).total_seconds()), 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


def open_at(school_ids: list[object]) -> list[Encounter]:
    return list(
        Encounter.objects.filter(school_id__in=school_ids, state=Encounter.State.OPEN)
        .select_related("school")
        .order_by("-started_at")
    )
