"""Checking the audit chains: recompute every hash, follow every link, compare with checkpoints.

Verification runs beside writers. It reads a chain's head first and checks the events up to that
head; events committed after it are left to the next run. An append in progress is therefore never
reported as a break, and nothing is locked while a long chain is read.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from threshold.audit.chain import GENESIS_HASH, chain_key, event_hash_fast, timestamp
from threshold.audit.models import AuditChain, AuditEvent

_FIELDS = (
    "id",
    "seq",
    "action",
    "actor_id",
    "school_id",
    "subject_type",
    "subject_id",
    "data",
    "created_at",
    "prev_hash",
    "hash",
)
_HASH = re.compile(r"[0-9a-f]{64}")
_CHUNK = 5000

# What can be wrong, in words for people (the command prints them, the audit page shows them).
PROBLEMS: dict[str, Promise] = {
    "renumbered": _(
        "expected event #%(expected)s here, found #%(found)s: events were removed or renumbered"
    ),
    "unlinked": _("does not link to the event before it"),
    "altered": _("its content does not match its hash: it was altered"),
    "cut": _(
        "the chain's recorded head is #%(head)s but its last event is #%(last)s: "
        "events after it were removed"
    ),
    "head_differs": _("the chain's recorded head hash is not the hash of its last event"),
    "beyond_head": _(
        "event #%(found)s lies beyond the chain's recorded head #%(head)s: the head was moved back"
    ),
    "misfiled": _("the chain's key does not match the district it is attached to"),
    "chain_gone": _("the chain is gone since the checkpoint"),
    "cut_since_checkpoint": _(
        "event #%(seq)s, the head at the checkpoint, is gone: the chain was cut short"
    ),
    "rewritten_since_checkpoint": _("differs from the checkpoint: the chain was rewritten since"),
}


@dataclass
class Break:
    """The first place where a chain is not what it should be."""

    chain: str
    seq: int | None
    event_id: int | None
    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def problem(self) -> str:
        return str(PROBLEMS[self.kind]) % self.params

    def describe(self) -> str:
        where = f"event {self.event_id} (#{self.seq})" if self.event_id is not None else "chain"
        return f"{self.chain}: {where}: {self.problem}"


@dataclass
class ChainReport:
    chain: str
    events: int = 0
    head_hash: str = GENESIS_HASH
    head_seq: int = 0
    broken: Break | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None


@dataclass
class Report:
    chains: list[ChainReport] = field(default_factory=list)
    checkpoint_breaks: list[Break] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(chain.events for chain in self.chains)

    @property
    def breaks(self) -> list[Break]:
        found = [chain.broken for chain in self.chains if chain.broken is not None]
        return found + self.checkpoint_breaks

    @property
    def ok(self) -> bool:
        return not self.breaks


def _rows(chain: AuditChain, up_to: int) -> Generator[tuple[Any, ...]]:
    """The chain's rows as the database driver gives them, read in chunks (server-side on
    PostgreSQL). The ORM's per-row conversions would take most of the time: the few columns that
    need one are converted below."""
    query = AuditEvent.objects.filter(chain=chain, seq__lte=up_to).order_by("seq")
    sql, params = query.values_list(*_FIELDS).query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_CHUNK):
            yield from rows


def _id_text(value: Any) -> str | None:
    """A UUID column as record() hashed it: str(uuid), lowercase with hyphens."""
    if value is None:
        return None
    if isinstance(value, uuid.UUID):  # PostgreSQL
        return str(value)
    if len(value) == 32 and value.islower():  # SQLite keeps 32 hex digits
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(uuid.UUID(value))


def _time_text(value: Any) -> str:
    """A time column as record() hashed it. SQLite keeps the time in UTC with no zone (Django's
    driver setup parses it to a naive datetime); PostgreSQL gives an aware one."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return timestamp(value)


def _data(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def verify_chain(chain: AuditChain) -> ChainReport:
    """Recompute one chain up to its recorded head: the first break found, or none."""
    key = chain.key
    report = ChainReport(chain=key)
    if key != chain_key(chain.district_id):
        # Pointing a chain at another district would show one district's trail to another.
        report.broken = Break(key, None, None, "misfiled")
        return report
    head_seq, head_hash = chain.head_seq, chain.head_hash
    expected_prev = GENESIS_HASH
    expected_seq = 1
    broken: Break | None = None
    with closing(_rows(chain, head_seq)) as rows:
        for row in rows:
            event_id, seq, action, actor, school, subject_type, subject_id, data = row[:8]
            created_at, prev_hash, stored_hash = row[8:]
            if seq != expected_seq:
                params = {"expected": expected_seq, "found": seq}
                broken = Break(key, seq, event_id, "renumbered", params)
                break
            if prev_hash != expected_prev:
                broken = Break(key, seq, event_id, "unlinked")
                break
            try:
                recomputed: str | None = event_hash_fast(
                    key,
                    seq,
                    action,
                    _id_text(actor),
                    _id_text(school),
                    subject_type,
                    subject_id,
                    _data(data),
                    _time_text(created_at),
                    prev_hash,
                )
            except (AttributeError, TypeError, ValueError):  # a value no writer could store
                recomputed = None
            if recomputed != stored_hash:
                broken = Break(key, seq, event_id, "altered")
                break
            expected_prev = stored_hash
            expected_seq += 1
    report.events = expected_seq - 1  # the events found sound, before any break
    if broken is not None:
        report.broken = broken
        return report
    report.head_hash = expected_prev
    report.head_seq = expected_seq - 1
    if report.head_seq != head_seq:
        params = {"head": head_seq, "last": report.head_seq}
        report.broken = Break(key, report.head_seq, None, "cut", params)
    elif report.head_hash != head_hash:
        report.broken = Break(key, report.head_seq, None, "head_differs")
    else:
        report.broken = _beyond_head(chain)
    return report


def _beyond_head(chain: AuditChain) -> Break | None:
    """An event past the recorded head means the head was moved back (or a row slipped in).

    A writer inserts its event and moves the head in one transaction, and the head only grows:
    so an event read before the head is read again can never legitimately lie beyond it.
    """
    later = (
        AuditEvent.objects.filter(chain=chain, seq__gt=chain.head_seq)
        .order_by("seq")
        .values_list("id", "seq")
        .first()
    )
    if later is None:
        return None
    head_now = AuditChain.objects.filter(pk=chain.pk).values_list("head_seq", flat=True).first()
    if head_now is not None and later[1] <= head_now:
        return None
    params = {"found": later[1], "head": head_now if head_now is not None else chain.head_seq}
    return Break(chain.key, later[1], later[0], "beyond_head", params)


def verify_all(checkpoint: dict[str, Any] | None = None) -> Report:
    report = Report()
    chains = {chain.key: chain for chain in AuditChain.objects.order_by("key")}
    for chain in chains.values():
        report.chains.append(verify_chain(chain))
    if checkpoint is not None:
        report.checkpoint_breaks = compare_checkpoint(checkpoint, chains)
    return report


def make_checkpoint(now: datetime | None = None) -> dict[str, Any]:
    """Each chain's head, to be kept outside the database."""
    heads = {
        chain.key: {"seq": chain.head_seq, "hash": chain.head_hash}
        for chain in AuditChain.objects.order_by("key")
    }
    return {"taken_at": timestamp(now or timezone.now()), "chains": heads}


def load_checkpoint(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"cannot read the checkpoint {path}: {error}") from None
    if not isinstance(content, dict) or not isinstance(content.get("chains"), dict):
        raise ValueError(f"{path} is not a Threshold audit checkpoint")
    for key, head in content["chains"].items():
        seq = head.get("seq") if isinstance(head, dict) else None
        digest = head.get("hash") if isinstance(head, dict) else None
        valid_seq = isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0
        if not valid_seq or not isinstance(digest, str) or not _HASH.fullmatch(digest):
            raise ValueError(f"{path}: the head of chain {key!r} is not a seq and a SHA-256 hash")
    return content


def compare_checkpoint(checkpoint: dict[str, Any], chains: dict[str, AuditChain]) -> list[Break]:
    """A checkpointed head must still be in its chain, unchanged, at the same place.

    With the chain itself verified, an unchanged event at the checkpointed place vouches for
    every event before it: each hash covers the one before.
    """
    breaks: list[Break] = []
    for key, head in checkpoint["chains"].items():
        seq, digest = int(head["seq"]), str(head["hash"])
        if seq == 0:
            continue
        chain = chains.get(key)
        if chain is None:
            breaks.append(Break(key, seq, None, "chain_gone"))
            continue
        event = AuditEvent.objects.filter(chain=chain, seq=seq).values_list("id", "hash").first()
        if event is None:
            breaks.append(Break(key, seq, None, "cut_since_checkpoint", {"seq": seq}))
        elif event[1] != digest:
            breaks.append(Break(key, seq, event[0], "rewritten_since_checkpoint"))
    return breaks
