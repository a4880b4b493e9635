"""The notify app's background tasks: delivering e-mail and text messages, and escalating.

Delivery retries quickly (NOTIFY_RETRY_* settings): a summons is urgent, and one that cannot be
delivered now is tried again until the mail server or SMS provider is back, then sent once.
"""

from __future__ import annotations

from django.conf import settings

from threshold.notify import services
from threshold.worker.tasks import RetryPolicy, durable_task

NOTIFY_RETRY = RetryPolicy(
    base_seconds="NOTIFY_RETRY_BASE_SECONDS",
    max_attempts="NOTIFY_MAX_ATTEMPTS",
    cap_seconds="NOTIFY_RETRY_MAX_SECONDS",
    pass_attempt=True,
)


@durable_task(retry=NOTIFY_RETRY)
def deliver(*, delivery_id: str, district_id: str, attempt: int = 1) -> str:
    """Send one e-mail or text message of a notification."""
    last = attempt >= settings.NOTIFY_MAX_ATTEMPTS
    return services.deliver(delivery_id=delivery_id, last_attempt=last)


@durable_task
def escalate(*, encounter_id: str, stage: int, district_id: str) -> str:
    """Summon the next people when nobody has acknowledged in time."""
    return services.escalate(encounter_id=encounter_id, stage=stage)
