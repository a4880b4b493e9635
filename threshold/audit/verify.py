"""Checking the audit chains: recompute every hash, follow every link, compare with checkpoints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.utils import timezone

from threshold.audit.chain import GENESIS_HASH, event_hash, timestamp
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


@dataclass
class Break:
    """The first place where a chain is not what it should be."""

    chain: str
    seq: int | None
    event_id: int | None
    problem: str

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


def _rows(chain: AuditChain) -> Iterator[tuple[Any, ...]]:
    query = AuditEvent.objects.filter(chain=chain).order_by("seq").values_list(*_FIELDS)
    return query.iterator(chunk_size=5000)


def verify_chain(chain: AuditChain) -> ChainReport:
    report = ChainReport(chain=chain.key)
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for row in _rows(chain):
        event_id, seq, action, actor, school, subject_type, subject_id, data = row[:8]
        created_at, prev_hash, stored_hash = row[8:]
        if seq != expected_seq:
            problem = (
                f"expected event #{expected_seq} here, found #{seq}: "
                "events were removed or renumbered"
            )
            report.broken = Break(chain.key, seq, event_id, problem)
            return report
        if prev_hash != expected_prev:
            report.broken = Break(chain.key, seq, event_id, "does not link to the event before it")
            return report
        recomputed = event_hash(
            chain=chain.key,
            seq=seq,
            action=action,
            actor=str(actor) if actor is not None else None,
            school=str(school) if school is not None else None,
            subject_type=subject_type,
            subject_id=subject_id,
            data=data,
            created_at=created_at,
            prev_hash=prev_hash,
        )
        if recomputed != stored_hash:
            report.broken = Break(
                chain.key, seq, event_id, "its content does not match its hash: it was altered"
            )
            return report
        expected_prev = stored_hash
        expected_seq += 1
        report.events += 1
    report.head_hash = expected_prev
    report.head_seq = expected_seq - 1
    if (chain.head_seq, chain.head_hash) != (report.head_seq, report.head_hash):
        report.broken = Break(
            chain.key,
            report.head_seq,
            None,
            f"the chain's recorded head is #{chain.head_seq} but its last event is "
            f"#{report.head_seq}: events after it were removed",
        )
    return report


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
    return content


def compare_checkpoint(checkpoint: dict[str, Any], chains: dict[str, AuditChain]) -> list[Break]:
    """A checkpointed head must still be in its chain, unchanged, at the same place."""
    breaks: list[Break] = []
    for key, head in checkpoint["chains"].items():
        seq, digest = int(head["seq"]), str(head["hash"])
        if seq == 0:
            continue
        chain = chains.get(key)
        if chain is None:
            breaks.append(Break(key, seq, None, "the chain is gone since the checkpoint"))
            continue
        event = AuditEvent.objects.filter(chain=chain, seq=seq).values_list("id", "hash").first()
        if event is None:
            breaks.append(
                Break(
                    key,
                    seq,
                    None,
                    f"event #{seq}, the head at the checkpoint, is gone: the chain was cut short",
                )
            )
        elif event[1] != digest:
            breaks.append(
                Break(
                    key,
                    seq,
                    event[0],
                    "differs from the checkpoint: the chain was rewritten since",
                )
            )
    return breaks
