"""Starting and closing an encounter. Each writes its audit event in the same transaction; the
summons of the designated official is part of the start (threshold.notify)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import School, User
from threshold.audit.services import record
from threshold.encounters import guidance
from threshold.encounters.models import Encounter
from threshold.notify import services as notify
from threshold.policies.queries import policy_for_school
from threshold.visitors.models import Visit

logger = logging.getLogger(__name__)


class AlreadyClosed(ValidationError):
    """The encounter had been closed already."""


@transaction.atomic
def start_encounter(
    *, school: School, actor: User, visit: Visit | None = None, now: datetime | None = None
) -> Encounter:
    """ "Officer at the door": open an encounter at the school and summon the designated official
    at once. From a checked-in official visitor, the encounter names the visit; an open
    encounter for the same visit is returned instead of a second one."""
    now = now or timezone.now()
    if visit is not None:
        if visit.school_id != school.pk:
            raise ValueError("the visit is at another school")
        if visit.visitor_type != Visit.Type.OFFICIAL:
            raise ValidationError(_("Only an official or officer's visit starts an encounter."))
        running = Encounter.objects.filter(visit=visit, state=Encounter.State.OPEN).first()
        if running is not None:
            return running
    policy = policy_for_school(school)
    facts = guidance.opening_facts()
    encounter = Encounter.objects.create(
        school=school,
        started_by=actor,
        started_at=now,
        visit=visit,
        pack_id=policy.pack.id,
        pack_version=policy.pack.version,
        facts=facts,
    )
    decision = policy.decide(guidance.parsed(facts))
    record(
        "encounter.started",
        actor=actor,
        district=school.district,
        school=school,
        subject=encounter,
        data={
            "visit": str(visit.pk) if visit else None,
            "from": "check_in" if visit else "desk",
            "pack": f"{policy.pack.id} {policy.pack.version}",
            "reviewed": policy.reviewed,
        },
    )
    notify.on_encounter_started(
        encounter=encounter, actor=actor, notify_codes=decision.notify, now=now
    )
    return encounter


# The guided steps: what each records, and the fields it changes.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "identification": (
        "agency",
        "officer_name",
        "officer_badge",
        "officer_phone",
        "card_kept",
        "refused",
    ),
    "request": ("requests", "place", "purpose"),
    "subject": ("subject", "subject_name"),
    "exigency": ("exigency", "exigency_basis"),
    "verification": ("verification_called", "verification_result"),
}


def _audit_data(step: str, encounter: Encounter, changed: list[str]) -> dict[str, Any]:
    """Codes and which fields changed; the officer's details and their words stay in the row."""
    data: dict[str, Any] = {"changed": changed}
    if step == "identification":
        data["agency"] = encounter.agency
        data["given"] = encounter.facts["requester"]["identification"]
        data["refused"] = list(encounter.refused)
        data["unidentified"] = encounter.unidentified
    elif step == "request":
        data["requests"] = list(encounter.requests)
        data["place"] = encounter.place
    elif step == "subject":
        data["subject"] = encounter.subject
        data["name_given"] = bool(encounter.subject_name)
    elif step == "verification":
        data["result"] = encounter.verification_result
    else:
        data["exigency"] = encounter.exigency
        data["reason_given"] = bool(encounter.exigency_basis)
    return data


class EncounterClosed(ValidationError):
    """Nothing more is recorded on a closed encounter."""


@transaction.atomic
def record_step(
    *,
    encounter: Encounter,
    actor: User,
    step: str,
    values: dict[str, Any],
    now: datetime | None = None,
) -> Encounter:
    """Record one guided step (identification, request, subject, exigency) from the desk or the
    official's screen, then ask the pack again: whoever its notify rules now name (counsel, the
    superintendent) is informed."""
    if step not in STEP_FIELDS:
        raise ValueError(f"no step {step!r}")
    unknown = set(values) - set(STEP_FIELDS[step])
    if unknown:
        raise TypeError(f"unknown fields for {step}: {sorted(unknown)}")
    now = now or timezone.now()
    locked = (
        Encounter.objects.select_for_update()
        .select_related("school__district")
        .get(pk=encounter.pk)
    )
    if not locked.is_open:
        raise EncounterClosed(_("This encounter is closed: nothing more can be recorded."))
    changed = sorted(name for name, value in values.items() if getattr(locked, name) != value)
    was_unidentified = locked.unidentified
    for name, value in values.items():
        setattr(locked, name, value)
    if step == "subject" and locked.subject not in ("STUDENT", "ELIGIBLE_STUDENT"):
        locked.student = None  # the request is not about a student after all
    locked.facts = guidance.facts_of(locked)
    guidance.parsed(locked.facts)  # the engine reads them strictly: refuse what it cannot
    locked.updated_at, locked.updated_by = now, actor
    locked.save()
    record(
        f"encounter.{step}_recorded",
        actor=actor,
        district=locked.school.district,
        school=locked.school,
        subject=locked,
        data=_audit_data(step, locked, changed),
    )
    if locked.unidentified and not was_unidentified:
        record(
            "encounter.unidentified_visitor",
            actor=actor,
            district=locked.school.district,
            school=locked.school,
            subject=locked,
            data={"refused": list(locked.refused)},
        )
    decision = guidance.decision_for(locked)
    notify.inform_per_pack(encounter=locked, codes=decision.notify, actor=actor, now=now)
    return locked


@transaction.atomic
def encounter_viewed(*, encounter: Encounter, actor: User) -> None:
    """An official opened the encounter (a sensitive read: who looked, and when)."""
    record(
        "encounter.viewed",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
    )


@transaction.atomic
def close_encounter(*, encounter: Encounter, actor: User, now: datetime | None = None) -> Encounter:
    """The officer has left: close the encounter. Escalation stops with it."""
    now = now or timezone.now()
    done = Encounter.objects.filter(pk=encounter.pk, state=Encounter.State.OPEN).update(
        state=Encounter.State.CLOSED, closed_at=now, closed_by=actor
    )
    if not done:
        raise AlreadyClosed(_("This encounter was closed already."))
    encounter.state, encounter.closed_at, encounter.closed_by = Encounter.State.CLOSED, now, actor
    data: dict[str, Any] = {
        "seconds": int((now - encounter.started_at).total_seconds()),
        "acknowledged": encounter.acknowledged_at is not None,
        "outcome": encounter.outcome or None,
    }
    record(
        "encounter.closed",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data=data,
    )
    _report_on_closing(encounter, actor)
    return encounter


def _report_on_closing(encounter: Encounter, actor: User) -> None:
    """Write the incident report now; if that fails, the encounter is closed all the same and
    the worker writes the report (retrying with backoff, listed with the failed tasks if it
    never can)."""
    from threshold.encounters import tasks
    from threshold.encounters.report import write_report

    try:
        with transaction.atomic():
            write_report(encounter=encounter, actor=actor)
    except Exception:  # any failure of the PDF must not keep the encounter open
        logger.exception("the report of encounter %s is left to the worker", encounter.pk)
        district_id = str(encounter.school.district_id)
        transaction.on_commit(
            lambda: tasks.write_report.enqueue(
                encounter_id=str(encounter.pk), actor_id=str(actor.pk), district_id=district_id
            )
        )


# The numbers a school calls to verify an officer ----------------------------------------------


@transaction.atomic
def verification_number_add(*, school: School, actor: User, label: str, phone: str) -> Any:
    """A number the school's officials call to check an officer's identity."""
    from threshold.encounters.models import VerificationNumber

    label = label.strip()
    if VerificationNumber.objects.filter(school=school, label__iexact=label).exists():
        raise ValidationError({"label": _("This school already has a number with that name.")})
    last = VerificationNumber.objects.filter(school=school).order_by("-position").first()
    number = VerificationNumber.objects.create(
        school=school,
        label=label,
        phone=phone.strip(),
        position=(last.position + 1) if last else 0,
    )
    record(
        "encounters.verification_number_added",
        actor=actor,
        district=school.district,
        school=school,
        subject=number,
    )
    return number


@transaction.atomic
def verification_number_remove(*, number: Any, actor: User) -> None:
    school = number.school
    record(
        "encounters.verification_number_removed",
        actor=actor,
        district=school.district,
        school=school,
        subject=number,
    )
    number.delete()
