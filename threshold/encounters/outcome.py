"""The outcome of an encounter: for each thing the officer asked, whether it was granted, denied,
or taken under protest (the officer went on without consent: when, where, the staff present and
the witnesses). Taken under protest is never consent: it is recorded as its own result, the
engine is told that the officer proceeds without consent, and the report says so.

A request for student information (records, directory information, whereabouts, a list) goes to
the records intake through `hooks.RECORDS_INTAKE`, so that it lands in the records officer's queue
and, as the pack decides, in the student's record of requests and disclosures.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import User
from threshold.audit.services import record
from threshold.encounters import guidance, hooks
from threshold.encounters.models import Encounter
from threshold.notify import services as notify

GRANTED, DENIED, UNDER_PROTEST = "granted", "denied", "under_protest"
RESULTS = (GRANTED, DENIED, UNDER_PROTEST)
# A time typed on the screen has minutes only.
SLACK = timedelta(minutes=1)
# The requests that ask for student information: they go through the records intake.
RECORDS_REQUESTS = (
    "STUDENT_RECORDS",
    "DIRECTORY_INFORMATION",
    "IMMIGRATION_STATUS",
    "SCHEDULE_OR_WHEREABOUTS",
    "STUDENT_LIST",
)


def records_asked(encounter: Encounter) -> list[str]:
    return [code for code in encounter.requests if code in RECORDS_REQUESTS]


def _overall(results: dict[str, str]) -> str:
    values = set(results.values())
    if not values:
        return Encounter.Outcome.NOTHING_ASKED
    if UNDER_PROTEST in values:
        return Encounter.Outcome.UNDER_PROTEST
    if values == {GRANTED}:
        return Encounter.Outcome.GRANTED
    if values == {DENIED}:
        return Encounter.Outcome.DENIED
    return Encounter.Outcome.PARTLY


def _refusals(encounter: Encounter, results: dict[str, str]) -> dict[str, str]:
    """What the pack does not allow to be granted: granting it would be consent the pack
    forbids. (Taken under protest is not consent and is always recordable.)"""
    decision = guidance.decision_for(encounter)
    errors: dict[str, str] = {}
    if results.get("ACCESS_STUDENT") == GRANTED and decision.student_contact.value == (
        "NOT_PRODUCED"
    ):
        errors["ACCESS_STUDENT"] = _(
            "The policy pack says the student is not produced: record it as denied, or as "
            "taken under protest if the officer went on without consent."
        )
    if results.get("ENTER_NONPUBLIC_AREA") == GRANTED and decision.access.value == "PUBLIC_ONLY":
        errors["ENTER_NONPUBLIC_AREA"] = _(
            "The policy pack allows the public areas only: record it as denied, or as taken "
            "under protest if the officer went on without consent."
        )
    if decision.records.value == "NONE":
        for code in records_asked(encounter):
            if results.get(code) == GRANTED:
                errors[code] = _(
                    "The policy pack releases no student information here: record it as "
                    "denied, or as taken under protest."
                )
    return errors


@transaction.atomic
def record_outcome(
    *,
    encounter: Encounter,
    actor: User,
    results: dict[str, str],
    protest_at: datetime | None = None,
    protest_route: str = "",
    staff_present: str = "",
    witnesses: list[str] | None = None,
    records_taken: str = "",
    note: str = "",
    now: datetime | None = None,
) -> Encounter:
    """Record what was granted, denied or taken under protest. Raises ValidationError (and
    changes nothing) on a result for something not asked, a missing result, a grant the pack
    forbids, or an under-protest result without its time, route and staff present."""
    from threshold.encounters.services import EncounterClosed

    now = now or timezone.now()
    locked = (
        Encounter.objects.select_for_update(of=("self",))
        .select_related("school__district", "student")
        .get(pk=encounter.pk)
    )
    if not locked.is_open:
        raise EncounterClosed(_("This encounter is closed: nothing more can be recorded."))
    asked = list(locked.requests)
    errors: dict[str, Any] = {}
    unknown = set(results) - set(asked)
    if unknown:
        raise ValidationError(_("A result was given for something the officer did not ask."))
    for code in asked:
        if results.get(code) not in RESULTS:
            errors[code] = _("Choose granted, denied or taken under protest.")
    witnesses = [name.strip()[:200] for name in (witnesses or []) if name.strip()]
    protest = UNDER_PROTEST in results.values()
    if protest:
        if protest_at is None:
            errors["protest_at"] = _("Write down when the officer went on without consent.")
        elif protest_at > now + SLACK or protest_at < locked.started_at - SLACK:
            errors["protest_at"] = _("The time must be during the encounter.")
        if not protest_route.strip():
            errors["protest_route"] = _("Write down where the officer went.")
        if not staff_present.strip():
            errors["staff_present"] = _("Name the staff who were present.")
    taken = [
        code for code in records_asked(locked) if results.get(code) in (GRANTED, UNDER_PROTEST)
    ]
    if taken and not records_taken.strip():
        errors["records_taken"] = _("Say which records or information were given or taken.")
    if not errors:
        errors.update(_refusals(locked, results))
    if errors:
        raise ValidationError(errors)
    first = not locked.outcome
    locked.results = {code: results[code] for code in asked}
    locked.outcome = _overall(locked.results)
    locked.protest_at = protest_at if protest else None
    locked.protest_route = protest_route.strip() if protest else ""
    locked.staff_present = staff_present.strip()
    locked.witnesses = witnesses
    locked.outcome_note = note.strip()
    locked.outcome_at, locked.outcome_by = now, actor
    locked.facts = guidance.facts_of(locked)
    locked.updated_at, locked.updated_by = now, actor
    locked.save()
    record(
        "encounter.outcome_recorded",
        actor=actor,
        district=locked.school.district,
        school=locked.school,
        subject=locked,
        data={
            "outcome": locked.outcome,
            "results": dict(locked.results),
            "under_protest": protest,
            "witnesses": len(witnesses),
            "again": not first,
        },
    )
    if records_asked(locked) and locked.records_request_id is None:
        _hand_to_records(locked, actor, records_taken.strip(), now)
    decision = guidance.decision_for(locked)
    notify.inform_per_pack(encounter=locked, codes=decision.notify, actor=actor, now=now)
    return locked


def _hand_to_records(encounter: Encounter, actor: User, records_taken: str, now: datetime) -> None:
    """The request for student information goes to the records intake (and its record of
    disclosures); without the records app the official is told to pass it on by hand."""
    if hooks.RECORDS_INTAKE is None:
        return
    details = {
        "requested": records_asked(encounter),
        "results": {code: encounter.results[code] for code in records_asked(encounter)},
        "records_taken": records_taken,
        "received_at": encounter.started_at,
        "now": now,
    }
    request = hooks.RECORDS_INTAKE(encounter, actor, details)
    encounter.records_request = request
    encounter.save(update_fields=["records_request"])
    record(
        "encounter.records_request_made",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data={"request": str(request.pk), "requested": details["requested"]},
    )
