"""A whole encounter with the mail server down: the summons, the notices the pack asks for
(counsel, the superintendent), and the incident report's link on closing. Nothing is lost while
the server is down, and each message reaches each person exactly once when it is back."""

from __future__ import annotations

from collections import Counter

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.encounters.test_documents import I200_TEXT
from tests.notify.helpers import due_now, superintendent
from threshold.encounters.documents import add_document, review_document
from threshold.encounters.models import EncounterReport
from threshold.encounters.outcome import record_outcome
from threshold.encounters.services import close_encounter, record_step, start_encounter
from threshold.notify.models import Delivery

pytestmark = pytest.mark.usefixtures("transactional_db")


def everything_due() -> None:
    due_now("deliver")
    DBTaskResult.objects.filter(
        status="READY", task_path="threshold.worker.tasks.send_email"
    ).update(run_after=timezone.now())


def test_an_encounter_loses_nothing_while_the_mail_server_is_down(world, run_worker, smtp):
    boss = superintendent(world)
    smtp.stop()
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="identification",
        values={
            "agency": "IMMIGRATION",
            "officer_name": "D. Agent",
            "officer_badge": "4471",
            "officer_phone": "",
            "card_kept": False,
            "refused": [],
        },
    )
    record_step(
        encounter=encounter,
        actor=world.alice,
        step="request",
        values={"requests": ["ACCESS_STUDENT"], "place": "NONPUBLIC_AREA", "purpose": ""},
    )
    document = add_document(encounter=encounter, actor=world.alice, text=I200_TEXT)
    review_document(
        document=document,
        actor=world.olga,
        doc_type="ADMIN_WARRANT_I200",
        facial_check="NOT_APPLICABLE",
        nondisclosure="NONE",
    )
    record_outcome(encounter=encounter, actor=world.olga, results={"ACCESS_STUDENT": "denied"})
    close_encounter(encounter=encounter, actor=world.olga)
    assert EncounterReport.objects.filter(encounter=encounter).exists()

    # The server is down: every attempt fails, nothing is dropped.
    run_worker()
    everything_due()
    run_worker()
    assert smtp.messages == []
    emails = Delivery.objects.filter(notification__encounter=encounter, channel="email")
    assert emails.count() >= 3  # the official summoned; counsel and the superintendent told
    assert set(emails.values_list("state", flat=True)) == {"pending"}
    assert DBTaskResult.objects.filter(
        status="READY", task_path="threshold.worker.tasks.send_email"
    ).exists()  # the report's link, waiting to be sent again

    smtp.start()
    everything_due()
    run_worker()
    everything_due()
    run_worker()  # and again: nothing is sent twice
    assert set(emails.values_list("state", flat=True)) == {"sent"}
    sent = Counter((m["To"], m["Subject"]) for m in smtp.messages)
    assert all(count == 1 for count in sent.values()), sent
    to = Counter(m["To"] for m in smtp.messages)
    assert to["olga@north.example"] >= 1
    report = [m for m in smtp.messages if "report" in m["Subject"].lower()]
    assert len(report) == 1
    assert set(report[0]["To"].replace(" ", "").split(",")) == {boss.email, world.carl.email}
    told = {(d.notification.recipient.email, d.notification.kind) for d in emails}
    assert {(boss.email, "inform"), (world.carl.email, "inform")} <= told, told
    for message in smtp.messages:
        body = message.get_payload()
        assert "D. Agent" not in body and "4471" not in body
