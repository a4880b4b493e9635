"""The audit trail: append-only events, one hash chain per district.

Each event stores the SHA-256 of its own content and of the previous event of its chain, so that an
altered, removed or reordered row is found by recomputing the chain (`threshold audit verify`).
Events name people and records by id only: names live in purgeable tables, never here.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from threshold.accounts.models import District, School


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit event."""


class AuditChain(models.Model):
    """The head of one chain: a district's, or the system chain for events of no district.

    The row is locked while an event is appended, so that two writers never link to the same
    previous event (which would fork the chain).
    """

    key = models.CharField(max_length=64, unique=True)
    district = models.OneToOneField(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_chain"
    )
    head_seq = models.PositiveBigIntegerField(default=0)
    head_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.key


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    chain = models.ForeignKey(AuditChain, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveBigIntegerField()
    action = models.CharField(max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_event_seq_unique"),
        ]
        indexes = [
            models.Index(fields=["chain", "created_at"], name="audit_event_time"),
            models.Index(fields=["actor", "created_at"], name="audit_event_actor"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_event_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.chain_id}#{self.seq} {self.action}"

    def save(self, **kwargs: Any) -> None:
        changing = kwargs.get("force_update") or kwargs.get("update_fields") is not None
        if changing or not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        # Always an INSERT: a new instance given an existing id would otherwise be saved as an
        # UPDATE of that row (Django tries an UPDATE first when the primary key is set).
        kwargs["force_insert"] = True
        super().save(**kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")
