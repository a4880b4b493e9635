"""What the audit tests share: appending events, tampering behind the triggers, running commands."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Model

from threshold.accounts.models import District, School, User
from threshold.audit.chain import GENESIS_HASH, event_hash
from threshold.audit.models import AuditEvent
from threshold.audit.services import record

_triggers = importlib.import_module("threshold.audit.migrations.0002_append_only_triggers")


def append(
    district: District | None,
    count: int = 1,
    *,
    action: str = "district.updated",
    actor: User | None = None,
    school: School | None = None,
    subject: Model | None = None,
    data: dict[str, Any] | None = None,
) -> list[AuditEvent]:
    """Append events one transaction each, as services do."""
    events = []
    for n in range(count):
        with transaction.atomic():
            content = data if data is not None else {"fields": ["name"], "n": n}
            events.append(
                record(
                    action,
                    actor=actor,
                    district=district,
                    school=school,
                    subject=subject,
                    data=content,
                )
            )
    return events


def sql(statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return list(cursor.fetchall()) if cursor.description else []


@contextmanager
def behind_the_triggers() -> Iterator[None]:
    """Change rows as an attacker with database access would: past the append-only triggers.

    PostgreSQL: replica mode skips ordinary triggers for this connection. SQLite has no such
    switch: the triggers are dropped, then put back.
    """
    if connection.vendor == "postgresql":
        sql("SET session_replication_role = replica")
        try:
            yield
        finally:
            sql("RESET session_replication_role")
    else:
        for statement in _triggers.SQLITE_DOWN:
            sql(statement)
        try:
            yield
        finally:
            for statement in _triggers.SQLITE_UP:
                sql(statement)


def rehash(event_id: int, prev_hash: str) -> str:
    """Recompute a (tampered) row's hash from its content, as an attacker would; returns it."""
    event = AuditEvent.objects.select_related("chain").get(pk=event_id)
    digest = event_hash(
        chain=event.chain.key,
        seq=event.seq,
        action=event.action,
        actor=str(event.actor_id) if event.actor_id else None,
        school=str(event.school_id) if event.school_id else None,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        data=event.data,
        created_at=event.created_at,
        prev_hash=prev_hash,
    )
    sql(
        "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s",
        [prev_hash, digest, event_id],
    )
    return digest


def run_audit(*args: str) -> tuple[int, str, str]:
    """`threshold audit ARGS`: (exit status, standard output, standard error)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("audit", *args, stdout=out, stderr=err)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def check_offline(lines: list[str]) -> dict[str, int]:
    """Recompute every exported event with nothing but the export and chain.event_hash."""
    heads: dict[str, tuple[int, str]] = {}
    for line in lines:
        content = json.loads(line)
        stored = content.pop("hash")
        seq, prev = heads.get(content["chain"], (0, GENESIS_HASH))
        assert content["seq"] == seq + 1
        assert content["prev_hash"] == prev
        content["created_at"] = datetime.fromisoformat(content["created_at"])
        assert event_hash(**content) == stored
        heads[content["chain"]] = (content["seq"], stored)
    return {key: seq for key, (seq, _) in heads.items()}
