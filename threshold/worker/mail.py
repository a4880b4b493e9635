"""Queueing mail for the worker, once the transaction that asked for it has committed."""

from __future__ import annotations

from django.db import transaction

from threshold.accounts.models import District


def queue_email(*, to: list[str], subject: str, body: str, district: District | None) -> None:
    from threshold.worker.tasks import send_email

    district_id = str(district.pk) if district is not None else None
    transaction.on_commit(
        lambda: send_email.enqueue(to=to, subject=subject, body=body, district_id=district_id)
    )
