"""Looking up the student an officer asks about, during an encounter.

Who may: staff allowed to see students under the records app's rules, narrowed to the need of
the encounter. The capability `LOOK_UP_STUDENT` is held by the school's designated officials and
principal (at their school) and by the district's records officers and counsel (everywhere in
their district); the lookup also needs the encounter's official screen (`ANSWER_SUMMONS` at its
school). The front desk never looks a student up and never sees a match: it writes down "a
student" and the name the officer gave.

What it finds: enrolled students of the encounter's school only (never the district's roster), by
student number (exactly) or by part of the given or family name, at most `LIMIT` of them, only
for a query of two characters or more. No list is ever shown without a query, so nobody can
browse the roster from here. Every search and every choice is an audit event; a search's event
holds how many were found, not what was typed (a name).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.models import User
from threshold.accounts.roles import Capability
from threshold.audit.services import record
from threshold.encounters import guidance
from threshold.encounters.models import Encounter
from threshold.records.models import Student

LOOK_UP = Capability.LOOK_UP_STUDENT
LIMIT = 10
MIN_QUERY = 2


def may_look_up(user: Any, encounter: Encounter) -> bool:
    """Whether the user may look students up at the encounter's school."""
    if not access.has_capability(user, LOOK_UP):
        return False
    return access.schools_for(user, LOOK_UP).filter(pk=encounter.school_id).exists()


def _require(user: Any, encounter: Encounter) -> None:
    if not may_look_up(user, encounter):
        raise PermissionDenied


def _enrolled(encounter: Encounter) -> Any:
    return Student.objects.filter(
        district_id=encounter.school.district_id, school_id=encounter.school_id, is_active=True
    )


@transaction.atomic
def search(*, encounter: Encounter, actor: User, query: str) -> list[Student]:
    """The school's enrolled students matching the query (student number, or part of a name)."""
    _require(actor, encounter)
    query = " ".join(query.split())[:100]
    if len(query) < MIN_QUERY:
        raise ValidationError(_("Type at least two letters of the name, or the student number."))
    found = _enrolled(encounter)
    by_name = found
    for word in query.split():
        by_name = by_name.filter(Q(family_name__icontains=word) | Q(given_name__icontains=word))
    rows = list(
        (found.filter(local_id__iexact=query) | by_name)
        .distinct()
        .order_by("family_name", "given_name")[:LIMIT]
    )
    record(
        "encounter.student_searched",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data={"found": len(rows)},
    )
    return rows


@transaction.atomic
def link(*, encounter: Encounter, actor: User, student_id: Any) -> Encounter:
    """Name the student the officer's request concerns (one of the school's enrolled students),
    or clear it with `student_id` None. The engine's subject follows: a student, or an eligible
    student who holds the FERPA rights."""
    _require(actor, encounter)
    locked = (
        Encounter.objects.select_for_update()
        .select_related("school__district")
        .get(pk=encounter.pk)
    )
    if not locked.is_open:
        from threshold.encounters.services import EncounterClosed

        raise EncounterClosed(_("This encounter is closed: nothing more can be recorded."))
    student = None
    if student_id is not None:
        try:
            student = _enrolled(locked).get(pk=_parse_id(student_id))
        except (Student.DoesNotExist, Http404):
            raise Http404 from None
    now = timezone.now()
    locked.student = student
    if student is not None:
        eligible = student.is_eligible(timezone.localdate(now))
        locked.subject = "ELIGIBLE_STUDENT" if eligible else "STUDENT"
    locked.facts = guidance.facts_of(locked)
    locked.updated_at, locked.updated_by = now, actor
    locked.save()
    record(
        "encounter.student_linked" if student else "encounter.student_unlinked",
        actor=actor,
        district=locked.school.district,
        school=locked.school,
        subject=locked,
        data={"student": str(student.pk) if student else None, "subject": locked.subject},
    )
    return locked
