"""Scoped lookups for a device: everything it reaches is at its own school.

As `threshold.visitors.access` does for people: 404 for a school, visit or visitor outside the
device's reach (never "forbidden", which would confirm the row exists), and only then the rows.
Scopes are checked earlier, by the authentication of each operation (`threshold.api.auth`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404

from threshold.accounts.models import Area, School
from threshold.api.models import Device
from threshold.visitors import queries
from threshold.visitors.models import Visit, Visitor


def school_of(device: Device, school_id: UUID) -> School:
    """The school in the URL, when it is the device's."""
    if school_id != device.school_id:
        raise Http404
    return device.school


def visit_of(device: Device, visit_id: UUID) -> Visit:
    """A visit at the device's school."""
    # get(), not first(): no ORDER BY to build for one row (these run on every request).
    try:
        visit = Visit.objects.select_related("visitor").get(pk=visit_id, school_id=device.school_id)
    except Visit.DoesNotExist:
        raise Http404 from None
    visit.school = device.school  # already read, with its district
    return visit


def visitor_of(school: School, visitor_id: UUID) -> Visitor:
    """A returning visitor of the school's district (a parent visits several of its schools)."""
    try:
        return Visitor.objects.get(pk=visitor_id, district_id=school.district_id)
    except Visitor.DoesNotExist:
        raise Http404 from None


def area_of(school: School, area_id: Any) -> Area | None:
    """An area of the school, or None (the caller says which field was wrong)."""
    try:
        return queries.areas_of(school).get(pk=area_id)
    except Area.DoesNotExist:
        return None
