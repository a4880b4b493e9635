"""Visitors, their visits to a school, and how each district runs its front desks.

Least data: a visitor is a name, a date of birth, the last four characters of the ID they showed
and, only where the district turns photos on, a small photo. Never the address, the barcode
payload, the kind of ID, or anything that points at where a person was born or their status. The
only record of the ID is how it was checked: scanned, or checked by hand.

A visitor belongs to a district (a parent visits several of its schools); a visit belongs to one
school. Both are purged after the district's retention period.
"""

from __future__ import annotations

import uuid
from datetime import time

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import Area, District, School


def installation_time_zone() -> str:
    return str(settings.TIME_ZONE)


class BadgeSize(models.TextChoices):
    LABEL_SMALL = "label-2x4", _("Label 2.25 x 4 in (common badge printers)")
    LABEL_LARGE = "label-4x3", _("Label 4 x 3 in")
    LETTER = "letter", _("Letter paper")


class VisitorSettings(models.Model):
    """A district's choices for its front desks. A district without a row has the defaults."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.OneToOneField(
        District, on_delete=models.PROTECT, related_name="visitor_settings"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=installation_time_zone)
    end_of_day = models.TimeField(
        _("end of the school day"),
        default=time(18, 0),
        help_text=_("Visitors still signed in at this time are signed out automatically."),
    )
    badge_hours = models.PositiveSmallIntegerField(
        _("hours a badge is valid"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("A badge also expires at the end of the school day, whichever comes first."),
    )
    badge_size = models.CharField(
        _("badge size"), max_length=16, choices=BadgeSize.choices, default=BadgeSize.LABEL_SMALL
    )
    photos = models.BooleanField(
        _("take visitors' photos"),
        default=False,
        help_text=_("Off by default. Turning it off removes every visitor photo already taken."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep visits for (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for the installation's default."),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.district)

    @property
    def keep_days(self) -> int:
        default: int = settings.RETENTION_DAYS.get("visits", 365)
        return self.retention_days or default


class Visitor(models.Model):
    """A person who visits the district's schools, kept so that the desk knows them next time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="visitors")
    family_name = models.CharField(_("family name"), max_length=100)
    given_names = models.CharField(_("given names"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # The last four characters of the ID's number: enough to tell two namesakes apart, useless
    # to anyone else. The kind of ID is never recorded.
    document_last4 = models.CharField(_("last four of the ID number"), max_length=4, blank=True)
    # The name folded to lower case without accents, for search that behaves alike on SQLite and
    # PostgreSQL. Written by the services with the name.
    search_name = models.CharField(max_length=201, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_visit_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["family_name", "given_names"]
        indexes = [models.Index(fields=["district", "last_visit_at"], name="visitor_last_visit")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class VisitorPhoto(models.Model):
    """A small photo for the badge, kept only while the district has photos turned on."""

    visitor = models.OneToOneField(
        Visitor, on_delete=models.CASCADE, primary_key=True, related_name="photo"
    )
    jpeg = models.BinaryField()
    taken_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"photo of visitor {self.visitor_id}"


class Visit(models.Model):
    """One visit to a school: from check-in at the desk to check-out."""

    class Type(models.TextChoices):
        PARENT = "parent", _("Parent or guardian")
        VOLUNTEER = "volunteer", _("Volunteer")
        CONTRACTOR = "contractor", _("Contractor or vendor")
        OFFICIAL = "official", _("Official or law enforcement")
        OTHER = "other", _("Other")

    class IdCheck(models.TextChoices):
        SCANNED = "scanned", _("Scanned")
        BY_HAND = "by_hand", _("Checked by hand")

    class Departure(models.TextChoices):
        DESK = "desk", _("Checked out at the desk")
        BADGE = "badge", _("Badge scanned on the way out")
        END_OF_DAY = "end_of_day", _("Signed out at the end of the day")
        CHECKED_IN_AGAIN = "checked_in_again", _("Checked in again without signing out")

    class Screening(models.TextChoices):
        NOT_SCREENED = "not_screened", _("Not screened")
        CLEAR = "clear", _("Clear")
        POSSIBLE_MATCH = "possible_match", _("Possible match: the office is checking")
        LIST_STALE = "list_stale", _("Screened against an out-of-date list")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="visits")
    visitor = models.ForeignKey(Visitor, on_delete=models.CASCADE, related_name="visits")
    visitor_type = models.CharField(_("visitor type"), max_length=20, choices=Type.choices)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    host = models.CharField(_("seeing"), max_length=200, blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="visits"
    )
    # The area's name and whether it was public at check-in: areas are renamed and removed.
    destination = models.CharField(_("destination"), max_length=100, blank=True)
    destination_public = models.BooleanField(_("public area"), null=True)
    id_check = models.CharField(_("identity"), max_length=10, choices=IdCheck.choices)
    screening = models.CharField(
        max_length=20, choices=Screening.choices, default=Screening.NOT_SCREENED
    )
    checked_in_at = models.DateTimeField(_("checked in"), default=timezone.now)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    badge_expires_at = models.DateTimeField(_("badge expires"))
    # What the badge's QR code holds: a random code, not personal data.
    checkout_code = models.CharField(max_length=32, unique=True)
    badge_reprints = models.PositiveSmallIntegerField(default=0)
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    departure = models.CharField(
        _("how they left"), max_length=20, choices=Departure.choices, blank=True
    )

    class Meta:
        ordering = ["-checked_in_at"]
        indexes = [
            models.Index(fields=["school", "-checked_in_at"], name="visit_school_recent"),
            models.Index(
                fields=["school"], condition=Q(checked_out_at__isnull=True), name="visit_on_site"
            ),
            models.Index(fields=["checked_in_at"], name="visit_checked_in"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(checked_out_at__isnull=True, departure="")
                    | (Q(checked_out_at__isnull=False) & ~Q(departure=""))
                ),
                name="visit_departure_with_checkout",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visitor} · {self.school}"

    @property
    def on_site(self) -> bool:
        return self.checked_out_at is None

    @property
    def badge_code(self) -> str:
        """The text of the badge's QR code, as a scanner types it back into the desk's field."""
        return f"THOUT-{self.checkout_code}"
