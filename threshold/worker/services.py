"""Changes to the task queue made by people."""

from __future__ import annotations

from django.db import transaction
from django_tasks_db.models import DBTaskResult

from threshold.accounts.models import District, User
from threshold.audit.services import record


@transaction.atomic
def retry_failed(*, result: DBTaskResult, district: District, actor: User) -> str:
    """Enqueue a failed task again from its first attempt; the failed result is replaced."""
    task = result.task
    kwargs = {**result.args_kwargs.get("kwargs", {}), "attempt": 1}
    args = result.args_kwargs.get("args", [])
    again = task.using(run_after=None).enqueue(*args, **kwargs)
    record(
        "task.retried",
        actor=actor,
        district=district,
        data={"task": str(result.id), "new_task": str(again.id), "task_path": result.task_path},
    )
    result.delete()
    return str(again.id)
