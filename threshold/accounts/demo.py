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

# (e-mail name, full name, role, index of the school or None for a district role, rank)
STAFF = [
    ("admin", "Dana Whitfield", Role.DISTRICT_ADMIN, None, 1),
    ("superintendent", "Marcus Bell", Role.SUPERINTENDENT, None, 1),
    ("counsel", "Priya Raman", Role.DISTRICT_COUNSEL, None, 1),
    ("records", "Tom Okafor", Role.RECORDS_OFFICER, None, 1),
    ("auditor", "Grace Lindqvist", Role.AUDITOR, None, 1),
    ("frontdesk.lincoln", "Maria Alvarez", Role.FRONT_OFFICE, 0, 1),
    ("principal.lincoln", "Elena Reyes", Role.PRINCIPAL, 0, 1),
    ("official.lincoln", "Elena Reyes", Role.DESIGNATED_OFFICIAL, 0, 1),
    ("ap.lincoln", "James Carter", Role.DESIGNATED_OFFICIAL, 0, 2),
    ("teacher.lincoln", "Sam Nguyen", Role.STAFF, 0, 1),
    ("frontdesk.washington", "Lena Kowalski", Role.FRONT_OFFICE, 1, 1),
    ("principal.washington", "Robert Chen", Role.PRINCIPAL, 1, 1),
    ("official.washington", "Robert Chen", Role.DESIGNATED_OFFICIAL, 1, 1),
    ("frontdesk.riverside", "Aisha Johnson", Role.FRONT_OFFICE, 2, 1),
    ("principal.riverside", "Daniel Murphy", Role.PRINCIPAL, 2, 1),
    ("official.riverside", "Daniel Murphy", Role.DESIGNATED_OFFICIAL, 2, 1),
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
    people: dict[str, User] = {}
    for local_part, full_name, role, school_index, rank in STAFF:
        # One person may hold several roles: the principal is also the designated official.
        user = next((u for u in people.values() if u.full_name == full_name), None)
        if user is None:
            user = services.staff_create(
                district=district,
                actor=None,
                email=f"{local_part}@{DEMO_DOMAIN}",
                full_name=full_name,
            )
            user.set_password(password)
            user.save(update_fields=["password"])
            people[local_part] = user
        school = schools[school_index] if school_index is not None else None
        services.role_grant(staff=user, actor=None, role=role, school=school, rank=rank)
    record("demo.loaded", actor=None, district=district, subject=district)
    return district


def demo_accounts() -> list[DemoAccount]:
    accounts = []
    for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").order_by("email"):
        roles = ", ".join(
            str(m)
            for m in Membership.objects.filter(user=user).select_related("school", "district")
        )
        accounts.append(DemoAccount(email=user.email, name=user.full_name, roles=roles))
    return accounts
