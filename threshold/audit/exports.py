"""Audit events as JSON lines: every field needed to recompute the chain offline.

Each line is one event; `threshold.audit.chain.event_hash(**line without "hash")` gives its hash
back, and each line's "prev_hash" is the "hash" of the line before it in the same chain.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from django.db.models import QuerySet

from threshold.audit.chain import timestamp
from threshold.audit.models import AuditChain, AuditEvent


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def event_as_dict(event: AuditEvent, *, chain_key: str | None = None) -> dict[str, Any]:
    return {
        "chain": chain_key if chain_key is not None else event.chain.key,
        "seq": event.seq,
        "action": event.action,
        "actor": str(event.actor_id) if event.actor_id else None,
        "school": str(event.school_id) if event.school_id else None,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "data": event.data,
        "created_at": timestamp(event.created_at),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def as_line(event: AuditEvent, *, chain_key: str | None = None) -> str:
    content = event_as_dict(event, chain_key=chain_key)
    return json.dumps(content, sort_keys=True, ensure_ascii=False) + "\n"


def chain_lines(chain: AuditChain, *, up_to: int) -> Iterator[str]:
    """One chain's events from the first to `up_to`, in order, as JSON lines."""
    events = AuditEvent.objects.filter(chain=chain, seq__lte=up_to).order_by("seq")
    for event in events.iterator(chunk_size=5000):
        yield as_line(event, chain_key=chain.key)


def write_jsonl(stream: Writable, *, district_id: str | None = None) -> int:
    """Write the events, chain by chain in order; returns how many were written."""
    events: QuerySet[AuditEvent] = AuditEvent.objects.select_related("chain").order_by(
        "chain__key", "seq"
    )
    if district_id is not None:
        events = events.filter(chain__district_id=district_id)
    count = 0
    for event in events.iterator(chunk_size=5000):
        stream.write(as_line(event))
        count += 1
    return count
