"""Escalation runs in the worker: when nobody acknowledges within the district's time, the backup
officials and the principal are summoned, then the superintendent's office. An acknowledgement
stops it; so does closing the encounter. Counsel and the superintendent are informed when the
pack's notify rules name them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.notify.helpers import actions, backup_official, due_now, superintendent
from threshold.accounts.models import Membership
from threshold.audit.models import AuditEvent
from threshold.encounters import guidance
from threshold.encounters.models import Encounter
from threshold.encounters.services import close_encounter, start_encounter
from threshold.notify import services
from threshold.notify.models import Notification, NotifySettings

pytestmark = pytest.mark.usefixtures("transactional_db")


def summoned(encounter: Encounter) -> list[tuple[str, int]]:
    return [
        (n.recipient.email.split("@")[0], n.stage)
        for n in Notification.objects.filter(encounter=encounter, kind="summons").order_by(
            "stage", "recipient__full_name"
        )
    ]


def test_the_timer_waits_the_districts_time(world, run_worker):
    NotifySettings.objects.create(district=world.north, escalate_after_seconds=45)
    before = timezone.now()
    start_encounter(school=world.lincoln, actor=world.alice)
    timer = DBTaskResult.objects.get(task_path="threshold.notify.tasks.escalate")
    assert timer.args_kwargs["kwargs"]["stage"] == 2
    assert (
        before + timedelta(seconds=45) <= timer.run_after <= timezone.now() + timedelta(seconds=45)
    )


def test_the_default_time_is_two_minutes(world):
    assert services.escalate_after(world.lincoln) == timedelta(minutes=2)


def test_nobody_acknowledges_so_the_backup_and_principal_then_the_superintendent_are_summoned(
    world, run_worker
):
    backup_official(world)
    superintendent(world)
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    assert summoned(encounter) == [("olga", 1)]  # the timer is not due yet

    due_now("escalate")
    run_worker()
    assert summoned(encounter) == [("olga", 1), ("bea", 2), ("pete", 2)]

    due_now("escalate")
    run_worker()
    assert summoned(encounter) == [("olga", 1), ("bea", 2), ("pete", 2), ("suzy", 3)]
    encounter.refresh_from_db()
    assert encounter.escalation_stage == 3
    assert actions(world.north, "notify.escalated") == ["notify.escalated"] * 2
    assert not DBTaskResult.objects.filter(status="READY", task_path__endswith="escalate").exists()


def test_an_acknowledgement_stops_the_escalation(world, run_worker):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    summons = Notification.objects.get(encounter=encounter)
    assert services.acknowledge(notification=summons, actor=world.olga) is True
    assert services.acknowledge(notification=summons, actor=world.olga) is False

    due_now("escalate")
    run_worker()
    assert summoned(encounter) == [("olga", 1)]
    encounter.refresh_from_db()
    assert (encounter.acknowledged_by, encounter.escalation_stage) == (world.olga, 1)
    assert actions(world.north, "notify.acknowledged") == ["notify.acknowledged"]
    assert actions(world.north, "notify.escalated") == []


def test_only_the_recipient_acknowledges(world):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    summons = Notification.objects.get(encounter=encounter)
    with pytest.raises(services.NotYours):
        services.acknowledge(notification=summons, actor=world.pete)


def test_closing_the_encounter_stops_the_escalation(world, run_worker):
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    close_encounter(encounter=encounter, actor=world.alice)
    due_now("escalate")
    run_worker()
    assert summoned(encounter) == [("olga", 1)]


def test_a_school_that_names_nobody_calls_the_superintendents_office_at_once(world, run_worker):
    superintendent(world)
    # Washington has no designated official and no principal: nobody at the school to call.
    encounter = start_encounter(school=world.washington, actor=world.bob)
    assert summoned(encounter) == [("suzy", 3)]
    encounter.refresh_from_db()
    assert encounter.escalation_stage == 3
    event = AuditEvent.objects.get(action="notify.escalated")
    assert event.data["stages_with_nobody"] == [2] and event.data["waited_seconds"] == 0
    assert not DBTaskResult.objects.filter(task_path__endswith="escalate").exists()


def test_a_later_stage_with_nobody_goes_straight_to_the_next(world, run_worker):
    superintendent(world)
    Membership.objects.filter(school=world.lincoln, role="principal").delete()
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    due_now("escalate")
    run_worker()
    # Lincoln has no backup official and (here) no principal: stage 2 names nobody.
    assert summoned(encounter) == [("olga", 1), ("suzy", 3)]


def test_counsel_and_the_superintendent_are_informed_when_the_pack_says(world):
    superintendent(world)
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    # At the start nothing is asked yet: the pack (ct-2025) names only the designated official.
    assert not Notification.objects.filter(encounter=encounter, kind="inform").exists()

    # Once the officer asks to see a student, the pack says counsel and the superintendent.
    encounter.facts = {**encounter.facts, "requests": ["ACCESS_STUDENT"]}
    decision = guidance.decision_for(encounter)
    assert {"SUPERINTENDENT", "COUNSEL"} <= set(decision.notify)
    with services.transaction.atomic():
        services.inform_per_pack(
            encounter=encounter, codes=decision.notify, actor=world.alice, now=timezone.now()
        )
        services.inform_per_pack(
            encounter=encounter, codes=decision.notify, actor=world.alice, now=timezone.now()
        )
    informed = sorted(
        (n.recipient.email.split("@")[0], n.reason)
        for n in Notification.objects.filter(encounter=encounter, kind="inform")
    )
    assert informed == [("carl", "counsel"), ("suzy", "superintendent")]
