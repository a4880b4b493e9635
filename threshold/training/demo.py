"""Drills assigned in the demo district, so that `make run` shows staff what is due."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from threshold.accounts.models import District, Membership
from threshold.accounts.roles import Role
from threshold.training import bank, services

DEMO_ASSIGNMENTS = [
    (bank.FRONT_OFFICE, ["front_office"], 14),
    (bank.OFFICIAL, ["designated_official", "principal"], 21),
    (bank.TEACHER, ["staff"], 30),
    (bank.RECORDS, ["records_officer"], 30),
]


def assign_demo_drills(district: District) -> None:
    admin = (
        Membership.objects.filter(district=district, role=Role.DISTRICT_ADMIN)
        .select_related("user")
        .first()
    )
    if admin is None:
        return
    today = timezone.localdate()
    for track, roles, days in DEMO_ASSIGNMENTS:
        services.assignment_create(
            district=district,
            actor=admin.user,
            track=track,
            title=str(bank.TRACK_NAMES[track]),
            roles=roles,
            schools=[],
            due_on=today + timedelta(days=days),
        )
