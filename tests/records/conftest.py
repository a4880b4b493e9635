"""The records officers: rita at North (with the shared personas of tests/conftest.py) and
ralph at South; a few North students with their parents."""

from __future__ import annotations

from datetime import date

import pytest

from threshold.accounts.roles import Role
from threshold.records.models import Guardian, Student
from threshold.testing import factories


def student(school, **fields):
    n = Student.objects.count() + 1
    values = {
        "district": school.district,
        "school": school,
        "source_key": f"s{n}",
        "local_id": f"{1000 + n}",
        "given_name": "Maria",
        "family_name": f"Lopez{n}",
        "grade": "3",
        "date_of_birth": date(2017, 5, 1),
        **fields,
    }
    return Student.objects.create(**values)


def guardian(student, **fields):
    values = {"name": "Ana Lopez", "email": "ana@family.example", "preferred_language": "es"}
    return Guardian.objects.create(student=student, **{**values, **fields})


@pytest.fixture(autouse=True)
def reviewed_notices(request):
    """The districts' notices to families, reviewed by their administrators: a parent notice is
    only ever sent from a reviewed text."""
    if "world" not in request.fixturenames:
        return
    from threshold.notices import services as notices

    world = request.getfixturevalue("world")
    notices.add_defaults(district=world.north, actor=world.dana, reviewed=True)
    notices.add_defaults(district=world.south, actor=world.sue, reviewed=True)


@pytest.fixture
def rita(world):
    return factories.staff_with_role(
        world.north, Role.RECORDS_OFFICER, email="rita@north.example", full_name="Rita Records"
    )


@pytest.fixture
def ralph(world):
    return factories.staff_with_role(
        world.south, Role.RECORDS_OFFICER, email="ralph@south.example", full_name="Ralph Records"
    )


@pytest.fixture
def maria(world):
    found = student(world.lincoln, given_name="Maria", family_name="Lopez")
    guardian(found)
    return found
