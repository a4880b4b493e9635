"""Reading the task queue, always scoped to one district (tasks carry `district_id`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from threshold.accounts.models import District

# What each task does, in words for the people who read the failed-tasks page.
TASK_LABELS: dict[str, Any] = {
    "threshold.worker.tasks.send_email": _("Send an e-mail"),
    "threshold.notify.tasks.deliver": _("Deliver a summons or notice (e-mail or text message)"),
    "threshold.notify.tasks.escalate": _("Escalate a summons nobody acknowledged"),
}


@dataclass(frozen=True)
class TaskRow:
    id: str
    label: str
    attempt: int
    enqueued_at: datetime
    finished_at: datetime | None
    run_after: datetime | None
    error: str


def _district_tasks(district: District) -> Any:
    return DBTaskResult.objects.filter(args_kwargs__kwargs__district_id=str(district.pk))


def _row(result: DBTaskResult) -> TaskRow:
    kwargs = result.args_kwargs.get("kwargs", {})
    # Only the exception's class is shown: a traceback or the arguments may hold addresses.
    error = result.exception_class_path.rsplit(".", 1)[-1] if result.exception_class_path else ""
    return TaskRow(
        id=str(result.id),
        label=str(TASK_LABELS.get(result.task_path, result.task_path.rsplit(".", 1)[-1])),
        attempt=int(kwargs.get("attempt", 1)),
        enqueued_at=result.enqueued_at,
        finished_at=result.finished_at,
        run_after=result.run_after if result.run_after.year < 9000 else None,
        error=error,
    )


def failed_for(district: District, limit: int = 200) -> list[TaskRow]:
    results = _district_tasks(district).failed().order_by("-finished_at")[:limit]
    return [_row(result) for result in results]


def retrying_for(district: District, limit: int = 200) -> list[TaskRow]:
    results = _district_tasks(district).filter(status="READY").order_by("run_after")[:limit]
    return [row for row in map(_row, results) if row.attempt > 1]


def failed_task_for(district: District, task_id: str) -> DBTaskResult:
    try:
        key = uuid.UUID(task_id)
    except ValueError:
        raise Http404 from None
    result: DBTaskResult | None = _district_tasks(district).failed().filter(pk=key).first()
    if result is None:
        raise Http404
    return result
