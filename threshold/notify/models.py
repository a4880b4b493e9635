"""Notifications: who was summoned or informed about an encounter, and each delivery of it.

A `Notification` is one person told about one encounter, as a summons (come now, and acknowledge)
or for information. Each has a `Delivery` per channel: in the app (the banner on any open page),
by e-mail and by text message. A delivery is sent at most once: the background task that sends it
checks its state first, and every attempt is audited. Addresses and phone numbers are read from the
staff account when the message is sent, never copied here.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District
from threshold.encounters.models import Encounter

DEFAULT_ESCALATE_AFTER_SECONDS = 120


class NotifySettings(models.Model):
    """A district's choices for summonses. A district without a row has the defaults.

    The shipped policy packs set no time for acknowledging a summons, so the district sets it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.OneToOneField(
        District, on_delete=models.PROTECT, related_name="notify_settings"
    )
    escalate_after_seconds = models.PositiveIntegerField(
        _("escalate after (seconds)"),
        default=DEFAULT_ESCALATE_AFTER_SECONDS,
        validators=[MinValueValidator(30), MaxValueValidator(1800)],
        help_text=_(
            "If nobody acknowledges the summons within this time, the backup officials and the "
            "principal are summoned; after the same time again, the superintendent's office."
        ),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.district)


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUMMONS = "summons", _("Summoned")
        INFORM = "inform", _("Informed")

    class Reason(models.TextChoices):
        PRIMARY_OFFICIAL = "primary_official", _("Designated official")
        BACKUP_OFFICIAL = "backup_official", _("Backup designated official")
        PRINCIPAL = "principal", _("Principal")
        SUPERINTENDENT = "superintendent", _("Superintendent's office")
        COUNSEL = "counsel", _("District counsel")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    encounter = models.ForeignKey(Encounter, on_delete=models.PROTECT, related_name="notifications")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    stage = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["encounter", "recipient", "kind"], name="notification_once_per_kind"
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=models.Q(acknowledged_at__isnull=True),
                name="notification_unacknowledged",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.recipient_id}"


class Delivery(models.Model):
    class Channel(models.TextChoices):
        APP = "app", _("In the app")
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")

    class State(models.TextChoices):
        PENDING = "pending", _("Sending")
        SENT = "sent", _("Delivered")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    notification = models.ForeignKey(
        Notification, on_delete=models.PROTECT, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The kind of the last error (an exception's class name), never its text: it may hold addresses.
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="delivery_once_per_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.get_state_display()}"
