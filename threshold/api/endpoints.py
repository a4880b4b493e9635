"""The front desk's operations, one endpoint each, over the services the pages use.

Each operation: the device is authenticated with the operation's scope and the URL's school
(`threshold.api.auth`), rows are looked up at the device's school (`threshold.api.access`), the
service is called with the device's account as the actor, and the result is returned as a schema.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from threshold.accounts.models import School
from threshold.api import access
from threshold.api.auth import DeviceToken
from threshold.api.models import Device, Scope
from threshold.api.schemas import (
    BadgeIn,
    CheckInIn,
    Invalid,
    Problem,
    RosterOut,
    VisitOut,
)
from threshold.visitors import access as visitor_access
from threshold.visitors import clock, identity, queries, services
from threshold.visitors.identity import Identity
from threshold.visitors.models import Visit, Visitor

router = Router(tags=["Front desk"])

# Every operation can answer these.
ERRORS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem, 429: Problem}
# And those that take a body: 400 for a body that is not JSON, 422 for invalid input.
BODY_ERRORS: dict[int, Any] = {400: Problem, 422: Invalid, **ERRORS}


def device_of(request: HttpRequest) -> Device:
    """The device the request authenticated as (every operation authenticates first)."""
    device = getattr(request, "auth", None)
    if not isinstance(device, Device):
        raise Http404
    return device


def _who(
    school: School, payload: CheckInIn
) -> tuple[Visitor | None, Identity | None, Visit.IdCheck]:
    """The returning visitor, the person to record, and how their identity was checked: as the
    desk's pages do for a visitor chosen from the list, typed by hand, or scanned."""
    if payload.scan is not None:
        today = timezone.localdate(timezone=clock.zone(queries.desk_settings(school)))
        scanned = identity.read(payload.scan.encode("utf-8"), today=today)
        returning = queries.returning(school.district, scanned.identity)
        return returning, scanned.identity, Visit.IdCheck.SCANNED
    if payload.visitor_id is not None:
        return access.visitor_of(school, payload.visitor_id), None, Visit.IdCheck.BY_HAND
    assert payload.person is not None  # the schema requires exactly one of the three
    person = Identity(
        family_name=payload.person.family_name,
        given_names=payload.person.given_names,
        date_of_birth=payload.person.date_of_birth,
    )
    return None, person, Visit.IdCheck.BY_HAND


@router.post(
    "/schools/{uuid:school_id}/check-in/",
    response={201: VisitOut, **BODY_ERRORS},
    auth=DeviceToken(Scope.CHECK_IN),
    operation_id="checkIn",
    summary="Check a visitor in",
)
def check_in(request: HttpRequest, school_id: UUID, payload: CheckInIn) -> Status[Visit]:
    """Check a visitor in at the device's school: a returning visitor of the district by id, a new
    visitor by name, or whoever a scanned licence names. Screening runs as on the desk's pages: a
    visit whose `state` is `held` gets no badge, and the device shows only `message`."""
    device = device_of(request)
    school = access.school_of(device, school_id)
    area = None
    if payload.area_id is not None:
        area = access.area_of(school, payload.area_id)
        if area is None:
            raise ValidationError({"area": _("Choose an area of this school.")})
    visitor, person, id_check = _who(school, payload)
    details = services.VisitDetails(
        visitor_type=payload.visitor_type.value,
        purpose=payload.purpose,
        host=payload.host,
        area=area,
    )
    visit = services.visit_check_in(
        school=school,
        actor=device.account,
        details=details,
        id_check=id_check,
        visitor=visitor,
        person=person,
    )
    return Status(201, visit)


@router.get(
    "/visits/{uuid:visit_id}/",
    response={200: VisitOut, **ERRORS},
    auth=DeviceToken(Scope.CHECK_IN),
    operation_id="getVisit",
    summary="Read the state of a check-in",
)
def get_visit(request: HttpRequest, visit_id: UUID) -> Visit:
    """A visit at the device's school: whether it is admitted (the badge may be printed), held
    while the office checks a possible watchlist match, or checked out."""
    return access.visit_of(device_of(request), visit_id)


@router.post(
    "/visits/{uuid:visit_id}/check-out/",
    response={200: VisitOut, 409: Problem, **ERRORS},
    auth=DeviceToken(Scope.CHECK_OUT),
    operation_id="checkOut",
    summary="Check a visitor out",
)
def check_out(request: HttpRequest, visit_id: UUID) -> Visit:
    """End a visit at the device's school, as the desk's list does. 409 when it had already
    ended (another desk, the badge, or the end of the day)."""
    device = device_of(request)
    visit = access.visit_of(device, visit_id)
    return services.visit_check_out(visit=visit, actor=device.account, how=Visit.Departure.DESK)


@router.post(
    "/schools/{uuid:school_id}/badge-check-out/",
    response={200: VisitOut, 409: Problem, **BODY_ERRORS},
    auth=DeviceToken(Scope.CHECK_OUT),
    operation_id="checkOutByBadge",
    summary="Check a visitor out by their badge",
)
def check_out_by_badge(request: HttpRequest, school_id: UUID, payload: BadgeIn) -> Visit:
    """End the visit whose badge was scanned on the way out: 404 for a badge not of this school,
    409 when the visit had already ended."""
    device = device_of(request)
    school = access.school_of(device, school_id)
    code = identity.badge_code(payload.code)
    if code is None:
        raise ValidationError({"code": _("This is not the code of a visitor badge.")})
    visit = visitor_access.visit_by_badge(school, code)
    if visit is None:
        raise Http404
    visit.school = school
    return services.visit_check_out(visit=visit, actor=device.account, how=Visit.Departure.BADGE)


@router.get(
    "/schools/{uuid:school_id}/on-site/",
    response={200: RosterOut, **ERRORS},
    auth=DeviceToken(Scope.ROSTER),
    operation_id="getOnSite",
    summary="Who is on campus",
)
def on_site(request: HttpRequest, school_id: UUID) -> dict[str, Any]:
    """Everyone checked in at the school and not yet out, newest first (those held for the office
    included: they are in the building). Each reading is recorded in the audit trail."""
    device = device_of(request)
    school = access.school_of(device, school_id)
    services.roster_viewed(school=school, actor=device.account)
    visits = list(queries.on_site(school))
    return {"school_id": school.pk, "at": timezone.now(), "count": len(visits), "visits": visits}
