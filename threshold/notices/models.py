"""What a district tells its families: its letter about the schools' procedures, the summary of
those procedures on its public page, and the notices to one family (before a records disclosure,
after an officer's visit concerning their child), each in every language Threshold ships.

A text is sent or published only in a language whose current version a person at the district
has reviewed: changing a text withdraws its review. Reviews are kept by version, so the audit
trail and the page can say who approved exactly the words in force.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District
from threshold.notices.texts import (
    DISTRICT_PLACEHOLDERS,
    LANGUAGES,
    RECORDS_PLACEHOLDERS,
    VISIT_PLACEHOLDERS,
)


class Kind(models.TextChoices):
    LETTER = "letter", _("Letter to families about the schools' procedures")
    PROCEDURES = "procedures", _("Procedures, as the public page shows them")
    RECORDS_NOTICE = "records_notice", _("Notice before a student's records are released")
    VISIT_NOTICE = "visit_notice", _("Notice after an officer's visit concerning a student")


# The placeholders each kind of text may use.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    Kind.LETTER: DISTRICT_PLACEHOLDERS,
    Kind.PROCEDURES: DISTRICT_PLACEHOLDERS,
    Kind.RECORDS_NOTICE: RECORDS_PLACEHOLDERS,
    Kind.VISIT_NOTICE: VISIT_PLACEHOLDERS,
}
# The kinds the public page shows, in order.
PUBLIC_KINDS = (Kind.LETTER, Kind.PROCEDURES)

LANGUAGE_CHOICES = list(LANGUAGES.items())


class FamilyContact(models.Model):
    """Whom families call or write to, as the district's notices name them, and the address of
    its public page."""

    district = models.OneToOneField(
        District, on_delete=models.PROTECT, primary_key=True, related_name="family_contact"
    )
    public_slug = models.SlugField(
        _("address of the public page"),
        max_length=60,
        unique=True,
        help_text=_("Letters, digits and hyphens: the page is /families/<this>/."),
    )
    contact_name = models.CharField(
        _("who families contact"),
        max_length=120,
        help_text=_("An office or a role, for example: Office of the Superintendent."),
    )
    contact_phone = models.CharField(_("telephone"), max_length=40)
    contact_email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)

    def __str__(self) -> str:
        return f"family contact of {self.district_id}"


class NoticeText(models.Model):
    """One kind of notice in one language, for one district."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    subject = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=12000)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    reviewed_version = models.PositiveIntegerField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["district", "kind", "language"], name="notice_text_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.language}) of {self.district_id}"

    @property
    def reviewed(self) -> bool:
        """True when a person reviewed exactly this version."""
        return self.reviewed_version == self.version and self.reviewed_by_id is not None

    @property
    def language_name(self) -> str:
        return LANGUAGES[self.language]


class Mailing(models.Model):
    """One sending of a notice to families by e-mail: the district's letter to every family, or
    the notice after an officer's visit to the family of the student it concerned.

    `texts` keeps, per language, the reviewed words that went out (title, text, version), so
    that what was sent stays on record even when the district changes the text later."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    school = models.ForeignKey(
        "accounts.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    texts = models.JSONField(default=dict)
    values = models.JSONField(default=dict)  # the district's contact as it was at sending
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    skipped = models.PositiveIntegerField(default=0)  # families with no address
    # The officer's visit a notice after a visit is about (one notice per visit).
    encounter = models.OneToOneField(
        "encounters.Encounter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="family_notice",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} mailing of {self.district_id}"


class FamilyDelivery(models.Model):
    """One family's e-mail of a mailing. The address is read from the roster when it is sent,
    never copied here; a delivery is sent at most once."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # A parent or guardian, or an eligible student writing for themselves.
    guardian = models.ForeignKey(
        "records.Guardian", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    student = models.ForeignKey(
        "records.Student", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    # What this family's notice fills in about its own child (empty for the district letter).
    values = models.JSONField(default=dict)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=100, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["mailing", "state"])]

    def __str__(self) -> str:
        return f"delivery {self.pk} ({self.state})"
