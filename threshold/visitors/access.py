"""Scoped lookups of visits and visitors, following `threshold.accounts.access`.

403 for someone without the capability anywhere, 404 for a row outside their schools (a visit) or
their district (a visitor: one person visits several schools of the district).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.models import School
from threshold.accounts.roles import Capability
from threshold.visitors.models import Visit, Visitor

FRONT_DESK = Capability.FRONT_DESK
VIEW = Capability.VIEW_SCHOOL


def _school(user: Any, capability: Capability, school_id: Any) -> School:
    # As access.school_for, with the district read along: every audit event names it.
    access.require(user, capability)
    try:
        return (
            access.schools_for(user, capability)
            .select_related("district")
            .get(pk=_parse_id(school_id))
        )
    except School.DoesNotExist:
        raise Http404 from None


def desk_school(user: Any, school_id: Any) -> School:
    """A school whose front desk the user works at."""
    return _school(user, FRONT_DESK, school_id)


def viewed_school(user: Any, school_id: Any) -> School:
    """A school whose visitors the user may see (roster, history, reports)."""
    return _school(user, VIEW, school_id)


def visits_for(user: Any, capability: Capability) -> QuerySet[Visit]:
    return Visit.objects.filter(school__in=access.schools_for(user, capability))


def visit_for(user: Any, capability: Capability, visit_id: Any) -> Visit:
    """One visit at a school where the user holds the capability."""
    access.require(user, capability)
    try:
        return (
            visits_for(user, capability)
            .select_related("visitor", "school__district")
            .get(pk=_parse_id(visit_id))
        )
    except Visit.DoesNotExist:
        raise Http404 from None


def visitors_for(user: Any, capability: Capability) -> QuerySet[Visitor]:
    """The visitors of the district where the user holds the capability at some school."""
    schools = access.schools_for(user, capability)
    return Visitor.objects.filter(district_id__in=schools.values("district_id"))


def visitor_for(user: Any, capability: Capability, visitor_id: Any) -> Visitor:
    access.require(user, capability)
    try:
        return visitors_for(user, capability).get(pk=_parse_id(visitor_id))
    except Visitor.DoesNotExist:
        raise Http404 from None


def visit_by_badge(school: School, code: str) -> Visit | None:
    """The visit whose badge carries this check-out code, at a school already looked up."""
    found: Visit | None = (
        Visit.objects.select_related("visitor").filter(school=school, checkout_code=code).first()
    )
    return found
