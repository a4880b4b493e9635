"""Who must take which drill, and where each person stands: current, due or overdue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from threshold.accounts.models import District, Membership, School, User
from threshold.accounts.roles import is_school_role
from threshold.policies.models import PackAdoption
from threshold.training.bank import TRACK_FOR_ROLE
from threshold.training.models import Assignment, Attempt

CURRENT = "current"
DUE = "due"
OVERDUE = "overdue"

# The roles a drill can be assigned to: those with a drill set of their own.
TRAINABLE_ROLES = tuple(TRACK_FOR_ROLE)
# Roles held for the whole district, at no school: an assignment for chosen schools covers none.
DISTRICT_WIDE_ROLES = tuple(role for role in TRAINABLE_ROLES if not is_school_role(role))


@dataclass
class Standing:
    """One person's standing on one assignment."""

    user: User
    assignment: Assignment
    state: str
    due_on: date  # the date that applies to this person (a retake after a pack change has its own)
    passed: Attempt | None = None  # the completion that counts, when current
    superseded: Attempt | None = None  # a completion that a pack revision reopened
    schools: list[School] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return self.state == CURRENT


def assignments_for_district(district: District) -> QuerySet[Assignment]:
    return Assignment.objects.filter(district=district).prefetch_related("schools")


def _memberships(assignment: Assignment) -> QuerySet[Membership]:
    found = Membership.objects.filter(
        district=assignment.district, role__in=assignment.roles, user__is_active=True
    ).select_related("user", "school")
    schools = list(assignment.schools.all())
    if schools:
        found = found.filter(school__in=schools)
    return found


def assignees(assignment: Assignment) -> dict[User, list[School]]:
    """The people the assignment covers, each with the schools where they hold a covered role
    (empty for a district-wide role)."""
    people: dict[User, list[School]] = {}
    for membership in _memberships(assignment):
        schools = people.setdefault(membership.user, [])
        if membership.school is not None and membership.school not in schools:
            schools.append(membership.school)
    return people


def standings(
    assignment: Assignment,
    people: dict[User, list[School]] | None = None,
    today: date | None = None,
) -> list[Standing]:
    today = today or timezone.localdate()
    people = assignees(assignment) if people is None else people
    passed = defaultdict(list)
    for attempt in Attempt.objects.filter(
        assignment=assignment, passed=True, finished_at__isnull=False, user__in=list(people)
    ).order_by("-finished_at"):
        passed[attempt.user_id].append(attempt)
    found = []
    for user, schools in sorted(people.items(), key=lambda item: item[0].full_name):
        attempts = passed.get(user.pk, [])
        valid = next((a for a in attempts if a.superseded_at is None), None)
        reopened = next((a for a in attempts if a.superseded_at is not None), None)
        if valid is not None:
            found.append(
                Standing(user, assignment, CURRENT, assignment.due_on, valid, None, schools)
            )
            continue
        due_on = assignment.due_on
        if reopened is not None and reopened.retake_by is not None:
            due_on = max(due_on, reopened.retake_by)
        state = OVERDUE if today > due_on else DUE
        found.append(Standing(user, assignment, state, due_on, None, reopened, schools))
    return found


def my_standings(user: User, today: date | None = None) -> list[Standing]:
    """The assignments that cover this person, with where they stand (active ones only)."""
    if not Membership.objects.filter(user=user, district_id=user.district_id).exists():
        return []
    found = []
    for assignment in Assignment.objects.filter(
        district_id=user.district_id, is_active=True
    ).prefetch_related("schools"):
        covered = _memberships(assignment).filter(user=user)
        if not covered.exists():
            continue
        people = {user: [m.school for m in covered if m.school is not None]}
        found.extend(standings(assignment, people, today))
    return sorted(found, key=lambda s: (s.state == CURRENT, s.due_on))


def school_report(
    district: District, school: School | None, today: date | None = None
) -> list[Standing]:
    """Every active assignment's standings at one school; `school=None`: the district-wide roles
    (records officers and others without a school)."""
    rows: list[Standing] = []
    for assignment in assignments_for_district(district).filter(is_active=True):
        chosen = list(assignment.schools.all())
        if school is not None and chosen and school not in chosen:
            continue
        if school is None and chosen:
            continue  # an assignment for some schools covers no district-wide role
        people = {
            user: schools
            for user, schools in assignees(assignment).items()
            if (school in schools if school is not None else not schools)
        }
        rows.extend(standings(assignment, people, today))
    return rows


def attempts_of(user: User) -> QuerySet[Attempt]:
    return Attempt.objects.filter(user=user, district_id=user.district_id).select_related(
        "assignment"
    )


def open_attempts(district: District) -> QuerySet[Attempt]:
    """Completed attempts whose answers a pack revision could change."""
    return Attempt.objects.filter(
        Q(district=district),
        passed=True,
        finished_at__isnull=False,
        superseded_at__isnull=True,
        assignment__isnull=False,
    ).select_related("assignment")


def reopened_by(adoption: PackAdoption) -> int:
    """How many completed drills an adoption reopened (their answers changed)."""
    return Attempt.objects.filter(superseded_by=adoption).count()
