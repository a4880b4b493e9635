"""The officer-visit operations of the API (/api/v1/...): start an encounter, record its guided
steps and its outcome, close it, and read it.

Two kinds of caller. A school's front-desk device (a token with the `officer` scope) does what the
desk does with one press: it starts an encounter at its school and reads the encounters it
started; it records nothing else, as the desk's person would at the screen. A signed-in staff
member (session cookie, CSRF token on writes) acts as on the pages: the front desk starts,
records the steps and closes; the summoned officials also verify the officer and record the
outcome; the district's readers read. Every row is reached through the same scoped lookups as
the pages (404 outside the caller's schools) and every write calls the same service.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from threshold.accounts import access as accounts_access
from threshold.accounts.models import User
from threshold.accounts.roles import Capability
from threshold.api.auth import DeviceToken
from threshold.api.models import Device, Scope
from threshold.api.schemas import Invalid, Problem
from threshold.encounters import access, guidance, outcome, services
from threshold.encounters.forms import STEPS
from threshold.encounters.models import Encounter
from threshold.records.api import StaffSession

router = Router(tags=["Officer at the door"])
# 429: a device's requests are counted (threshold.api.auth); staff sessions are not.
ERRORS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem, 429: Problem}
BODY_ERRORS: dict[int, Any] = {400: Problem, 422: Invalid, **ERRORS}

DEVICE = DeviceToken(Scope.OFFICER)
DESK = StaffSession(Capability.FRONT_DESK)
OFFICIAL = StaffSession(Capability.ANSWER_SUMMONS)
READER = StaffSession(Capability.VIEW_ENCOUNTERS)


class EncounterOut(Schema):
    id: UUID
    school_id: UUID
    state: str = Field(description="open or closed")
    started_at: datetime
    closed_at: datetime | None
    acknowledged: bool = Field(description="A summoned official has acknowledged.")
    escalation_stage: int
    agency: str
    identification_given: list[str]
    refused: list[str]
    unidentified: bool = Field(description="The officer refused name or badge number.")
    requests: list[str]
    place: str
    subject: str
    exigency: str
    verification: str
    outcome: str
    results: dict[str, str] = Field(description="Request code: granted, denied, under_protest.")
    under_protest: bool
    records_request: str | None = Field(description="The records request's reference, if any.")
    access: str = Field(description="The pack's decision: where the officer may go.")
    student_contact: str
    records: str
    steps: list[str] = Field(description="The pack's steps, in order, in its words.")
    say: list[str] = Field(description="The words to say, in the pack's first language.")
    say_other: list[str] = Field(description="The same words in the pack's other language.")
    other_language: str | None
    pack: str


class StepIn(Schema):
    """One step and its fields (only those of the step named are read)."""

    step: Literal["identification", "request", "subject", "exigency", "verification"]
    agency: str | None = None
    officer_name: str | None = None
    officer_badge: str | None = None
    officer_phone: str | None = None
    card_kept: bool | None = None
    refused: list[str] | None = None
    requests: list[str] | None = None
    place: str | None = None
    purpose: str | None = None
    subject: str | None = None
    subject_name: str | None = None
    exigency: str | None = None
    exigency_basis: str | None = None
    verification_called: str | None = None
    verification_result: str | None = None


class OutcomeIn(Schema):
    results: dict[str, str] = Field(
        description="For each request code asked: granted, denied or under_protest."
    )
    protest_at: datetime | None = Field(None, description="When the officer went on.")
    protest_route: str = Field("", max_length=500)
    staff_present: str = Field("", max_length=500)
    witnesses: list[str] = Field(default_factory=list, max_length=50)
    records_taken: str = Field("", max_length=2000)
    note: str = Field("", max_length=1000)


def _out(encounter: Encounter) -> dict[str, Any]:
    decision, other = guidance.decisions_for(encounter)
    return {
        "id": encounter.pk,
        "school_id": encounter.school_id,
        "state": encounter.state,
        "started_at": encounter.started_at,
        "closed_at": encounter.closed_at,
        "acknowledged": encounter.acknowledged_at is not None,
        "escalation_stage": encounter.escalation_stage,
        "agency": encounter.agency,
        "identification_given": list(
            encounter.facts.get("requester", {}).get("identification", [])
        ),
        "refused": list(encounter.refused),
        "unidentified": encounter.unidentified,
        "requests": list(encounter.requests),
        "place": encounter.place,
        "subject": encounter.subject,
        "exigency": encounter.exigency,
        "verification": encounter.verification_result,
        "outcome": encounter.outcome,
        "results": dict(encounter.results or {}),
        "under_protest": encounter.under_protest,
        "records_request": (
            encounter.records_request.reference if encounter.records_request_id else None
        ),
        "access": decision.access.value,
        "student_contact": decision.student_contact.value,
        "records": decision.records.value,
        "steps": list(decision.steps),
        "say": list(decision.say),
        "say_other": list(other.say) if other else [],
        "other_language": other.language if other else None,
        "pack": f"{decision.pack_id} {decision.pack_version}",
    }


def _caller(request: HttpRequest) -> Device | User:
    who = getattr(request, "auth", None)
    if not isinstance(who, Device | User):
        raise Http404
    return who


def _staff_encounter(user: User, encounter_id: UUID, *capabilities: Capability) -> Encounter:
    """The encounter through the first of the capabilities the user holds (404 elsewhere)."""
    held = [c for c in capabilities if accounts_access.has_capability(user, c)]
    if not held:
        raise PermissionDenied
    for capability in held:
        try:
            if capability is Capability.VIEW_ENCOUNTERS:
                return access.encounter_to_read(user, encounter_id)
            return access.encounter_for(user, capability, encounter_id)
        except Http404:
            continue
    raise Http404


@router.post(
    "/schools/{uuid:school_id}/encounters/",
    response={201: EncounterOut, **ERRORS},
    auth=[DEVICE, DESK],
    operation_id="startEncounter",
    summary="Officer at the door: start an encounter",
)
def start(request: HttpRequest, school_id: UUID) -> Status[dict[str, Any]]:
    """Open an encounter at the school and summon its designated official at once, as the
    desk's "Officer at the door" button does. A device starts one at its own school only."""
    who = _caller(request)
    if isinstance(who, Device):
        if who.school_id != school_id:
            raise Http404
        school, actor = who.school, who.account
    else:
        school = accounts_access.school_for(who, Capability.FRONT_DESK, school_id)
        actor = who
    encounter = services.start_encounter(school=school, actor=actor)
    return Status(201, _out(encounter))


@router.get(
    "/encounters/{uuid:encounter_id}/",
    response={200: EncounterOut, **ERRORS},
    auth=[DEVICE, DESK, OFFICIAL, READER],
    operation_id="getEncounter",
    summary="Read an encounter",
)
def read(request: HttpRequest, encounter_id: UUID) -> dict[str, Any]:
    """An encounter with the pack's decision on it so far. A device reads only the encounters
    it started."""
    who = _caller(request)
    if isinstance(who, Device):
        try:
            encounter = Encounter.objects.select_related("school__district").get(
                pk=encounter_id, school_id=who.school_id, started_by=who.account
            )
        except Encounter.DoesNotExist:
            raise Http404 from None
        return _out(encounter)
    encounter = _staff_encounter(
        who,
        encounter_id,
        Capability.FRONT_DESK,
        Capability.ANSWER_SUMMONS,
        Capability.VIEW_ENCOUNTERS,
    )
    return _out(encounter)


@router.post(
    "/encounters/{uuid:encounter_id}/steps/",
    response={200: EncounterOut, **BODY_ERRORS},
    auth=[DESK, OFFICIAL],
    operation_id="recordEncounterStep",
    summary="Record a guided step",
)
def record_step(request: HttpRequest, encounter_id: UUID, payload: StepIn) -> dict[str, Any]:
    """Record one step: `identification`, `request`, `subject`, `exigency`, or (officials
    only) `verification`. The fields are checked as the step's form on the pages checks them."""
    who = _caller(request)
    assert isinstance(who, User)
    step = payload.step
    if step == "verification":
        encounter = _staff_encounter(who, encounter_id, Capability.ANSWER_SUMMONS)
    else:
        encounter = _staff_encounter(
            who, encounter_id, Capability.FRONT_DESK, Capability.ANSWER_SUMMONS
        )
    fields = services.STEP_FIELDS[step]
    sent = payload.dict(exclude_none=True, exclude={"step"})
    data: dict[str, Any] = {}
    blank = STEPS[step]()
    for name in fields:
        value = sent.get(name, blank.fields[name].initial)  # the form's default when not sent
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    form = STEPS[step](data)
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    encounter = services.record_step(
        encounter=encounter, actor=who, step=step, values=form.cleaned_data
    )
    return _out(encounter)


@router.post(
    "/encounters/{uuid:encounter_id}/outcome/",
    response={200: EncounterOut, **BODY_ERRORS},
    auth=[OFFICIAL],
    operation_id="recordEncounterOutcome",
    summary="Record the outcome",
)
def record_outcome(request: HttpRequest, encounter_id: UUID, payload: OutcomeIn) -> dict[str, Any]:
    """What was granted, denied or taken under protest (the officer went on without consent:
    never consent). A request for student information goes to the records intake."""
    who = _caller(request)
    assert isinstance(who, User)
    encounter = _staff_encounter(who, encounter_id, Capability.ANSWER_SUMMONS)
    encounter = outcome.record_outcome(
        encounter=encounter,
        actor=who,
        results=payload.results,
        protest_at=payload.protest_at,
        protest_route=payload.protest_route,
        staff_present=payload.staff_present,
        witnesses=payload.witnesses,
        records_taken=payload.records_taken,
        note=payload.note,
    )
    return _out(encounter)


@router.post(
    "/encounters/{uuid:encounter_id}/close/",
    response={200: EncounterOut, 409: Problem, **ERRORS},
    auth=[DESK, OFFICIAL],
    operation_id="closeEncounter",
    summary="The officer has left: close",
)
def close(request: HttpRequest, encounter_id: UUID) -> Any:
    """Close the encounter: escalation stops, and the incident report is written and sent to
    the superintendent and counsel. 409 when it was closed already."""
    who = _caller(request)
    assert isinstance(who, User)
    encounter = _staff_encounter(
        who, encounter_id, Capability.FRONT_DESK, Capability.ANSWER_SUMMONS
    )
    try:
        encounter = services.close_encounter(encounter=encounter, actor=who)
    except services.AlreadyClosed as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return _out(encounter)
