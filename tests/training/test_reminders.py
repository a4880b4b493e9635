"""Reminders before and after the due date: `threshold training reminders` queues the mail and
the background worker delivers it over SMTP (a real server in the test process)."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.training import bank, services
from threshold.training.models import Reminder

from .helpers import assign, take


def remind(today=None):
    args = ["training", "reminders"]
    if today is not None:
        args += ["--today", today.isoformat()]
    call_command(*args, verbosity=0)


def test_a_reminder_goes_out_before_the_due_date_once(world, smtp_server, run_worker):
    assign(world, schools=[world.lincoln], days=2, title="Desk refresher")
    remind()
    run_worker()
    [message] = smtp_server.messages
    assert message["To"] == "alice@north.example"
    assert message["Subject"] == "Due soon: Desk refresher"
    body = message.get_payload(decode=True).decode()
    assert "/training/" in body and "Alice" in body
    # Running again the same day (or the next) sends nothing more for that due date.
    remind()
    remind(timezone.localdate() + timedelta(days=1))
    run_worker()
    assert len(smtp_server.messages) == 1
    event = AuditEvent.objects.get(action="training.reminder_sent")
    assert event.data["user"] == str(world.alice.pk) and event.data["kind"] == "before"


def test_no_reminder_while_the_due_date_is_far_or_once_done(world, smtp_server, run_worker):
    assign(world, schools=[world.lincoln], days=20)
    remind()
    run_worker()
    assert smtp_server.messages == []
    near = assign(world, schools=[world.lincoln], days=1, track=bank.TEACHER)
    attempt = services.attempt_start(
        user=world.alice, district=world.north, track=near.track, assignment=near
    )
    take(attempt, world.alice)
    remind()
    run_worker()
    assert smtp_server.messages == []


def test_overdue_reminders_repeat_weekly_until_done(world, smtp_server, run_worker):
    assignment = assign(world, schools=[world.lincoln], days=1, title="Desk refresher")
    Reminder.objects.all().delete()
    late = timezone.localdate() + timedelta(days=3)
    remind(late)
    run_worker()
    assert [m["Subject"] for m in smtp_server.messages] == ["Overdue: Desk refresher"]
    remind(late)
    run_worker()
    assert len(smtp_server.messages) == 1
    # A week later, the next one.
    Reminder.objects.update(sent_at=timezone.now() - timedelta(days=8))
    remind(late + timedelta(days=8))
    run_worker()
    assert len(smtp_server.messages) == 2
    assert assignment.reminders.count() == 2


def test_reminders_are_in_the_persons_language(world, smtp_server, run_worker):
    world.alice.preferred_language = "es"
    world.alice.save(update_fields=["preferred_language"])
    assign(world, schools=[world.lincoln], days=1, title="Repaso")
    remind()
    run_worker()
    [message] = smtp_server.messages
    assert "Repaso" in message["Subject"]
    # The date is written the Spanish way ("30 de noviembre de 2026").
    body = message.get_payload(decode=True).decode()
    assert " de " in body.split("Repaso", 1)[1].split("\n", 1)[0]


def test_a_bad_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("training", "reminders", "--today", "tomorrow")


def test_one_failing_reminder_does_not_stop_the_others(
    world, smtp_server, run_worker, monkeypatch, caplog
):
    """Each reminder is its own transaction: a failure is logged, leaves no half record, and
    the next person still gets theirs."""
    assign(world, days=2, title="Desk refresher")  # alice (Lincoln) and bob (Washington)
    real = services.queue_email

    def failing(*, to, **kwargs):
        if to == [world.alice.email]:  # after alice's Reminder row is written
            raise RuntimeError("mail queue broke")
        return real(to=to, **kwargs)

    monkeypatch.setattr(services, "queue_email", failing)
    with caplog.at_level("ERROR", logger="threshold.training.services"):
        remind()
    run_worker()
    assert [m["To"] for m in smtp_server.messages] == ["bob@north.example"]
    assert not Reminder.objects.filter(user=world.alice).exists()
    assert Reminder.objects.filter(user=world.bob).count() == 1
    assert "training reminder failed" in caplog.text
    assert AuditEvent.objects.filter(action="training.reminder_sent").count() == 1
