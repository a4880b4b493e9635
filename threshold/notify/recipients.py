"""Who is summoned at each stage of an encounter, and who is informed for each of the pack's
notification codes. Only active staff with a role at the school (or district-wide) are chosen."""

from __future__ import annotations

from django.db.models import QuerySet

from threshold.accounts.models import Membership, School, User
from threshold.accounts.roles import Role
from threshold.notify.models import Notification

FIRST_STAGE = 1
LAST_STAGE = 3
Reason = Notification.Reason


def _members(school: School, role: str, *, rank: int | None = None) -> QuerySet[Membership]:
    found = Membership.objects.filter(
        school=school, role=role, user__is_active=True, user__district_id=school.district_id
    )
    if rank is not None:
        found = found.filter(rank=rank)
    return found.select_related("user").order_by("rank", "user__full_name")


def _district_members(school: School, role: str) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            district_id=school.district_id,
            school__isnull=True,
            role=role,
            user__is_active=True,
            user__district_id=school.district_id,
        )
        .select_related("user")
        .order_by("user__full_name")
    ]


def for_stage(school: School, stage: int) -> list[tuple[User, str]]:
    """The people summoned at a stage, with why.

    1: the school's primary designated official (every designated official when none is marked
       primary; the principal when the school names no designated official);
    2: the backup designated officials and the principal;
    3: the superintendent's office.
    """
    if stage == 1:
        primary = [m.user for m in _members(school, Role.DESIGNATED_OFFICIAL, rank=1)]
        if primary:
            return [(person, Reason.PRIMARY_OFFICIAL) for person in primary]
        officials = [m.user for m in _members(school, Role.DESIGNATED_OFFICIAL)]
        if officials:
            return [(person, Reason.PRIMARY_OFFICIAL) for person in officials]
        return [(m.user, Reason.PRINCIPAL) for m in _members(school, Role.PRINCIPAL)]
    if stage == 2:
        backups: list[tuple[User, str]] = [
            (m.user, Reason.BACKUP_OFFICIAL)
            for m in _members(school, Role.DESIGNATED_OFFICIAL).exclude(
                rank=Membership.Rank.PRIMARY
            )
        ]
        principals: list[tuple[User, str]] = [
            (m.user, Reason.PRINCIPAL) for m in _members(school, Role.PRINCIPAL)
        ]
        return backups + principals
    if stage == 3:
        return [
            (person, Reason.SUPERINTENDENT)
            for person in _district_members(school, Role.SUPERINTENDENT)
        ]
    raise ValueError(f"no escalation stage {stage}")


# The pack's notification codes (threshold.protocol.vocab Recipient) that name staff of the
# district; the others (parents, the board, the community) are told by people, not by Threshold.
INFORMED_ROLES = {
    "SUPERINTENDENT": (Role.SUPERINTENDENT, Reason.SUPERINTENDENT),
    "COUNSEL": (Role.DISTRICT_COUNSEL, Reason.COUNSEL),
}


def to_inform(school: School, codes: tuple[str, ...] | list[str]) -> list[tuple[User, str]]:
    """The district staff that the decision's `notify` codes name, with why."""
    people: list[tuple[User, str]] = []
    for code in codes:
        if code in INFORMED_ROLES:
            role, reason = INFORMED_ROLES[code]
            people += [(person, reason) for person in _district_members(school, role)]
    return people
