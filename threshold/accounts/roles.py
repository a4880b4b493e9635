"""Roles and what each may do. The one place that maps a role to its capabilities."""

from __future__ import annotations

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FRONT_OFFICE = "front_office", _("Front office")
    DESIGNATED_OFFICIAL = "designated_official", _("Designated official")
    PRINCIPAL = "principal", _("Principal")
    STAFF = "staff", _("Staff")
    RECORDS_OFFICER = "records_officer", _("Records officer")
    SUPERINTENDENT = "superintendent", _("Superintendent")
    DISTRICT_COUNSEL = "district_counsel", _("District counsel")
    DISTRICT_ADMIN = "district_admin", _("District administrator")
    AUDITOR = "auditor", _("Auditor")


# A school role is held at one school; a district role covers every school of the district.
SCHOOL_ROLES = frozenset(
    {Role.FRONT_OFFICE, Role.DESIGNATED_OFFICIAL, Role.PRINCIPAL, Role.STAFF},
)
DISTRICT_ROLES = frozenset(set(Role) - SCHOOL_ROLES)


class Capability(enum.Enum):
    """Something a person may do. Views ask for a capability, never for a role."""

    USE_APP = "use_app"
    VIEW_SCHOOL = "view_school"
    MANAGE_DISTRICT = "manage_district"
    READ_AUDIT = "read_audit"
    VIEW_FAILED_TASKS = "view_failed_tasks"
    VIEW_POLICY = "view_policy"
    ADOPT_PACK = "adopt_pack"
    SIGN_OFF_PACK = "sign_off_pack"
    # Checking visitors in and out at a school's front desk, and printing their badges.
    FRONT_DESK = "front_desk"
    # Keeping the district's watchlists: entries, imports, approved visitors.
    MANAGE_WATCHLISTS = "manage_watchlists"
    # Answering a possible watchlist match at a school's front desk.
    ANSWER_WATCHLIST_MATCH = "answer_watchlist_match"
    # Writing the district's notices to families and whom families contact.
    MANAGE_NOTICES = "manage_notices"
    # Reviewing a notice's translation, so that it may be sent and published.
    REVIEW_NOTICES = "review_notices"
    # Approving the notice to a family after an officer's visit that concerned their child.
    APPROVE_FAMILY_NOTICE = "approve_family_notice"
    # Student records (FERPA): taking and deciding requests, notices and disclosures.
    HANDLE_RECORDS_REQUESTS = "handle_records_requests"
    # Reading the requests, students' records of disclosures and the directory policy.
    READ_RECORDS_REQUESTS = "read_records_requests"
    # Opening a request kept in the restricted file (a non-disclosure order applies).
    OPEN_RESTRICTED_FILE = "open_restricted_file"
    # Recording counsel's direction on a request the policy pack holds for counsel.
    RECORD_COUNSEL_DIRECTION = "record_counsel_direction"
    # Importing the student roster from the student information system.
    IMPORT_ROSTER = "import_roster"
    # Directing a release of student records without the parent's notice, or on a date an
    # order sets: counsel's own decision, from counsel's own account.
    DIRECT_RELEASE_WITHOUT_NOTICE = "direct_release_without_notice"
    # Training drills: taking them, assigning them, reading who is current, due and overdue.
    TAKE_TRAINING = "take_training"
    MANAGE_TRAINING = "manage_training"
    VIEW_TRAINING_REPORT = "view_training_report"
    # Being summoned or informed when an officer is at a school's door, and following the
    # encounter from the official's side (the designated officials, principal, superintendent
    # and counsel).
    ANSWER_SUMMONS = "answer_summons"
    # Looking up, on the school's roster, the student an officer asks about (the designated
    # officials and principal of the school; district staff who may read student records). The
    # front desk never may: it writes down only the name the officer gave.
    LOOK_UP_STUDENT = "look_up_student"
    # Reading the encounters (officer visits) and their incident reports: the district's
    # superintendent, counsel, administrators and auditors, and the school's officials.
    VIEW_ENCOUNTERS = "view_encounters"


_OFFICIAL = {Capability.USE_APP, Capability.VIEW_SCHOOL, Capability.VIEW_POLICY}

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.FRONT_OFFICE: frozenset(
        {Capability.USE_APP, Capability.VIEW_SCHOOL, Capability.FRONT_DESK}
    ),
    Role.DESIGNATED_OFFICIAL: frozenset(
        _OFFICIAL
        | {Capability.FRONT_DESK, Capability.ANSWER_WATCHLIST_MATCH, Capability.ANSWER_SUMMONS}
    ),
    Role.PRINCIPAL: frozenset(
        _OFFICIAL
        | {Capability.FRONT_DESK, Capability.ANSWER_WATCHLIST_MATCH, Capability.ANSWER_SUMMONS}
    ),
    Role.STAFF: frozenset({Capability.USE_APP}),
    Role.RECORDS_OFFICER: frozenset(
        _OFFICIAL
        | {
            Capability.HANDLE_RECORDS_REQUESTS,
            Capability.READ_RECORDS_REQUESTS,
            Capability.OPEN_RESTRICTED_FILE,
            Capability.RECORD_COUNSEL_DIRECTION,
            Capability.IMPORT_ROSTER,
        }
    ),
    Role.SUPERINTENDENT: frozenset(
        _OFFICIAL | {Capability.REVIEW_NOTICES, Capability.ANSWER_SUMMONS}
    ),
    Role.DISTRICT_COUNSEL: frozenset(
        _OFFICIAL
        | {
            Capability.READ_AUDIT,
            Capability.SIGN_OFF_PACK,
            Capability.READ_RECORDS_REQUESTS,
            Capability.OPEN_RESTRICTED_FILE,
            Capability.RECORD_COUNSEL_DIRECTION,
            Capability.DIRECT_RELEASE_WITHOUT_NOTICE,
            Capability.REVIEW_NOTICES,
            Capability.ANSWER_SUMMONS,
        }
    ),
    Role.DISTRICT_ADMIN: frozenset(
        _OFFICIAL
        | {
            Capability.MANAGE_DISTRICT,
            Capability.READ_AUDIT,
            Capability.VIEW_FAILED_TASKS,
            Capability.ADOPT_PACK,
            Capability.MANAGE_WATCHLISTS,
            Capability.MANAGE_NOTICES,
            Capability.REVIEW_NOTICES,
            Capability.IMPORT_ROSTER,
        }
    ),
    Role.AUDITOR: frozenset(_OFFICIAL | {Capability.READ_AUDIT}),
}

# Training: every role may take drills; administrators assign them; administrators, the
# superintendent and principals (for their school) read the reports.
_TRAINING: dict[Role, frozenset[Capability]] = {
    Role.DISTRICT_ADMIN: frozenset({Capability.MANAGE_TRAINING, Capability.VIEW_TRAINING_REPORT}),
    Role.SUPERINTENDENT: frozenset({Capability.VIEW_TRAINING_REPORT}),
    Role.PRINCIPAL: frozenset({Capability.VIEW_TRAINING_REPORT}),
}
CAPABILITIES = {
    role: caps | {Capability.TAKE_TRAINING} | _TRAINING.get(role, frozenset())
    for role, caps in CAPABILITIES.items()
}

# Officer visits: who looks a student up during one, and who reads them afterwards.
_ENCOUNTERS: dict[Role, frozenset[Capability]] = {
    # The designated official or counsel approves the notice to the family afterwards.
    Role.DESIGNATED_OFFICIAL: frozenset(
        {Capability.LOOK_UP_STUDENT, Capability.VIEW_ENCOUNTERS, Capability.APPROVE_FAMILY_NOTICE}
    ),
    Role.PRINCIPAL: frozenset({Capability.LOOK_UP_STUDENT, Capability.VIEW_ENCOUNTERS}),
    Role.RECORDS_OFFICER: frozenset({Capability.LOOK_UP_STUDENT}),
    Role.DISTRICT_COUNSEL: frozenset(
        {Capability.LOOK_UP_STUDENT, Capability.VIEW_ENCOUNTERS, Capability.APPROVE_FAMILY_NOTICE}
    ),
    Role.SUPERINTENDENT: frozenset({Capability.VIEW_ENCOUNTERS}),
    Role.DISTRICT_ADMIN: frozenset({Capability.VIEW_ENCOUNTERS}),
    Role.AUDITOR: frozenset({Capability.VIEW_ENCOUNTERS}),
}
CAPABILITIES = {
    role: caps | _ENCOUNTERS.get(role, frozenset()) for role, caps in CAPABILITIES.items()
}


def roles_with(capability: Capability) -> list[str]:
    """The role codes that grant a capability."""
    return [role.value for role, caps in CAPABILITIES.items() if capability in caps]


def is_school_role(role: str) -> bool:
    return role in {r.value for r in SCHOOL_ROLES}
