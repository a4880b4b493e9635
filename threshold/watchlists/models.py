"""A district's watchlists, their entries, the possible matches raised at check-in, and the
visitors approved against an entry they only resemble.

Least data: an entry is a name, other names, a birth date if known, why the person is listed, the
order's reference, notes for the officials and, only where given, a photo. Never an address, a
national number, or anything that points at where a person was born or their status. An entry's
photo goes with the entry.

Each list keeps two times: `version` and `changed_at` move with every change of its entries (the
screening index of each process is rebuilt when the version moves); `current_as_of` also moves
when an administrator confirms that the list is still current. Screening judges freshness by
`current_as_of`: a list older than its allowed age is never "clear".
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District, School
from threshold.visitors.models import Visit, Visitor


class Reason(models.TextChoices):
    """Why a person is on a list; each has its next steps in `procedures`."""

    CUSTODY = "custody", _("Custody restriction")
    TRESPASS = "trespass", _("Trespass or banned")
    COURT_ORDER = "court_order", _("Court order")
    REGISTRY = "registry", _("State registry")
    OTHER = "other", _("Other")


# The reasons an administrator chooses; "registry" comes only from a registry import.
DISTRICT_REASONS = [c for c in Reason.choices if c[0] != Reason.REGISTRY]


class Watchlist(models.Model):
    """One of a district's lists: the district's own, or its import of the state registry."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District list")
        REGISTRY = "registry", _("State registry import")

    DEFAULT_MAX_AGE = {Kind.DISTRICT: 30, Kind.REGISTRY: 7}

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="watchlists")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)
    current_as_of = models.DateTimeField(null=True, blank=True)
    max_age_days = models.PositiveSmallIntegerField(
        _("results are not clear after (days)"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "When the list is older than this, a visitor it does not name is shown as "
            "'list out of date', never as clear."
        ),
    )

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["district", "kind"], name="watchlist_kind_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.district}"

    @property
    def max_age(self) -> timedelta:
        return timedelta(days=self.max_age_days)


class Entry(models.Model):
    """A person on a list, for the schools it names (or all of the district's)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="entries")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    # The district's or the registry's own identifier, as in the imported file.
    external_id = models.CharField(_("list identifier"), max_length=64, blank=True)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    family_name = models.CharField(_("family name"), max_length=100)
    given_name = models.CharField(_("given names"), max_length=100, blank=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    reference = models.CharField(
        _("order or case reference"),
        max_length=200,
        blank=True,
        help_text=_("For example: Smith v. Smith, 2024. Shown to the designated official."),
    )
    notes = models.TextField(
        _("notes for the designated officials"),
        max_length=1000,
        blank=True,
        help_text=_(
            "What an official needs to act: whom the order protects, whom to call. Never a "
            "person's immigration status, citizenship, country of birth or social security number."
        ),
    )
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty for no end date.")
    )
    all_schools = models.BooleanField(_("applies to every school of the district"), default=True)
    schools = models.ManyToManyField(
        School, blank=True, related_name="+", verbose_name=_("applies to these schools")
    )
    is_active = models.BooleanField(_("active"), default=True)
    search_name = models.CharField(max_length=1200, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_index=False,
    )
    updated_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [models.Index(fields=["watchlist", "is_active"], name="entry_list_active")]
        constraints = [
            models.UniqueConstraint(
                fields=["watchlist", "external_id"],
                condition=~Q(external_id=""),
                name="entry_external_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="entry_valid_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def status(self, today: date) -> str:
        """ "inactive", "upcoming", "ended" or "current" on the given day."""
        if not self.is_active:
            return "inactive"
        if self.valid_from > today:
            return "upcoming"
        if self.valid_until is not None and self.valid_until < today:
            return "ended"
        return "current"


class EntryPhoto(models.Model):
    """A small photo of the listed person, when the district has one; removed with the entry."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="photo"
    )
    jpeg = models.BinaryField()
    added_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"photo of entry {self.entry_id}"


class ApprovedVisitor(models.Model):
    """A visitor a person has checked is not the listed person they resemble: that pair is no
    longer raised at check-in (the visitor still is, against every other entry)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    visitor = models.ForeignKey(Visitor, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="approvals")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-approved_at"]
        constraints = [
            models.UniqueConstraint(fields=["visitor", "entry"], name="approved_visitor_unique"),
        ]

    def __str__(self) -> str:
        return f"visitor {self.visitor_id} approved against entry {self.entry_id}"


class Alert(models.Model):
    """A possible match at check-in, for the school's designated officials to answer. The
    visit is held (no badge) until an official answers "Not this person"."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting for an official")
        COMING = "coming", _("An official is on the way")
        CONFIRMED = "confirmed", _("It is the listed person")
        RELEASED = "released", _("Not the listed person: released")

    OPEN_STATES = (State.WAITING, State.COMING, State.CONFIRMED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="watchlist_alert")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=16, choices=State.choices, default=State.WAITING)
    raised_at = models.DateTimeField(default=timezone.now)
    coming_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    confirmed_entry = models.ForeignKey(
        Entry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["school", "-raised_at"], name="alert_school_recent")]

    def __str__(self) -> str:
        return f"possible match at {self.school} ({self.state})"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class Candidate(models.Model):
    """A list entry that a check-in resembles, with the matcher's reasons in plain words."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="candidates")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["alert", "position"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "entry"], name="candidate_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"candidate {self.entry_id} for alert {self.alert_id}"
