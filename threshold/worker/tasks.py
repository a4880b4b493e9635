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
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """How a task is retried: the names of the settings that hold its first wait, its longest
    wait and its number of attempts (read when the task runs, so that tests can change them)."""

    base_seconds: str = "TASK_RETRY_BASE_SECONDS"
    max_attempts: str = "TASK_MAX_ATTEMPTS"
    cap_seconds: str | None = None  # None: at most a day
    # Call the task with `attempt=` (1 for the first), so that it can tell its last attempt.
    pass_attempt: bool = False

    def wait(self, attempt: int) -> timedelta:
        cap = getattr(settings, self.cap_seconds) if self.cap_seconds else 86400
        return backoff(attempt, base=getattr(settings, self.base_seconds), cap=cap)

    def attempts(self) -> int:
        return int(getattr(settings, self.max_attempts))


DEFAULT_RETRY = RetryPolicy()


def backoff(attempt: int, *, base: int | None = None, cap: int = 86400) -> timedelta:
    """Wait before attempt n+1: base * 2^(n-1), at most `cap` (a day), with up to 10% jitter."""
    first = settings.TASK_RETRY_BASE_SECONDS if base is None else base
    seconds = min(first * 2 ** min(attempt - 1, 30), cap)
    return timedelta(seconds=seconds * (1 + random.random() / 10))


def durable_task(
    func: Callable[..., Any] | None = None, *, retry: RetryPolicy = DEFAULT_RETRY
) -> Any:
    """Make `func` a background task that is retried with backoff when it raises. Used bare
    (`@durable_task`) with the default policy, or as `@durable_task(retry=RetryPolicy(...))`."""
    if func is None:
        return functools.partial(durable_task, retry=retry)

    @functools.wraps(func)
    def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
        try:
            if retry.pass_attempt:
                return func(*args, attempt=attempt, **kwargs)
            return func(*args, **kwargs)
        except Exception as error:
            if attempt >= retry.attempts():
                logger.error("%s failed for good after %d attempts", func.__name__, attempt)
                raise
            delay = retry.wait(attempt)
            later = background.using(run_after=timezone.now() + delay)
            later.enqueue(*args, attempt=attempt + 1, **kwargs)
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
