"""Writing to the audit trail. `record` is the only way in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from threshold.accounts.models import District, School, User
from threshold.audit import chain as hashing
from threshold.audit.actions import is_known
from threshold.audit.chain import GENESIS_HASH, check_data, event_hash
from threshold.audit.chain import SYSTEM_CHAIN as SYSTEM_CHAIN
from threshold.audit.models import AuditChain, AuditEvent


class UnknownAction(ValueError):
    """The action code is not in the registry (threshold.audit.actions)."""


class NotInTransaction(RuntimeError):
    """An audit event must be written in the transaction of the change it records."""


def chain_key(district: District | None) -> str:
    return hashing.chain_key(district.pk if district is not None else None)


def _locked_chain(district: District | None) -> AuditChain:
    key = chain_key(district)
    chain = AuditChain.objects.select_for_update().filter(key=key).first()
    if chain is not None:
        return chain
    try:
        with transaction.atomic():
            AuditChain.objects.create(key=key, district=district, head_hash=GENESIS_HASH)
    except IntegrityError:
        pass  # another writer created it first; lock theirs
    return AuditChain.objects.select_for_update().get(key=key)


def record(
    action: str,
    *,
    actor: User | None,
    district: District | None,
    school: School | None = None,
    subject: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the district's chain (or the system chain when there is no district).

    Must run inside the caller's transaction, so that the event and the change it records are
    written together or not at all.
    """
    if not is_known(action):
        raise UnknownAction(f"{action!r} is not a registered audit action")
    if not connection.in_atomic_block:
        raise NotInTransaction(f"record {action!r} inside the transaction of the change")
    if school is not None and (district is None or school.district_id != district.pk):
        # An event about a school belongs on its district's chain, where the district reads it.
        raise ValueError("the school does not belong to the district")
    payload = dict(data or {})
    check_data(payload)

    chain = _locked_chain(district)
    seq = chain.head_seq + 1
    now = timezone.now()
    subject_type = subject._meta.label_lower if subject is not None else ""
    subject_id = str(subject.pk) if subject is not None else ""
    actor_id = str(actor.pk) if actor is not None else None
    school_id = str(school.pk) if school is not None else None
    digest = event_hash(
        chain=chain.key,
        seq=seq,
        action=action,
        actor=actor_id,
        school=school_id,
        subject_type=subject_type,
        subject_id=subject_id,
        data=payload,
        created_at=now,
        prev_hash=chain.head_hash,
    )
    event = AuditEvent.objects.create(
        chain=chain,
        seq=seq,
        action=action,
        actor=actor,
        school=school,
        subject_type=subject_type,
        subject_id=subject_id,
        data=payload,
        created_at=now,
        prev_hash=chain.head_hash,
        hash=digest,
    )
    AuditChain.objects.filter(pk=chain.pk).update(head_seq=seq, head_hash=digest)
    return event


@transaction.atomic
def export_district(*, district: District, actor: User) -> AuditEvent:
    """Record that the district's chain is being exported; the export holds events up to this one.

    The file then ends with its own "audit.exported" event, whose hash is the chain's head at the
    time: a checkpoint that travels with the export.
    """
    return record("audit.exported", actor=actor, district=district, subject=district)
