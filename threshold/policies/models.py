"""Which policy pack each district follows, with which options, and counsel's sign-off.

The packs themselves are data files shipped with the code (threshold/protocol/packs). A district
adopts one version with its option values; an adoption never changes afterwards: changing an
option or the version is a new adoption, which counsel signs off anew.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District


class PackAdoption(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="adoptions")
    pack_id = models.CharField(_("policy pack"), max_length=64)
    pack_version = models.CharField(_("version"), max_length=32)
    # The file's SHA-256 when adopted: a pack edited under the same version is not the one adopted.
    pack_digest = models.CharField(max_length=64)
    options = models.JSONField(default=dict)
    is_current = models.BooleanField(default=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    adopted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-adopted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["district"], condition=Q(is_current=True), name="one_current_adoption"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pack_id} {self.pack_version}"


class PackSignOff(models.Model):
    """Counsel's review of one adoption: who, when, and what it covers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    adoption = models.OneToOneField(PackAdoption, on_delete=models.PROTECT, related_name="signoff")
    counsel_name = models.CharField(_("counsel's name"), max_length=200)
    signed_on = models.DateField(_("date of the review"))
    scope = models.TextField(
        _("what the review covers"),
        help_text=_(
            "For example: the whole pack and its options, for all schools of the district."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.counsel_name}, {self.signed_on}"
