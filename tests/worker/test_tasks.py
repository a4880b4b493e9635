from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from threshold.worker.tasks import backoff, send_email


def test_it_sends_queued_mail_over_smtp(run_worker, smtp_server):
    send_email.enqueue(to=["a@example.org"], subject="Hello", body="Body", district_id=None)
    run_worker()
    assert [m["Subject"] for m in smtp_server.messages] == ["Hello"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_it_retries_a_failed_send_later_with_backoff(run_worker, smtp_server, settings):
    settings.TASK_RETRY_BASE_SECONDS = 30
    smtp_server.refuse = 1
    send_email.enqueue(to=["a@example.org"], subject="Hello", body="Body", district_id="d1")
    before = timezone.now()
    run_worker()
    assert smtp_server.messages == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.args_kwargs["kwargs"]["district_id"] == "d1"
    assert before + timedelta(seconds=30) <= retry.run_after <= before + timedelta(seconds=40)

    # Once it is due, the worker sends it.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [m["Subject"] for m in smtp_server.messages] == ["Hello"]


def test_it_fails_for_good_after_the_last_attempt(run_worker, smtp_server, settings):
    settings.TASK_MAX_ATTEMPTS = 2
    smtp_server.refuse = 5
    send_email.enqueue(to=["a@example.org"], subject="Hi", body="B", district_id="d1")
    run_worker()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]  # attempt 1 handed over, attempt 2 failed
    assert DBTaskResult.objects.filter(status="READY").count() == 0


@pytest.mark.parametrize(("attempt", "low", "high"), [(1, 30, 33), (2, 60, 66), (5, 480, 528)])
def test_it_doubles_the_wait_after_each_failure(settings, attempt, low, high):
    settings.TASK_RETRY_BASE_SECONDS = 30
    assert low <= backoff(attempt).total_seconds() <= high


def test_it_caps_the_wait_at_a_day(settings):
    settings.TASK_RETRY_BASE_SECONDS = 30
    assert backoff(40).total_seconds() <= 86400 * 1.1
