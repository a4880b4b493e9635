from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from threshold.accounts.models import Membership
from threshold.accounts.roles import Role
from threshold.audit.models import AuditEvent
from threshold.testing import factories


def with_phones(world: Any) -> None:
    """Mobile numbers for the people summoned in these tests."""
    for person, phone in ((world.olga, "(860) 555-0101"), (world.pete, "(860) 555-0102")):
        person.phone = phone
        person.save(update_fields=["phone"])


def backup_official(world: Any) -> Any:
    person = factories.user(world.north, email="bea@north.example", full_name="Bea Backup")
    factories.membership(
        person, Role.DESIGNATED_OFFICIAL, school=world.lincoln, rank=Membership.Rank.BACKUP
    )
    return person


def superintendent(world: Any) -> Any:
    return factories.staff_with_role(
        world.north, Role.SUPERINTENDENT, email="suzy@north.example", full_name="Suzy Super"
    )


def due_now(task: str = "deliver") -> None:
    """Make the tasks waiting for later due now: the retries of deliveries (by default), or the
    escalation timers (`due_now("escalate")`)."""
    DBTaskResult.objects.filter(status="READY", task_path=f"threshold.notify.tasks.{task}").update(
        run_after=timezone.now()
    )


def actions(district: Any, prefix: str = "") -> list[str]:
    return list(
        AuditEvent.objects.filter(chain__district=district, action__startswith=prefix)
        .order_by("seq")
        .values_list("action", flat=True)
    )
