"""A district's front-desk day: its end-of-day moment and when a badge expires."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from threshold.visitors.models import VisitorSettings


def zone(desk: VisitorSettings) -> ZoneInfo:
    return ZoneInfo(desk.time_zone)


def _end_of(day: datetime, desk: VisitorSettings) -> datetime:
    return datetime.combine(day.date(), desk.end_of_day, tzinfo=zone(desk))


def latest_end_of_day(desk: VisitorSettings, now: datetime) -> datetime:
    """The most recent end of the school day at or before `now`, in the district's zone."""
    local = now.astimezone(zone(desk))
    today = _end_of(local, desk)
    return today if today <= local else _end_of(local - timedelta(days=1), desk)


def next_end_of_day(desk: VisitorSettings, after: datetime) -> datetime:
    """The first end of the school day after `after`."""
    local = after.astimezone(zone(desk))
    today = _end_of(local, desk)
    return today if today > local else _end_of(local + timedelta(days=1), desk)


def badge_expiry(desk: VisitorSettings, checked_in_at: datetime) -> datetime:
    """A badge is valid for the district's number of hours, and never past the day's end."""
    return min(
        checked_in_at + timedelta(hours=desk.badge_hours), next_end_of_day(desk, checked_in_at)
    )
