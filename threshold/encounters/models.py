"""An officer at a school's door: the encounter the front desk starts, run through the protocol.

An encounter names the school, the staff member who started it and when, and (when the officer
was checked in as a visitor) the visit. It records no one's personal details: the officer's
identification, the request and the documents come with the guided steps, and the facts given to
the decision engine hold only kinds of things (see threshold.protocol.facts).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import School


class Encounter(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Under way")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="encounters")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The officer's visit, when the front desk checked them in first.
    visit = models.ForeignKey(
        "visitors.Visit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="encounters",
    )
    # The policy pack in force when the encounter started: its steps and words are the ones read.
    pack_id = models.CharField(max_length=64)
    pack_version = models.CharField(max_length=32)
    # The engine's facts as the guided steps fill them in (kinds of things, never names).
    facts = models.JSONField(default=dict)
    # Identification (DOMAIN.md 7.7): what the officer gave, and what they refused to give. The
    # officer's own details are the encounter record's; nothing here is about a student or family.
    agency = models.CharField(_("agency"), max_length=40, blank=True)
    officer_name = models.CharField(_("officer's name"), max_length=200, blank=True)
    officer_badge = models.CharField(_("badge or ID number"), max_length=100, blank=True)
    officer_phone = models.CharField(_("officer's telephone"), max_length=40, blank=True)
    card_kept = models.BooleanField(_("business card kept or copied"), default=False)
    refused = models.JSONField(default=list, blank=True)  # identification codes refused
    # What they ask for: the engine's request codes, where, and their own words.
    requests = models.JSONField(default=list, blank=True)
    place = models.CharField(_("where"), max_length=30, blank=True)
    purpose = models.CharField(_("in their words"), max_length=500, blank=True)
    subject = models.CharField(_("whom it concerns"), max_length=30, blank=True)
    # The name the officer gave for the person they ask about, as the desk wrote it down: the
    # desk records "a student" and this name, never a roster match.
    subject_name = models.CharField(_("the name the officer gave"), max_length=200, blank=True)
    # The student the request concerns, found on the roster by an official allowed to look
    # students up (threshold.encounters.students); never shown to the front desk.
    student = models.ForeignKey(
        "records.Student",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    exigency = models.CharField(_("emergency stated"), max_length=30, blank=True)
    exigency_basis = models.CharField(_("the reason they give"), max_length=500, blank=True)

    # Identity verification by telephone (impersonators exist): whom the official called, and
    # what they said.
    class Verification(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed: the officer is who they say")
        NOT_CONFIRMED = "not_confirmed", _("Not confirmed: they do not know this officer")
        NO_ANSWER = "no_answer", _("Could not reach anyone to ask")

    verification_called = models.CharField(_("whom you called"), max_length=200, blank=True)
    verification_result = models.CharField(
        _("what they said"), max_length=20, choices=Verification.choices, blank=True
    )

    # The outcome: for each thing asked, whether it was granted, denied, or taken under protest
    # (the officer went on without consent: never consent).
    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted")
        DENIED = "denied", _("Denied")
        PARTLY = "partly", _("Partly granted, partly denied")
        UNDER_PROTEST = "under_protest", _("Taken under protest: no consent")
        NOTHING_ASKED = "nothing_asked", _("Nothing was asked")

    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    results = models.JSONField(default=dict, blank=True)  # request code -> result code
    protest_at = models.DateTimeField(_("when they went on"), null=True, blank=True)
    protest_route = models.CharField(_("where they went"), max_length=500, blank=True)
    staff_present = models.CharField(_("staff present"), max_length=500, blank=True)
    witnesses = models.JSONField(default=list, blank=True)  # names, one each
    outcome_note = models.CharField(_("what happened, briefly"), max_length=1000, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # The records request the outcome handed to the records intake (34 CFR 99.32 record).
    records_request = models.ForeignKey(
        "records.RecordsRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    # The last change to what was recorded: both screens show it within two seconds.
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # The first summoned person to acknowledge: escalation stops there.
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # How far the summons has escalated: 1 the primary designated official, 2 the backups and
    # the principal, 3 the superintendent's office.
    escalation_stage = models.PositiveSmallIntegerField(default=1)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["school", "-started_at"], name="encounter_school_recent"),
            models.Index(
                fields=["school"], condition=Q(state="open"), name="encounter_open_by_school"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(state="open", closed_at__isnull=True)
                    | Q(state="closed", closed_at__isnull=False)
                ),
                name="encounter_closed_with_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} · {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def unidentified(self) -> bool:
        """The officer refused to say who they are (name or badge or ID number): an
        unidentified visitor under the visitor policy."""
        refused = set(self.refused or [])
        return bool(
            ("NAME" in refused and not self.officer_name)
            or ("BADGE_OR_ID_NUMBER" in refused and not self.officer_badge)
        )

    @property
    def under_protest(self) -> bool:
        return (
            self.outcome == self.Outcome.UNDER_PROTEST
            or "under_protest" in (self.results or {}).values()
        )


class EncounterDocument(models.Model):
    """A document the officer presented: its photo (or its text, typed), what the document
    checker found, and the designated official's review of those findings."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    encounter = models.ForeignKey(Encounter, on_delete=models.PROTECT, related_name="documents")
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # A JPEG without the camera's metadata (no location), or nothing when the text was typed.
    image = models.BinaryField(null=True, editable=False)
    text = models.TextField(_("the document's text"), blank=True)
    findings = models.JSONField(default=dict)  # the checker's findings, as it gave them
    # What the engine is given: the checker's reading until the official confirms or corrects it.
    doc_type = models.CharField(_("kind of document"), max_length=40)
    facial_check = models.CharField(_("what the check found"), max_length=30)
    nondisclosure = models.CharField(_("confidentiality terms"), max_length=30)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    corrected = models.BooleanField(default=False)

    class Meta:
        ordering = ["added_at"]

    def __str__(self) -> str:
        return f"{self.doc_type} · {self.encounter_id}"

    def as_fact(self) -> dict[str, str]:
        return {
            "type": self.doc_type,
            "facial_check": self.facial_check,
            "nondisclosure": self.nondisclosure,
        }


class VerificationNumber(models.Model):
    """A number the school calls to check that an officer is who they say: the local police
    department's non-emergency line, an agency's field office. Kept by the district."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="verification_numbers"
    )
    label = models.CharField(
        _("who answers"),
        max_length=120,
        help_text=_("For example: Hartford Police, non-emergency line."),
    )
    phone = models.CharField(_("telephone number"), max_length=40)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["school", "label"], name="verification_label_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class EncounterReport(models.Model):
    """The incident report written when the encounter closes: a PDF, kept, and sent (as a link)
    to the superintendent and counsel."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    encounter = models.OneToOneField(Encounter, on_delete=models.PROTECT, related_name="report")
    pdf = models.BinaryField(editable=False)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"report {self.encounter_id}"
