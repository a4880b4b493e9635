"""Devices that call the API: a front-desk tablet or kiosk, working for one school.

A district administrator makes a device for one school, with the operations it may perform (its
scopes). The device's token is shown once and kept only as a hash (`threshold.api.tokens`).

Each device has its own account, so that what it does is recorded like what a person does: the
visit's `checked_in_by` and the audit event's actor name the device's account. That account is
never a person's: it has no password and is inactive, so nobody can sign in with it, and it
belongs to no district, so it appears in no staff list and holds no role. Its only way in is the
device's token, and the API checks the token's school and scopes itself.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import School


class Scope(models.TextChoices):
    """What a device may do at its school."""

    CHECK_IN = "check_in", _("Check visitors in and read the state of a check-in")
    CHECK_OUT = "check_out", _("Check visitors out")
    ROSTER = "roster", _("Read who is on campus")
    OFFICER = "officer", _("Start the officer protocol (Officer at the door) and follow it")


class Device(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="api_devices")
    name = models.CharField(_("name"), max_length=100)
    scopes = models.JSONField(_("what it may do"), default=list)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_device"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    token_hint = models.CharField(max_length=4)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # Written at most once a minute (see services.device_for_token): a hint for people, not a log.
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_by__isnull=True)
                | Q(revoked_at__isnull=False, revoked_by__isnull=False),
                name="api_device_revoked_by_whom",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def may(self, scope: Scope) -> bool:
        return scope.value in self.scopes

    def scope_labels(self) -> list[str]:
        return [str(Scope(value).label) for value in Scope.values if value in self.scopes]
