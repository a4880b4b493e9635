"""Summons delivery through the background worker: in the app, by e-mail to a real SMTP server in
this process, and by text message to a local JSON-over-HTTP gateway. Nothing is lost while either
is down, and each message is sent exactly once when it comes back."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from tests.notify.helpers import actions, due_now, with_phones
from threshold.audit.models import AuditEvent
from threshold.encounters.services import start_encounter
from threshold.notify.models import Delivery, Notification

pytestmark = pytest.mark.usefixtures("transactional_db")


def test_it_summons_the_primary_official_at_once_by_mail_and_text(
    world, run_worker, smtp, sms_gateway
):
    with_phones(world)
    encounter = start_encounter(school=world.lincoln, actor=world.alice)

    summons = Notification.objects.get(encounter=encounter)
    assert (summons.recipient, summons.kind, summons.reason) == (
        world.olga,
        "summons",
        "primary_official",
    )
    channels = sorted(summons.deliveries.values_list("channel", flat=True))
    assert channels == ["app", "email", "sms"]

    run_worker()
    assert [m["To"] for m in smtp.messages] == ["olga@north.example"]
    assert "Lincoln Elementary" in smtp.messages[0]["Subject"]
    body = smtp.messages[0].get_payload()
    assert f"/encounters/{encounter.pk}/" in body
    [text] = sms_gateway.messages
    assert text["to"] == "+18605550101"
    assert f"/encounters/{encounter.pk}/" in text["body"]
    sms = summons.deliveries.get(channel="sms")
    assert text["reference"] == str(sms.pk)
    sent = dict(summons.deliveries.values_list("channel", "state"))
    assert sent == {"app": "pending", "email": "sent", "sms": "sent"}
    assert actions(world.north, "notify.") == [
        "notify.summoned",
        "notify.delivery_attempted",
        "notify.delivery_attempted",
    ]


def test_the_messages_hold_no_personal_details(world, run_worker, smtp, sms_gateway):
    with_phones(world)
    start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    text = smtp.messages[0].get_payload() + sms_gateway.messages[0]["body"]
    for personal in ("Alice", "Adams", "Olga", "Ortiz"):
        assert personal not in text


def test_it_never_loses_a_summons_while_the_mail_server_is_down(world, run_worker, smtp):
    smtp.stop()
    encounter = start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    email = Delivery.objects.get(channel="email")
    assert (email.state, email.attempts, email.last_error) == (
        "pending",
        1,
        "ConnectionRefusedError",
    )
    retry = DBTaskResult.objects.get(status="READY", task_path="threshold.notify.tasks.deliver")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2

    # Still down at the next attempt: tried again later, still not lost.
    due_now()
    run_worker()
    email.refresh_from_db()
    assert (email.state, email.attempts) == ("pending", 2)

    smtp.start()
    due_now()
    run_worker()
    assert [m["To"] for m in smtp.messages] == ["olga@north.example"]
    email.refresh_from_db()
    assert email.state == "sent"

    # Nothing is left to send, and running the worker again sends nothing twice.
    assert not DBTaskResult.objects.filter(status="READY", task_path__endswith="deliver").exists()
    due_now()
    run_worker()
    assert len(smtp.messages) == 1
    events = AuditEvent.objects.filter(
        chain__district=world.north, action="notify.delivery_attempted"
    ).order_by("seq")
    assert [(e.data["attempt"], e.data["delivered"]) for e in events] == [
        (1, False),
        (2, False),
        (3, True),
    ]
    assert all(e.data["encounter"] == str(encounter.pk) for e in events)


def test_it_never_loses_a_text_message_while_the_gateway_fails(world, run_worker, sms_gateway):
    with_phones(world)
    sms_gateway.failing = True
    start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    sms = Delivery.objects.get(channel="sms")
    assert (sms.state, sms.attempts, sms.last_error) == ("pending", 1, "SmsError")
    assert sms_gateway.refused == 1 and sms_gateway.messages == []

    sms_gateway.failing = False
    due_now()
    run_worker()
    due_now()
    run_worker()
    assert len(sms_gateway.messages) == 1
    sms.refresh_from_db()
    assert (sms.state, sms.attempts) == ("sent", 2)


def test_a_delivery_already_sent_is_not_sent_again(world, run_worker, smtp):
    from threshold.notify import services

    start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    email = Delivery.objects.get(channel="email")
    assert services.deliver(delivery_id=str(email.pk)) == "already sent"
    assert len(smtp.messages) == 1


def test_a_delivery_that_fails_for_good_is_listed_with_the_failed_tasks(
    world, run_worker, smtp, settings, client_for
):
    settings.NOTIFY_MAX_ATTEMPTS = 2
    smtp.stop()
    start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    due_now()
    run_worker()
    email = Delivery.objects.get(channel="email")
    assert (email.state, email.attempts) == ("failed", 2)
    page = client_for(world.dana).get("/tasks/failed/")
    assert "Deliver a summons or notice" in page.content.decode()

    # Sent again from that page once the server is back: delivered once.
    smtp.start()
    failed = DBTaskResult.objects.get(status="FAILED")
    client_for(world.dana).post(f"/tasks/failed/{failed.pk}/retry/")
    run_worker()
    assert len(smtp.messages) == 1
    email.refresh_from_db()
    assert email.state == "sent"


def test_no_text_message_without_a_phone_number_or_a_provider(world, run_worker, settings):
    settings.SMS_PROVIDER = "none"
    with_phones(world)
    start_encounter(school=world.lincoln, actor=world.alice)
    assert not Delivery.objects.filter(channel="sms").exists()


@pytest.mark.parametrize(
    ("written", "sent"),
    [
        ("(860) 555-0101", "+18605550101"),
        ("1-860-555-0101", "+18605550101"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_numbers_go_to_the_gateway_in_international_form(written, sent):
    from threshold.notify.sms import international

    assert international(written) == sent


@pytest.mark.parametrize("written", ["555-0101", "+1", "12345678901234567890"])
def test_a_number_that_cannot_be_dialled_is_an_error_not_a_guess(written):
    from threshold.notify.sms import BadNumber, international

    with pytest.raises(BadNumber):
        international(written)


def test_a_number_that_cannot_be_dialled_fails_at_once_and_shows(world, run_worker, sms_gateway):
    world.olga.phone = "555-0101"
    world.olga.save(update_fields=["phone"])
    start_encounter(school=world.lincoln, actor=world.alice)
    run_worker()
    sms = Delivery.objects.get(channel="sms")
    assert (sms.state, sms.last_error) == ("failed", "Undeliverable")
    assert not DBTaskResult.objects.filter(status="READY", task_path__endswith="deliver").exists()
    assert sms_gateway.messages == []
