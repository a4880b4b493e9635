"""Drill assignments, drill attempts and reminders.

An attempt stores the questions drawn (scenario, options shown, the engine's answer at the time),
the answers chosen, the score and the time taken, and the pack version and options it was graded
under. It stores no answer key beyond that: when the district's pack changes, each completed
attempt's questions are answered again by the engine, and an attempt whose answer changed is
marked superseded, so that its holder is due again.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District, School
from threshold.policies.models import PackAdoption
from threshold.training.bank import TRACK_NAMES


def _track_choices() -> list[tuple[str, object]]:
    return list(TRACK_NAMES.items())


class Assignment(models.Model):
    """A drill set that staff in some roles (at some schools) must complete by a date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="assignments")
    track = models.CharField(_("drill set"), max_length=32, choices=_track_choices())
    title = models.CharField(_("title"), max_length=200)
    roles = models.JSONField(_("roles"), default=list)
    # Empty: every school of the district (and district-wide roles too).
    schools = models.ManyToManyField(School, blank=True, related_name="assignments")
    due_on = models.DateField(_("due date"))
    question_count = models.PositiveSmallIntegerField(
        _("questions per drill"),
        default=6,
        validators=[MinValueValidator(3), MaxValueValidator(12)],
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (percent)"),
        default=80,
        validators=[MinValueValidator(50), MaxValueValidator(100)],
    )
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title


class Attempt(models.Model):
    """One run of a drill by one person: practice, or towards an assignment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drill_attempts"
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    track = models.CharField(max_length=32, choices=_track_choices())
    questions = models.JSONField(default=list)  # [{scenario, kind, options, correct}]
    answers = models.JSONField(default=list)  # the option chosen for each question, in order
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(default=False)
    pack_id = models.CharField(max_length=64)
    pack_version = models.CharField(max_length=32)
    pack_digest = models.CharField(max_length=64)
    pack_options = models.JSONField(default=dict)
    # Set when a pack revision changed an answer of this drill: the holder is due again.
    superseded_at = models.DateTimeField(null=True, blank=True)
    superseded_by = models.ForeignKey(
        PackAdoption, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    retake_by = models.DateField(null=True, blank=True)
    # The scenarios whose answer the revision changed: the retake asks them first.
    changed_scenarios = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["assignment", "user", "passed"])]

    def __str__(self) -> str:
        return f"{self.track} · {self.started_at:%Y-%m-%d}"

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def score_percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0

    @property
    def seconds(self) -> int | None:
        if self.finished_at is None:
            return None
        return int((self.finished_at - self.started_at).total_seconds())


class Reminder(models.Model):
    """A reminder e-mail sent about an assignment (before or after its due date)."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Before the due date")
        OVERDUE = "overdue", _("After the due date")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_on = models.DateField()  # the date the reminder was about (a retake has its own)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.kind} · {self.due_on}"
