"""The records operations of the API (/api/v1/records/...): requests for student information and
a student's record of disclosures.

They take a staff member's signed-in session, not a device token: front-desk devices never read
student records. A session passes only when the person's role grants the operation's capability
(else 401, as for any caller the API does not accept); unsafe methods also need the CSRF token.
Rows are reached through `threshold.records.access`, as the pages do (404 outside the district or,
for those who may not open it, in the restricted file), and writes call the same services.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.security import APIKeyCookie

from threshold.accounts import access as accounts_access
from threshold.accounts.models import User
from threshold.accounts.roles import Capability
from threshold.api.schemas import Invalid, Problem
from threshold.audit.services import record
from threshold.records import access, queries, services
from threshold.records.models import DisclosureEntry, RecordsRequest


class StaffSession(APIKeyCookie):
    """A signed-in staff member whose role grants `capability`."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def __init__(self, capability: Capability) -> None:
        self.capability = capability
        super().__init__()

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if isinstance(user, User) and accounts_access.has_capability(user, self.capability):
            return user
        return None


router = Router(tags=["Student records"])
ERRORS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem}


class RequesterIn(Schema):
    agency: str = Field(max_length=32, description="Who is asking: an Agency code (docs/api.md).")
    name: str = Field("", max_length=200)
    organization: str = Field("", max_length=200)
    badge: str = Field("", max_length=64, description="Badge or ID number.")
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    business_card: bool = False


class DocumentIn(Schema):
    doc_class: str = Field(max_length=32, description="The document's class: a DocType code.")
    reference: str = Field("", max_length=200, description="Court, case or document number.")
    facial_check: str = Field("NOT_APPLICABLE", max_length=32, description="A FacialCheck code.")
    nondisclosure: str = Field("NONE", max_length=32, description="A Nondisclosure code.")


class RecordsRequestIn(Schema):
    channel: str = Field(max_length=16, description="IN_PERSON, PHONE, EMAIL or MAIL_OR_FAX.")
    requester: RequesterIn
    requested: list[str] = Field(
        min_length=1, description="Request codes: STUDENT_RECORDS, DIRECTORY_INFORMATION, ..."
    )
    student_id: UUID | None = None
    document: DocumentIn | None = Field(None, description="What was presented; null for nothing.")
    identified_by_non_directory_info: bool = Field(
        False, description="The requester named the student by non-directory information."
    )
    description: str = Field("", max_length=4000)
    stated_interest: str = Field("", max_length=4000)
    respond_by: date | None = None
    directory_items: list[str] = Field(
        [], description="For directory information: the items asked for (name, address, ...)."
    )
    opted_out_excluded: bool = Field(
        False, description="A directory request naming no student leaves out those who opted out."
    )
    purpose_within_notice: bool = Field(
        False, description="The stated purpose is one the district's directory notice allows."
    )


class RecordsRequestOut(Schema):
    id: UUID
    reference: str
    status: str
    records: str = Field(description="The policy pack's records outcome.")
    restricted: bool
    received_at: datetime
    due_on: date
    channel: str
    requester_agency: str
    requested: list[str]
    student_id: UUID | None
    document_class: str
    notify: list[str]
    log: list[str]
    steps: list[str] = Field(description="The pack's steps, in order, in its words.")
    say: list[str]
    pack: str


class DisclosureOut(Schema):
    id: UUID
    date: date
    entry: str
    parties: str
    legitimate_interest: str
    basis: str
    what_disclosed: str
    redisclosure_conditions: str


def _out(item: RecordsRequest) -> dict[str, Any]:
    return {
        "id": item.pk,
        "reference": item.reference,
        "status": item.status,
        "records": item.records_outcome,
        "restricted": item.restricted,
        "received_at": item.received_at,
        "due_on": item.due_on,
        "channel": item.channel,
        "requester_agency": item.requester_agency,
        "requested": item.requested,
        "student_id": item.student_id,
        "document_class": item.document_class,
        "notify": item.decision.get("notify", []),
        "log": item.decision.get("log", []),
        "steps": item.decision.get("steps", []),
        "say": item.decision.get("say", []),
        "pack": item.pack,
    }


def _entry(entry: DisclosureEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "date": entry.on_date,
        "entry": entry.kind,
        "parties": entry.parties,
        "legitimate_interest": entry.legitimate_interest,
        "basis": entry.basis,
        "what_disclosed": entry.what_disclosed,
        "redisclosure_conditions": entry.redisclosure_conditions,
    }


@router.get(
    "/records/requests/",
    response={200: list[RecordsRequestOut], **ERRORS},
    auth=StaffSession(Capability.READ_RECORDS_REQUESTS),
    operation_id="listRecordsRequests",
    summary="The district's requests for student information, by due date",
)
def list_requests(request: HttpRequest, show: str = "open") -> list[dict[str, Any]]:
    show = "all" if show == "all" else "open"
    found = list(queries.queue(access.requests_for(request.user), show=show)[:500])
    with transaction.atomic():
        record(
            "records.queue_viewed",
            actor=request.auth,  # type: ignore[attr-defined]
            district=access.district_for(request.user),
            data={"show": show, "requests": len(found), "via": "api"},
        )
    return [_out(item) for item in found]


@router.post(
    "/records/requests/",
    response={201: RecordsRequestOut, 400: Problem, 422: Invalid, **ERRORS},
    auth=StaffSession(Capability.HANDLE_RECORDS_REQUESTS),
    operation_id="recordRecordsRequest",
    summary="Record a request for student information; the district's policy pack decides it",
)
def create_request(request: HttpRequest, payload: RecordsRequestIn) -> Status[dict[str, Any]]:
    district = access.district_for(request.user, access.HANDLE)
    student = (
        access.student_for(request.user, payload.student_id, access.HANDLE)
        if payload.student_id
        else None
    )
    document = (
        services.PresentedDocument(
            doc_class=payload.document.doc_class,
            reference=payload.document.reference,
            facial_check=payload.document.facial_check,
            nondisclosure=payload.document.nondisclosure,
        )
        if payload.document
        else None
    )
    r = payload.requester
    created = services.request_intake(
        district=district,
        actor=request.auth,  # type: ignore[attr-defined]
        channel=payload.channel,
        requester=services.Requester(
            agency=r.agency,
            name=r.name,
            organization=r.organization,
            badge=r.badge,
            phone=r.phone,
            email=r.email,
            business_card=r.business_card,
        ),
        requested=list(payload.requested),
        student=student,
        document=document,
        identified_by_non_directory_info=payload.identified_by_non_directory_info,
        description=payload.description,
        stated_interest=payload.stated_interest,
        respond_by=payload.respond_by,
        directory_items=payload.directory_items,
        opted_out_excluded=payload.opted_out_excluded,
        purpose_within_notice=payload.purpose_within_notice,
    )
    return Status(201, _out(created))


@router.get(
    "/records/requests/{uuid:request_id}/",
    response={200: RecordsRequestOut, **ERRORS},
    auth=StaffSession(Capability.READ_RECORDS_REQUESTS),
    operation_id="readRecordsRequest",
    summary="One request for student information and its decision",
)
def read_request(request: HttpRequest, request_id: UUID) -> dict[str, Any]:
    found = access.request_for(request.user, request_id)
    with transaction.atomic():
        record(
            "records.restricted_opened" if found.restricted else "records.request_viewed",
            actor=request.auth,  # type: ignore[attr-defined]
            district=found.district,
            subject=found,
        )
    return _out(found)


@router.get(
    "/records/students/{uuid:student_id}/disclosures/",
    response={200: list[DisclosureOut], **ERRORS},
    auth=StaffSession(Capability.READ_RECORDS_REQUESTS),
    operation_id="readRecordOfDisclosures",
    summary="A student's record of requests and disclosures (34 CFR 99.32)",
)
def read_disclosures(request: HttpRequest, student_id: UUID) -> list[dict[str, Any]]:
    student = access.student_for(request.user, student_id)
    with transaction.atomic():
        record(
            "records.disclosures_viewed",
            actor=request.auth,  # type: ignore[attr-defined]
            district=student.district,
            school=student.school,
            subject=student,
            data={"via": "api"},
        )
    return [_entry(entry) for entry in queries.record_of(student)]
