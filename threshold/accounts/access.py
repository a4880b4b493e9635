"""Scoped lookups: the one module through which views, API endpoints and commands reach rows.

Every function takes the acting user and a capability, and returns only what that user's roles at
their schools or district allow. Anything else is "not found" (404) or "forbidden" (403), never a
row of another school or district. Views call one of these first, before anything else.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from threshold.accounts.models import Area, District, Membership, School, User
from threshold.accounts.roles import Capability, roles_with


def _memberships(user: Any) -> list[Membership]:
    """The user's roles, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached: list[Membership] | None = getattr(user, "_threshold_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, district_id=user.district_id).select_related(
                "school", "district"
            )
        )
        user._threshold_memberships = cached
    return cached


def forget_roles(user: Any) -> None:
    """Drop the cached roles (after a role change in the same request)."""
    if hasattr(user, "_threshold_memberships"):
        del user._threshold_memberships


def memberships_with(user: Any, capability: Capability) -> list[Membership]:
    granting = set(roles_with(capability))
    return [m for m in _memberships(user) if m.role in granting]


def has_capability(user: Any, capability: Capability) -> bool:
    return bool(memberships_with(user, capability))


def require(user: Any, capability: Capability) -> None:
    """403 unless the user holds the capability somewhere."""
    if not has_capability(user, capability):
        raise PermissionDenied


def _parse_id(value: Any) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


# Districts -------------------------------------------------------------------------------------


def district_for(user: Any, capability: Capability) -> District:
    """The user's district, when a district-wide role grants the capability there."""
    for membership in memberships_with(user, capability):
        if membership.school_id is None:
            return membership.district
    raise PermissionDenied


def district_of(user: Any, capability: Capability) -> District:
    """The district where the user holds the capability, at one of its schools or district-wide."""
    found = memberships_with(user, capability)
    if not found:
        raise PermissionDenied
    return found[0].district


# Schools ---------------------------------------------------------------------------------------


def schools_for(user: Any, capability: Capability) -> QuerySet[School]:
    """The schools where the user's roles grant the capability."""
    found = memberships_with(user, capability)
    if not found:
        return School.objects.none()
    district_wide = {m.district_id for m in found if m.school_id is None}
    school_ids = {m.school_id for m in found if m.school_id is not None}
    return School.objects.filter(
        Q(district_id__in=district_wide) | Q(pk__in=school_ids), district_id=user.district_id
    )


def school_for(user: Any, capability: Capability, school_id: Any) -> School:
    """One school the user may act on with the capability: 403 without the capability
    anywhere, 404 for a school outside the user's reach."""
    require(user, capability)
    try:
        return schools_for(user, capability).get(pk=_parse_id(school_id))
    except School.DoesNotExist:
        raise Http404 from None


def area_for(user: Any, capability: Capability, area_id: Any) -> Area:
    require(user, capability)
    schools = schools_for(user, capability)
    try:
        return Area.objects.select_related("school").get(pk=_parse_id(area_id), school__in=schools)
    except Area.DoesNotExist:
        raise Http404 from None


# Staff -----------------------------------------------------------------------------------------


def staff_for(user: Any, capability: Capability) -> QuerySet[User]:
    """The staff accounts of the district where the user holds the capability district-wide."""
    district = district_for(user, capability)
    return User.objects.filter(district=district)


def staff_member_for(user: Any, capability: Capability, staff_id: Any) -> User:
    try:
        return staff_for(user, capability).get(pk=_parse_id(staff_id))
    except User.DoesNotExist:
        raise Http404 from None


def membership_for(user: Any, capability: Capability, membership_id: Any) -> Membership:
    district = district_for(user, capability)
    try:
        return Membership.objects.select_related("user", "school").get(
            pk=_parse_id(membership_id), district=district
        )
    except Membership.DoesNotExist:
        raise Http404 from None
