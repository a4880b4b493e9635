"""Background tasks, run by `threshold worker` from a queue in the database.

`durable_task` adds retries with exponential backoff to django-tasks (which has none): a task that
raises is enqueued again for later, up to TASK_MAX_ATTEMPTS; the last failure stays FAILED and is
listed on the failed-tasks page of the task's district. Every task takes `district_id`, so that
those pages stay scoped to one district.
"""

from __future__ import annotations

import functools
import logging
import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def backoff(attempt: int) -> timedelta:
    """Wait before attempt n+1: base * 2^(n-1), at most a day, with up to 10% jitter."""
    seconds = min(settings.TASK_RETRY_BASE_SECONDS * 2 ** (attempt - 1), 86400)
    return timedelta(seconds=seconds * (1 + random.random() / 10))


def durable_task(func: Callable[..., Any]) -> Any:
    """Make `func` a background task that is retried with backoff when it raises."""

    @functools.wraps(func)
    def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Exception as error:
            if attempt >= settings.TASK_MAX_ATTEMPTS:
                logger.error("%s failed for good after %d attempts", func.__name__, attempt)
                raise
            delay = backoff(attempt)
            retry = background.using(run_after=timezone.now() + delay)
            retry.enqueue(*args, attempt=attempt + 1, **kwargs)
            logger.warning(
                "%s failed (attempt %d: %s); trying again in %ds",
                func.__name__,
                attempt,
                type(error).__name__,
                delay.total_seconds(),
            )
            return {
                "attempt": attempt,
                "error": type(error).__name__,
                "retry_in": int(delay.total_seconds()),
            }

    background = task()(run)
    return background


@durable_task
def send_email(*, to: list[str], subject: str, body: str, district_id: str | None) -> int:
    """Send one plain-text e-mail over the configured SMTP server."""
    return EmailMessage(subject=subject, body=body, to=to).send()
