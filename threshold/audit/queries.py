"""Reading the audit trail for people: one district's chain, its events in words."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from threshold.accounts.models import District, School, User
from threshold.audit.actions import describe
from threshold.audit.chain import chain_key
from threshold.audit.models import AuditChain, AuditEvent


def district_chain(district: District) -> AuditChain | None:
    """The district's own chain, found by its key: the key is what every hash of it covers."""
    return AuditChain.objects.filter(key=chain_key(district.pk)).first()


def events_of(chain: AuditChain | None) -> QuerySet[AuditEvent]:
    """A chain's events, newest first (none before the district's first event)."""
    if chain is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(chain=chain).order_by("-seq")


@dataclass(frozen=True)
class EventRow:
    """One event as the audit page shows it."""

    event: AuditEvent
    action: str
    actor: str
    school: str
    details: list[tuple[str, str]]

    @property
    def short_hash(self) -> str:
        return self.event.hash[:12]


def _words(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str | int) for item in value):
        return ", ".join(str(item) for item in value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def details(data: Any) -> list[tuple[str, str]]:
    """An event's data as short "key: value" pairs, in key order."""
    if not isinstance(data, dict):
        return [("", _words(data))]
    return [(key, _words(data[key])) for key in sorted(data)]


def rows(events: Sequence[AuditEvent], schools: Iterable[School]) -> list[EventRow]:
    """The page's events with names looked up: one query for the actors, none for the schools.

    Names are never in the chain (they live in tables that retention may purge), so they are
    read from the accounts tables by id; a name that is gone shows as nothing.
    """
    school_names = {school.pk: school.name for school in schools}
    actor_ids = {event.actor_id for event in events if event.actor_id is not None}
    actor_names: dict[Any, str] = {}
    if actor_ids:
        found = User.objects.filter(pk__in=actor_ids).values_list("pk", "full_name", "email")
        actor_names = {pk: name or email for pk, name, email in found}
    return [
        EventRow(
            event=event,
            action=describe(event.action),
            actor=actor_names.get(event.actor_id, "") if event.actor_id is not None else "",
            school=school_names.get(event.school_id, "") if event.school_id is not None else "",
            details=details(event.data),
        )
        for event in events
    ]
