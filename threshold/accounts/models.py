"""Districts, their schools, staff accounts and the roles staff hold.

Every table here has a UUID primary key: ids appear in URLs and in the audit trail, and must not be
guessable or reveal how many rows exist.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from threshold.accounts.roles import SCHOOL_ROLES, Role

# The school roles in a fixed order, the one the first migration wrote into the membership check
# constraint. A set's order changes from one process to the next (string hashing is randomized), so
# a list built from SCHOOL_ROLES made `makemigrations` see a changed constraint on most runs.
SCHOOL_ROLE_VALUES = [
    r.value for r in (Role.FRONT_OFFICE, Role.PRINCIPAL, Role.STAFF, Role.DESIGNATED_OFFICIAL)
]
assert set(SCHOOL_ROLE_VALUES) == {r.value for r in SCHOOL_ROLES}


class District(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    state = models.CharField(
        _("state"), max_length=2, help_text=_("Two-letter postal code, for example CT.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    class Level(models.TextChoices):
        ELEMENTARY = "elementary", _("Elementary school")
        MIDDLE = "middle", _("Middle school")
        HIGH = "high", _("High school")
        OTHER = "other", _("Other")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    # The address is compared with the premises a warrant describes, so it is kept in parts.
    street = models.CharField(_("street address"), max_length=200)
    city = models.CharField(_("town or city"), max_length=100)
    state = models.CharField(_("state"), max_length=2)
    postal_code = models.CharField(_("ZIP code"), max_length=10)
    phone = models.CharField(_("main office phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="school_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.city}, {self.state} {self.postal_code}"


class Area(models.Model):
    """A part of a school's premises, public (open to any visitor) or not."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=100)
    is_public = models.BooleanField(_("open to the public"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="area_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A staff member's account. Signs in with an e-mail address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(
        _("mobile phone"), max_length=30, blank=True, help_text=_("For urgent alerts.")
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    preferred_language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("en", _("English")), ("es", _("Spanish"))],
        default="en",
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(default=timezone.now, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Membership(models.Model):
    """A role a staff member holds at one school, or across their district."""

    class Rank(models.IntegerChoices):
        PRIMARY = 1, _("Primary")
        BACKUP = 2, _("Backup")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="memberships")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="memberships", null=True, blank=True
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    # For designated officials: the primary is summoned first, then the backups.
    rank = models.PositiveSmallIntegerField(_("order"), choices=Rank.choices, default=Rank.PRIMARY)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["role", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "school"],
                name="membership_school_role_unique",
                condition=Q(school__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "district"],
                name="membership_district_role_unique",
                condition=Q(school__isnull=True),
            ),
            models.CheckConstraint(
                condition=(
                    Q(role__in=SCHOOL_ROLE_VALUES, school__isnull=False)
                    | (~Q(role__in=SCHOOL_ROLE_VALUES) & Q(school__isnull=True))
                ),
                name="membership_role_matches_scope",
            ),
        ]

    def __str__(self) -> str:
        where = self.school.name if self.school else self.district.name
        return f"{self.get_role_display()} · {where}"
