"""Student records under FERPA: the roster (minimal), the district's directory-information policy
and opt-outs, requests for student information, notices to parents, and the record of requests and
disclosures that 34 CFR 99.32 requires.

A student is kept with the least the job needs: local id, name, school, grade, date of birth, the
directory opt-out, whether the student holds the FERPA rights, and how to reach the parents. No
other demographic field exists here, and none is read from an import.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.models import District, School
from threshold.notices.texts import LANGUAGES as NOTICE_LANGUAGES
from threshold.policies import labels

# The languages of notices to families, each named in itself (a family finds its own).
LANGUAGES = list(NOTICE_LANGUAGES.items())


class DirectoryCategory(models.TextChoices):
    """What a district may designate as directory information (34 CFR 99.3). Place of birth is
    left out on purpose: it points at national origin."""

    NAME = "name", _("Name")
    ADDRESS = "address", _("Home address")
    PHONE = "phone", _("Telephone listing")
    EMAIL = "email", _("E-mail address")
    PHOTO = "photo", _("Photograph")
    DATE_OF_BIRTH = "date_of_birth", _("Date of birth")
    GRADE = "grade", _("Grade level")
    ENROLLMENT = "enrollment", _("Enrollment status")
    ATTENDANCE_DATES = "attendance_dates", _("Dates of attendance")
    ACTIVITIES = "activities", _("Activities and sports")
    ATHLETES = "athletes", _("Height and weight of athletes")
    HONORS = "honors", _("Degrees, honors and awards")
    PRIOR_SCHOOL = "prior_school", _("Most recent previous school")


class DirectoryParty(models.TextChoices):
    """Parties a district's annual notice may limit directory disclosures to (34 CFR 99.37(d))."""

    SCHOOL_ORGANIZATIONS = "school_organizations", _("School organizations (PTA, yearbook)")
    COLLEGES_AND_RECRUITERS = "colleges_and_recruiters", _("Colleges and military recruiters")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    OTHER_GOVERNMENT = "other_government", _("Other government agencies")
    PRIVATE_PARTIES = "private_parties", _("Other private parties")


class RecordsPolicy(models.Model):
    """The district's directory-information notice and its records settings."""

    district = models.OneToOneField(
        District, on_delete=models.PROTECT, primary_key=True, related_name="records_policy"
    )
    directory_categories = models.JSONField(_("directory information designated"), default=list)
    parties_limited = models.BooleanField(
        _("the notice limits who may receive directory information"), default=False
    )
    directory_parties = models.JSONField(_("parties the notice allows"), default=list)
    directory_purposes = models.TextField(
        _("purposes the notice allows"),
        blank=True,
        help_text=_("Leave empty when the notice sets no limit on purposes."),
    )
    annual_notice_on = models.DateField(_("date of the annual notice"), null=True, blank=True)
    opt_out_days = models.PositiveSmallIntegerField(
        _("days parents have to opt out after the notice"), default=14
    )
    notice_period_days = models.PositiveSmallIntegerField(
        _("days between the parent's notice and any release"),
        default=10,
        help_text=_("Time for the parent to ask the court for protection (34 CFR 99.31(a)(9))."),
    )
    response_days = models.PositiveSmallIntegerField(_("days to answer a request"), default=10)
    retention_years = models.PositiveSmallIntegerField(
        _("years the record of disclosures is kept after a student leaves"),
        default=5,
        help_text=_("As long as the district keeps the student's education record."),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.district)


class Student(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="students")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="students")
    # The key the student information system gives the student (OneRoster sourcedId, or the
    # local id of a simple file): what makes a second import of the same roster change nothing.
    source_key = models.CharField(max_length=255)
    local_id = models.CharField(_("student number"), max_length=64)
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    grade = models.CharField(_("grade"), max_length=8, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    eligible_flag = models.BooleanField(
        _("holds the FERPA rights (eligible student)"),
        default=False,
        help_text=_("A student 18 or older holds them whatever this says."),
    )
    directory_opt_out = models.BooleanField(_("opted out of directory information"), default=False)
    email = models.EmailField(_("student's e-mail"), blank=True)
    is_active = models.BooleanField(_("enrolled"), default=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "source_key"], name="student_source_unique")
        ]
        indexes = [models.Index(fields=["district", "local_id"])]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def is_eligible(self, today: date) -> bool:
        """The FERPA rights are the student's at 18 (34 CFR 99.3, 99.5)."""
        if self.eligible_flag:
            return True
        born = self.date_of_birth
        if born is None:
            return False
        return (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) >= 18


class Guardian(models.Model):
    """A parent or guardian to notify, in their language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=LANGUAGES, default="en"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class OptOutChange(models.Model):
    """One change of a student's directory opt-out: the history a parent or auditor may ask for."""

    class Source(models.TextChoices):
        IMPORT = "import", _("Roster import")
        OFFICER = "officer", _("Records officer")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="opt_out_changes")
    opted_out = models.BooleanField(_("opted out"))
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.student_id} {self.opted_out} {self.changed_at:%Y-%m-%d}"


def _choices(table: Mapping[str, object]) -> list[tuple[str, object]]:
    return list(table.items())


class RecordsRequest(models.Model):
    """A request for student information, from anyone, however it came in."""

    class Status(models.TextChoices):
        DENIED = "denied", _("Refused")
        WITH_COUNSEL = "with_counsel", _("With counsel")
        AWAITING_NOTICE = "awaiting_notice", _("Parent notice to send")
        NOTICE_SENT = "notice_sent", _("Notice sent: waiting period")
        READY = "ready", _("May be released")
        DISCLOSED = "disclosed", _("Released")
        CLOSED = "closed", _("Closed")

    class Direction(models.TextChoices):
        RELEASE_AFTER_NOTICE = "release_after_notice", _("Release after notice to the parent")
        RELEASE_UNDER_ORDER = (
            "release_under_order",
            _("Release without notice, as the order requires"),
        )
        NO_RELEASE = "no_release", _("Release nothing")

    OPEN_STATUSES = (
        Status.WITH_COUNSEL,
        Status.AWAITING_NOTICE,
        Status.NOTICE_SENT,
        Status.READY,
    )

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    student = models.ForeignKey(
        Student, on_delete=models.PROTECT, related_name="requests", null=True, blank=True
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    channel = models.CharField(_("how it came"), max_length=16, choices=_choices(labels.CHANNEL))
    requester_name = models.CharField(_("requester's name"), max_length=200, blank=True)
    requester_agency = models.CharField(
        _("who is asking"), max_length=32, choices=_choices(labels.AGENCY)
    )
    requester_organization = models.CharField(_("organization"), max_length=200, blank=True)
    requester_badge = models.CharField(_("badge or ID number"), max_length=64, blank=True)
    requester_phone = models.CharField(_("phone"), max_length=30, blank=True)
    requester_email = models.EmailField(_("e-mail"), blank=True)
    business_card = models.BooleanField(_("left a business card"), default=False)
    requested = models.JSONField(_("what is asked for"), default=list)
    # For directory information: the items asked for (DirectoryCategory codes), whether a
    # request naming no student leaves out those who opted out, and whether the stated purpose
    # is one the district's notice allows (34 CFR 99.37(a), (d)).
    directory_items = models.JSONField(_("directory items asked for"), default=list, blank=True)
    opted_out_excluded = models.BooleanField(
        _("students who opted out are left out"), default=False
    )
    purpose_within_notice = models.BooleanField(
        _("the purpose is one the notice allows"), default=False
    )
    # What the pack says someone must be told and Threshold does not do itself: each with the
    # day it was done and by whom ({"code", "done_on", "done_by"}).
    duties = models.JSONField(default=list, blank=True)
    description = models.TextField(_("the request in their words"), blank=True)
    stated_interest = models.TextField(_("their stated interest or purpose"), blank=True)
    document_class = models.CharField(
        _("document presented"), max_length=32, blank=True, choices=_choices(labels.DOCUMENT)
    )
    document_reference = models.CharField(
        _("court, case or document number"), max_length=200, blank=True
    )
    facial_check = models.CharField(
        _("surface checks"),
        max_length=32,
        default="NOT_APPLICABLE",
        choices=_choices(labels.FACIAL_CHECK),
    )
    nondisclosure = models.CharField(
        _("confidentiality terms"),
        max_length=32,
        default="NONE",
        choices=_choices(labels.NONDISCLOSURE),
    )
    identified_by_non_directory_info = models.BooleanField(
        _("student identified by non-directory information"), default=False
    )
    respond_by = models.DateField(_("the document's return date"), null=True, blank=True)
    due_on = models.DateField(_("due"))
    # The engine's decision as it was given, with the pack that gave it.
    decision = models.JSONField(default=dict)
    records_outcome = models.CharField(max_length=40, choices=_choices(labels.RECORDS))
    pack = models.CharField(max_length=80)
    restricted = models.BooleanField(_("restricted file"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # A court order that sets its own date for release, earlier than the district's period.
    release_order_on = models.DateField(_("release date set by an order"), null=True, blank=True)
    release_order_reference = models.CharField(_("the order"), max_length=200, blank=True)
    disclosed_on = models.DateField(_("released on"), null=True, blank=True)
    disclosed_what = models.TextField(_("what was released"), blank=True)
    disclosed_to = models.CharField(_("released to"), max_length=300, blank=True)
    redisclosure_conditions = models.TextField(_("conditions on redisclosure"), blank=True)
    disclosed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    closed_note = models.TextField(_("why it was closed"), blank=True)
    # Counsel's direction, when the policy pack holds the request for counsel.
    counsel_direction = models.CharField(
        _("counsel's direction"), max_length=24, choices=Direction.choices, blank=True
    )
    counsel_name = models.CharField(_("counsel"), max_length=200, blank=True)
    counsel_note = models.TextField(_("counsel's reasons"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on", "received_at"]
        indexes = [models.Index(fields=["district", "status", "due_on"])]

    def __str__(self) -> str:
        return _("Request %(ref)s") % {"ref": self.reference}

    @property
    def reference(self) -> str:
        return str(self.pk).split("-")[0].upper()

    def requester_display(self) -> str:
        """Who asked, as a notice names them: the organisation, else the agency, with the name."""
        body = self.requester_organization or self.get_requester_agency_display()
        return ", ".join(part for part in (self.requester_name, body) if part)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def requested_labels(self) -> list[str]:
        return [labels.say(labels.REQUEST, code) for code in self.requested]

    def directory_item_labels(self) -> list[str]:
        names = dict(DirectoryCategory.choices)
        return [str(names.get(code, code)) for code in self.directory_items]


class Notice(models.Model):
    """A notice to a parent (or an eligible student) before a release, as it was sent."""

    class Method(models.TextChoices):
        EMAIL = "email", _("E-mail")
        MAIL = "mail", _("Letter by post")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be delivered")
        TO_POST = "to_post", _("Letter to print and post")
        POSTED = "posted", _("Posted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(RecordsRequest, on_delete=models.CASCADE, related_name="notices")
    recipient_name = models.CharField(_("to"), max_length=200)
    recipient_email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    method = models.CharField(_("sent by"), max_length=8, choices=Method.choices)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)
    # The waiting period runs from delivery: an e-mail once the mail server took it, a letter
    # once the office marks it posted. Until then there is no release date.
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    failure = models.CharField(_("why it failed"), max_length=300, blank=True)
    # The date the notice itself names (the period counted from when it was written); the
    # release waits for the full period after delivery.
    stated_release = models.DateField(_("release date in the notice"), null=True, blank=True)
    earliest_release = models.DateField(_("no release before"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["sent_at"]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_letter(self) -> bool:
        return self.method == self.Method.MAIL


class DisclosureEntry(models.Model):
    """One line of a student's record of requests and disclosures (34 CFR 99.32)."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request")
        REFUSED = "refused", _("Request refused")
        DISCLOSURE = "disclosure", _("Disclosure")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    student = models.ForeignKey(Student, on_delete=models.PROTECT, related_name="disclosures")
    request = models.ForeignKey(
        RecordsRequest, on_delete=models.PROTECT, related_name="entries", null=True
    )
    kind = models.CharField(_("entry"), max_length=16, choices=Kind.choices)
    on_date = models.DateField(_("date"))
    parties = models.CharField(_("parties who asked or received"), max_length=400)
    legitimate_interest = models.TextField(_("their legitimate interest"))
    basis = models.TextField(_("basis for the release or refusal"))
    what_disclosed = models.TextField(_("what was disclosed"), blank=True)
    redisclosure_conditions = models.TextField(_("conditions on redisclosure"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on_date", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="disclosure") | ~Q(what_disclosed=""),
                name="disclosure_entry_says_what",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on_date:%Y-%m-%d}"
