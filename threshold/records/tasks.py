"""The records app's background task: delivering a parent's notice before a release, and writing
back whether it was delivered (the waiting period starts only then)."""

from __future__ import annotations

from django.conf import settings

from threshold.records import services
from threshold.worker.tasks import RetryPolicy, durable_task

NOTICE_RETRY = RetryPolicy(pass_attempt=True)


@durable_task(retry=NOTICE_RETRY)
def deliver_notice(*, notice_id: str, district_id: str, attempt: int = 1) -> str:
    """Send one notice by e-mail; after the last failed attempt it is marked failed."""
    last = attempt >= settings.TASK_MAX_ATTEMPTS
    return services.notice_deliver(notice_id=notice_id, last_attempt=last)
