"""Reads for the front desk, the roster and the history. Callers pass rows already looked up
through `threshold.visitors.access`, so every read here stays inside one school or district."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from threshold.accounts.models import Area, District, School
from threshold.visitors import clock
from threshold.visitors.identity import Identity, fold
from threshold.visitors.models import Visit, Visitor, VisitorSettings

SEARCH_LIMIT = 8
RECENT_LIMIT = 12


def settings_for(district_id: Any) -> VisitorSettings:
    """The district's front-desk settings; the defaults (unsaved) when it never changed them."""
    found = VisitorSettings.objects.filter(district_id=district_id).first()
    return found or VisitorSettings(district_id=district_id)


def desk_settings(school: School) -> VisitorSettings:
    """The settings of the school's district, read once per request and kept on the school. A
    lookup that already joined them (`select_related("school__district__visitor_settings")`)
    costs no query."""
    cached: VisitorSettings | None = getattr(school, "_visitor_settings", None)
    if cached is None:
        district = school.district
        if District.visitor_settings.is_cached(district):  # type: ignore[attr-defined]
            try:
                cached = district.visitor_settings  # type: ignore[attr-defined]
            except VisitorSettings.DoesNotExist:
                cached = VisitorSettings(district_id=school.district_id)
        else:
            cached = settings_for(school.district_id)
        school._visitor_settings = cached  # type: ignore[attr-defined]
    return cached


def on_site(school: School) -> QuerySet[Visit]:
    """Everyone checked in at the school and not yet out, newest first."""
    return (
        Visit.objects.filter(school=school, checked_out_at__isnull=True)
        .select_related("visitor")
        .order_by("-checked_in_at")
    )


def on_site_count(school: School) -> int:
    return Visit.objects.filter(school=school, checked_out_at__isnull=True).count()


def recent(school: School, *, now: datetime | None = None) -> list[Visit]:
    """Today's visits at the school (the district's day) and anyone still on site, those on
    site first."""
    now = now or timezone.now()
    zone = clock.zone(desk_settings(school))
    midnight = datetime.combine(now.astimezone(zone).date(), time.min, tzinfo=zone)
    visits = (
        Visit.objects.filter(school=school)
        .filter(Q(checked_in_at__gte=midnight) | Q(checked_out_at__isnull=True))
        .select_related("visitor")
        .order_by("-checked_in_at")[:RECENT_LIMIT]
    )
    return sorted(visits, key=lambda v: v.checked_out_at is not None)


def search(district: District, text: str) -> list[Visitor]:
    """Returning visitors of the district whose name holds every word typed, latest first."""
    words = fold(text).split()
    if not words or len("".join(words)) < 2:
        return []
    found = Visitor.objects.filter(district=district)
    for word in words[:4]:
        found = found.filter(search_name__contains=word)
    return list(found.order_by("-last_visit_at")[:SEARCH_LIMIT])


def returning(district: District, person: Identity) -> Visitor | None:
    """The visitor a scanned licence names: same family name, first given name and birth date."""
    if person.date_of_birth is None:
        return None
    candidates = Visitor.objects.filter(
        district=district, date_of_birth=person.date_of_birth
    ).order_by("-last_visit_at")
    family = fold(person.family_name)
    first = (fold(person.given_names).split() or [""])[0]
    for visitor in candidates:
        given = fold(visitor.given_names).split() or [""]
        if fold(visitor.family_name) == family and given[0] == first:
            return visitor
    return None


def last_visit_at(school: School, visitor: Visitor) -> Visit | None:
    """The visitor's latest visit to this school, to fill the form as it was last time."""
    found: Visit | None = (
        Visit.objects.filter(school=school, visitor=visitor).order_by("-checked_in_at").first()
    )
    return found


def areas_of(school: School) -> QuerySet[Area]:
    return Area.objects.filter(school=school).order_by("position", "name")


def history(
    school: School,
    *,
    since: date | None,
    until: date | None,
    name: str = "",
    visitor_type: str = "",
    desk: VisitorSettings,
) -> QuerySet[Visit]:
    """The school's visits between two days (of the district's calendar), with filters."""
    found = Visit.objects.filter(school=school).select_related("visitor")
    zone = clock.zone(desk)
    if since:
        found = found.filter(checked_in_at__gte=datetime.combine(since, time.min, tzinfo=zone))
    if until:
        end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone)
        found = found.filter(checked_in_at__lt=end)
    for word in fold(name).split()[:4]:
        found = found.filter(visitor__search_name__contains=word)
    if visitor_type:
        found = found.filter(visitor_type=visitor_type)
    return found.order_by("-checked_in_at")


def not_signed_out(school: School, *, since: date, desk: VisitorSettings) -> QuerySet[Visit]:
    """Visits that ended without a check-out: signed out at the day's end, or checked in again."""
    start = datetime.combine(since, time.min, tzinfo=clock.zone(desk))
    return (
        Visit.objects.filter(
            school=school,
            checked_in_at__gte=start,
            departure__in=[Visit.Departure.END_OF_DAY, Visit.Departure.CHECKED_IN_AGAIN],
        )
        .select_related("visitor")
        .order_by("-checked_in_at")
    )
