from datetime import timedelta

from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from threshold.audit.models import AuditEvent
from threshold.worker.tasks import send_email


def test_it_purges_old_sign_in_attempts_and_task_results(db, settings):
    settings.RETENTION_DAYS = {"signin_attempts": 90, "task_results": 30}
    old = AccessAttempt.objects.create(
        username="a@example.org", ip_address="10.0.0.1", failures_since_start=1
    )
    recent = AccessAttempt.objects.create(
        username="b@example.org", ip_address="10.0.0.1", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=91))
    send_email.enqueue(to=["x@example.org"], subject="s", body="b", district_id=None)
    send_email.enqueue(to=["y@example.org"], subject="s", body="b", district_id=None)
    done, waiting = DBTaskResult.objects.all()
    DBTaskResult.objects.filter(pk=done.pk).update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=31)
    )

    call_command("purge", verbosity=0)

    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [recent.pk]
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [waiting.pk]
    event = AuditEvent.objects.get(action="retention.purged")
    assert event.data == {"signin_attempts": 1, "task_results": 1}


def test_the_daily_purge_also_removes_watchlist_entries_long_ended(world):
    from threshold.testing import factories
    from threshold.watchlists.models import Entry

    ended = timezone.now() - timedelta(days=500)
    factories.watchlist_entry(world.north, is_active=False, ended_at=ended)
    current = factories.watchlist_entry(world.north, family_name="Jones")

    call_command("purge", verbosity=0)

    assert list(Entry.objects.all()) == [current]
    assert AuditEvent.objects.get(action="watchlist.entries_purged").data == {"entries": 1}
