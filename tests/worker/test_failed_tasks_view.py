from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from threshold.audit.models import AuditEvent
from threshold.worker.tasks import send_email


def fail_one(district_id: str, settings, smtp_server, run_worker) -> DBTaskResult:
    settings.TASK_MAX_ATTEMPTS = 1
    smtp_server.refuse = 1
    send_email.enqueue(to=["x@example.org"], subject="S", body="B", district_id=district_id)
    run_worker()
    return DBTaskResult.objects.get(status="FAILED")


def test_it_lists_the_districts_failed_tasks(world, client_for, settings, smtp_server, run_worker):
    failed = fail_one(str(world.north.pk), settings, smtp_server, run_worker)
    response = client_for(world.dana).get(reverse("failed-tasks"))
    assert response.status_code == 200
    assert "Send an e-mail" in response.content.decode()
    assert str(failed.pk) in response.content.decode()
    # The arguments (addresses, message bodies) are never shown.
    assert "x@example.org" not in response.content.decode()


def test_it_hides_another_districts_failed_tasks(
    world, client_for, settings, smtp_server, run_worker
):
    failed = fail_one(str(world.north.pk), settings, smtp_server, run_worker)
    response = client_for(world.sue).get(reverse("failed-tasks"))
    assert str(failed.pk) not in response.content.decode()
    retry = client_for(world.sue).post(reverse("retry-task", args=[failed.pk]))
    assert retry.status_code == 404


def test_it_sends_a_failed_task_again_and_records_it(
    world, client_for, settings, smtp_server, run_worker
):
    failed = fail_one(str(world.north.pk), settings, smtp_server, run_worker)
    response = client_for(world.dana).post(reverse("retry-task", args=[failed.pk]))
    assert response.status_code == 302
    assert not DBTaskResult.objects.filter(pk=failed.pk).exists()
    again = DBTaskResult.objects.get(status="READY")
    assert again.args_kwargs["kwargs"]["attempt"] == 1
    event = AuditEvent.objects.get(action="task.retried")
    assert event.actor == world.dana
    assert event.data["task"] == str(failed.pk)
    run_worker()
    assert len(smtp_server.messages) == 1


def test_it_refuses_people_without_the_role(world, client_for):
    for persona in (world.alice, world.aaron, world.oscar):
        assert client_for(persona).get(reverse("failed-tasks")).status_code == 403


def test_it_answers_404_for_a_malformed_task_id(world, client_for):
    assert client_for(world.dana).post(reverse("retry-task", args=["nope"])).status_code == 404
