"""The demo district for `make run`: three schools and staff in every role.

Only ever loaded into the local SQLite database (see the `demo` command). The demo password is
generated on first load and kept in var/demo-password, never written in the code.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from threshold.accounts import services
from threshold.accounts.models import District, Membership, School, User
from threshold.accounts.roles import Role
from threshold.audit.services import record

DEMO_DOMAIN = "riverside.example"

SCHOOLS = [
    {
        "name": "Lincoln Elementary School",
        "level": School.Level.ELEMENTARY,
        "street": "120 Maple Street",
        "city": "Riverside",
        "state": "CT",
        "postal_code": "06999",
        "phone": "(860) 555-0110",
    },
    {
        "name": "Washington Middle School",
        "level": School.Level.MIDDLE,
        "street": "45 Oak Avenue",
        "city": "Riverside",
        "state": "CT",
        "postal_code": "06999",
        "phone": "(860) 555-0120",
    },
    {
        "name": "Riverside High School",
        "level": School.Level.HIGH,
        "street": "800 River Road",
        "city": "Riverside",
        "state": "CT",
        "postal_code": "06998",
        "phone": "(860) 555-0130",
    },
]

AREAS = [
    ("Main entrance and lobby", True),
    ("Main office reception", True),
    ("Parking lot", True),
    ("Auditorium during public events", True),
    ("Classrooms", False),
    ("Hallways beyond reception", False),
    ("Offices", False),
    ("Gym and locker rooms", False),
    ("School buses", False),
]

# (e-mail name, full name, [(role, index of the school or None for the district, rank)])
STAFF = [
    ("admin", "Dana Whitfield", [(Role.DISTRICT_ADMIN, None, 1)]),
    ("superintendent", "Marcus Bell", [(Role.SUPERINTENDENT, None, 1)]),
    ("counsel", "Priya Raman", [(Role.DISTRICT_COUNSEL, None, 1)]),
    ("records", "Tom Okafor", [(Role.RECORDS_OFFICER, None, 1)]),
    ("auditor", "Grace Lindqvist", [(Role.AUDITOR, None, 1)]),
    ("frontdesk.lincoln", "Maria Alvarez", [(Role.FRONT_OFFICE, 0, 1)]),
    # The principal is the primary designated official; the assistant principal is the backup.
    (
        "principal.lincoln",
        "Elena Reyes",
        [(Role.PRINCIPAL, 0, 1), (Role.DESIGNATED_OFFICIAL, 0, 1)],
    ),
    ("ap.lincoln", "James Carter", [(Role.DESIGNATED_OFFICIAL, 0, 2)]),
    ("teacher.lincoln", "Sam Nguyen", [(Role.STAFF, 0, 1)]),
    ("frontdesk.washington", "Lena Kowalski", [(Role.FRONT_OFFICE, 1, 1)]),
    (
        "principal.washington",
        "Robert Chen",
        [(Role.PRINCIPAL, 1, 1), (Role.DESIGNATED_OFFICIAL, 1, 1)],
    ),
    ("ap.washington", "Keisha Brown", [(Role.DESIGNATED_OFFICIAL, 1, 2)]),
    ("frontdesk.riverside", "Aisha Johnson", [(Role.FRONT_OFFICE, 2, 1)]),
    (
        "principal.riverside",
        "Daniel Murphy",
        [(Role.PRINCIPAL, 2, 1), (Role.DESIGNATED_OFFICIAL, 2, 1)],
    ),
    ("ap.riverside", "Luis Romero", [(Role.DESIGNATED_OFFICIAL, 2, 2)]),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    roles: str


def demo_password_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-password"


def demo_password() -> str:
    """The local demo password, generated once and kept under var/ (mode 0600)."""
    path = demo_password_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


@transaction.atomic
def load_demo(password: str) -> District:
    district = services.district_create(name="Riverside Public Schools", state="CT", actor=None)
    schools = [services.school_create(district=district, actor=None, **s) for s in SCHOOLS]
    for school in schools:
        for name, is_public in AREAS:
            services.area_create(school=school, actor=None, name=name, is_public=is_public)
    for local_part, full_name, roles in STAFF:
        user = services.staff_create(
            district=district, actor=None, email=f"{local_part}@{DEMO_DOMAIN}", full_name=full_name
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        for role, school_index, rank in roles:
            school = schools[school_index] if school_index is not None else None
            services.role_grant(staff=user, actor=None, role=role, school=school, rank=rank)
    _demo_notices(district)
    from threshold.records.demo import load_demo_students

    load_demo_students(district)
    from threshold.training.demo import assign_demo_drills

    assign_demo_drills(district)
    record("demo.loaded", actor=None, district=district, subject=district)
    return district


def _demo_notices(district: District) -> None:
    """The notices to families, reviewed by the demo administrator, and the public page."""
    from threshold.notices import services as notices

    admin = User.objects.get(memberships__district=district, memberships__role=Role.DISTRICT_ADMIN)
    notices.contact_update(
        district=district,
        actor=admin,
        public_slug=notices.free_slug(district),
        contact_name="Office of the Superintendent",
        contact_phone="(860) 555-0100",
        contact_email=f"families@{DEMO_DOMAIN}",
        website="",
    )
    notices.add_defaults(district=district, actor=admin, reviewed=True)


def demo_accounts() -> list[DemoAccount]:
    accounts = []
    users = User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").prefetch_related(
        "memberships__school", "memberships__district"
    )
    for user in users.order_by("email"):
        roles = []
        for membership in user.memberships.all():
            where = membership.school or membership.district
            backup = " (backup)" if membership.rank == Membership.Rank.BACKUP else ""
            roles.append(f"{membership.get_role_display()}{backup}, {where}")
        accounts.append(DemoAccount(email=user.email, name=user.full_name, roles="; ".join(roles)))
    return accounts
