"""Audit events as JSON lines: every field needed to recompute the chain offline."""

from __future__ import annotations

import json
from typing import Any, Protocol

from threshold.audit.chain import timestamp
from threshold.audit.models import AuditEvent


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def event_as_dict(event: AuditEvent) -> dict[str, Any]:
    return {
        "chain": event.chain.key,
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


def write_jsonl(stream: Writable, *, district_id: str | None = None) -> int:
    """Write the events, chain by chain in order; returns how many were written."""
    events = AuditEvent.objects.select_related("chain").order_by("chain__key", "seq")
    if district_id is not None:
        events = events.filter(chain__district_id=district_id)
    count = 0
    for event in events.iterator(chunk_size=5000):
        stream.write(json.dumps(event_as_dict(event), sort_keys=True, ensure_ascii=False) + "\n")
        count += 1
    return count
