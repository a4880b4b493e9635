"""Starting and closing an encounter. Each writes its audit event in the same transaction; the
summons of the designated official is part of the start (threshold.notify)."""

from __future__ import annotations

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
    }
    record(
        "encounter.closed",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data=data,
    )
    return encounter
