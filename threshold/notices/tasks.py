"""Sending notices to families in the background: one task per family, retried with backoff
until the mail server takes it, and sent once."""

from __future__ import annotations

from threshold.notices import services
from threshold.worker.tasks import RetryPolicy, durable_task

FAMILY_RETRY = RetryPolicy(pass_attempt=True)


@durable_task(retry=FAMILY_RETRY)
def deliver_to_family(*, delivery_id: str, district_id: str, attempt: int = 1) -> str:
    """Send one family's e-mail of a mailing."""
    return services.family_deliver(
        delivery_id=delivery_id, last_attempt=attempt >= FAMILY_RETRY.attempts()
    )
