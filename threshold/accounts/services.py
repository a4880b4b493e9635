"""Every change to districts, schools, staff and roles. Each writes its audit event in the same
transaction, and is called alike by pages, commands and (later) the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from threshold.accounts.models import Area, District, Membership, School, User
from threshold.accounts.roles import Role, is_school_role
from threshold.audit.services import record

SCHOOL_FIELDS = ("name", "level", "street", "city", "state", "postal_code", "phone", "is_active")
STAFF_FIELDS = ("full_name", "email", "phone", "preferred_language")

# United States Postal Service codes: the states, the District of Columbia and the territories.
_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI"
)
STATE_CODES = frozenset(_STATES.split())


def _changed(instance: Any, fields: dict[str, Any]) -> list[str]:
    names = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in names:
        setattr(instance, name, fields[name])
    return sorted(names)


def _check_state(state: str) -> None:
    if state not in STATE_CODES:
        raise ValidationError({"state": _("Enter a two-letter state code, for example CT.")})


# Sign-in events ---------------------------------------------------------------------------------


@transaction.atomic
def signed_in(*, user: User) -> None:
    record("auth.signed_in", actor=user, district=user.district, subject=user)


@transaction.atomic
def signed_out(*, user: User) -> None:
    record("auth.signed_out", actor=user, district=user.district, subject=user)


@transaction.atomic
def sign_in_failed(*, email: str, locked: bool) -> None:
    """A failed sign-in, on the account's district chain when the account exists."""
    user = User.objects.filter(email__iexact=email.strip()).first() if email else None
    action = "auth.locked_out" if locked else "auth.sign_in_failed"
    if user is None:
        # No account by that address: record only that it happened, not what was typed.
        record(action, actor=None, district=None, data={"account": "unknown"})
    else:
        record(action, actor=None, district=user.district, subject=user)


@transaction.atomic
def password_reset_requested(*, user: User) -> None:
    record("auth.password_reset_requested", actor=None, district=user.district, subject=user)


@transaction.atomic
def password_reset_completed(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    record("auth.password_reset_completed", actor=user, district=user.district, subject=user)


@transaction.atomic
def password_changed(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    record("auth.password_changed", actor=user, district=user.district, subject=user)


# Districts and schools --------------------------------------------------------------------------


@transaction.atomic
def district_create(*, name: str, state: str, actor: User | None) -> District:
    _check_state(state.upper())
    district = District(name=name, state=state.upper())
    district.full_clean()
    district.save()
    record("district.created", actor=actor, district=district, subject=district)
    return district


@transaction.atomic
def district_update(*, district: District, actor: User | None, name: str, state: str) -> District:
    _check_state(state.upper())
    changed = _changed(district, {"name": name, "state": state.upper()})
    if changed:
        district.full_clean()
        district.save()
        record(
            "district.updated",
            actor=actor,
            district=district,
            subject=district,
            data={"fields": changed},
        )
    return district


def _check_school(school: School) -> None:
    """The rules a school's details follow, beyond each field's own."""
    _check_state(school.state)
    same_name = School.objects.filter(district_id=school.district_id, name__iexact=school.name)
    if same_name.exclude(pk=school.pk).exists():
        raise ValidationError({"name": _("The district already has a school with this name.")})


@transaction.atomic
def school_create(*, district: District, actor: User | None, **fields: Any) -> School:
    unknown = set(fields) - set(SCHOOL_FIELDS)
    if unknown:
        raise TypeError(f"unknown school fields: {sorted(unknown)}")
    school = School(district=district, **fields)
    _check_school(school)
    school.full_clean()
    school.save()
    record("school.created", actor=actor, district=district, school=school, subject=school)
    return school


@transaction.atomic
def school_update(*, school: School, actor: User | None, **fields: Any) -> School:
    unknown = set(fields) - set(SCHOOL_FIELDS)
    if unknown:
        raise TypeError(f"unknown school fields: {sorted(unknown)}")
    changed = _changed(school, fields)
    if changed:
        _check_school(school)
        school.full_clean()
        school.save()
        record(
            "school.updated",
            actor=actor,
            district=school.district,
            school=school,
            subject=school,
            data={"fields": changed},
        )
    return school


def _check_area_name(area: Area) -> None:
    same_name = Area.objects.filter(school_id=area.school_id, name__iexact=area.name)
    if same_name.exclude(pk=area.pk).exists():
        raise ValidationError({"name": _("This school already has an area with this name.")})


@transaction.atomic
def area_create(*, school: School, actor: User | None, name: str, is_public: bool) -> Area:
    position = school.areas.count()
    area = Area(school=school, name=name, is_public=is_public, position=position)
    _check_area_name(area)
    area.full_clean()
    area.save()
    record(
        "area.created",
        actor=actor,
        district=school.district,
        school=school,
        subject=area,
        data={"is_public": is_public},
    )
    return area


@transaction.atomic
def area_update(*, area: Area, actor: User | None, name: str, is_public: bool) -> Area:
    changed = _changed(area, {"name": name, "is_public": is_public})
    if changed:
        _check_area_name(area)
        area.full_clean()
        area.save()
        record(
            "area.updated",
            actor=actor,
            district=area.school.district,
            school=area.school,
            subject=area,
            data={"fields": changed, "is_public": is_public},
        )
    return area


@transaction.atomic
def area_delete(*, area: Area, actor: User) -> None:
    school = area.school
    record("area.deleted", actor=actor, district=school.district, school=school, subject=area)
    area.delete()


# Staff and roles --------------------------------------------------------------------------------


@transaction.atomic
def staff_create(
    *,
    district: District,
    actor: User | None,
    email: str,
    full_name: str,
    phone: str = "",
    preferred_language: str = "en",
) -> User:
    """A new account with no usable password: the person sets one through the reset e-mail."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Another account already uses this e-mail address.")})
    user = User(
        email=email,
        full_name=full_name,
        phone=phone,
        preferred_language=preferred_language,
        district=district,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    record("staff.created", actor=actor, district=district, subject=user)
    return user


@transaction.atomic
def staff_update(*, staff: User, actor: User | None, **fields: Any) -> User:
    unknown = set(fields) - set(STAFF_FIELDS)
    if unknown:
        raise TypeError(f"unknown staff fields: {sorted(unknown)}")
    if "email" in fields:
        fields["email"] = User.objects.normalize_email(fields["email"]).lower()
        taken = User.objects.filter(email__iexact=fields["email"]).exclude(pk=staff.pk)
        if taken.exists():
            raise ValidationError({"email": _("Another account already uses this e-mail address.")})
    changed = _changed(staff, fields)
    if changed:
        staff.full_clean()
        staff.save()
        record(
            "staff.updated",
            actor=actor,
            district=staff.district,
            subject=staff,
            data={"fields": changed},
        )
    return staff


@transaction.atomic
def staff_set_active(*, staff: User, actor: User, active: bool) -> User:
    if staff.pk == actor.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if staff.is_active != active:
        staff.is_active = active
        staff.save(update_fields=["is_active"])
        action = "staff.reactivated" if active else "staff.deactivated"
        record(action, actor=actor, district=staff.district, subject=staff)
    return staff


def _primary_official(school: School | None) -> Membership | None:
    return (
        Membership.objects.select_related("user")
        .filter(school=school, role=Role.DESIGNATED_OFFICIAL, rank=Membership.Rank.PRIMARY)
        .first()
    )


def _check_no_other_primary(school: School | None) -> None:
    # The primary is summoned first when an officer arrives: there must never be two.
    primary = _primary_official(school)
    if primary is not None:
        raise ValidationError(
            {
                "rank": _(
                    "%(name)s is already the primary designated official here. Add this person "
                    "as a backup; you can make them primary from the school's page."
                )
                % {"name": primary.user.full_name}
            }
        )


@transaction.atomic
def role_grant(
    *,
    staff: User,
    actor: User | None,
    role: str,
    school: School | None = None,
    rank: int = Membership.Rank.PRIMARY,
) -> Membership:
    """Give a staff member a role at a school (school roles) or across the district."""
    district = staff.district
    if district is None:
        raise ValidationError(_("This account belongs to no district."))
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    if is_school_role(role):
        if school is None:
            raise ValidationError({"school": _("Choose the school for this role.")})
        if school.district_id != district.pk:
            raise ValidationError({"school": _("The school is not in this district.")})
    elif school is not None:
        raise ValidationError({"school": _("This role covers the whole district: no school.")})
    if role != Role.DESIGNATED_OFFICIAL:
        rank = Membership.Rank.PRIMARY
    elif rank not in Membership.Rank.values:
        raise ValidationError({"rank": _("Choose primary or backup.")})
    existing = Membership.objects.filter(user=staff, role=role, school=school, district=district)
    if existing.exists():
        raise ValidationError(_("This person already has that role there."))
    if role == Role.DESIGNATED_OFFICIAL and rank == Membership.Rank.PRIMARY:
        _check_no_other_primary(school)
    membership = Membership.objects.create(
        user=staff, district=district, school=school, role=role, rank=rank
    )
    record(
        "role.granted",
        actor=actor,
        district=district,
        school=school,
        subject=staff,
        data={"role": role, "membership": str(membership.pk), "rank": rank},
    )
    return membership


@transaction.atomic
def role_revoke(*, membership: Membership, actor: User) -> None:
    if membership.user_id == actor.pk and membership.role == Role.DISTRICT_ADMIN:
        others = Membership.objects.filter(
            district=membership.district, role=Role.DISTRICT_ADMIN, user__is_active=True
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise ValidationError(
                _("You are the district's only administrator: name another one first.")
            )
    record(
        "role.revoked",
        actor=actor,
        district=membership.district,
        school=membership.school,
        subject=membership.user,
        data={"role": membership.role, "membership": str(membership.pk)},
    )
    membership.delete()


@transaction.atomic
def role_set_rank(*, membership: Membership, actor: User, rank: int) -> Membership:
    """Change a designated official's place in the order. Making one primary makes the former
    primary a backup, so that a school never has two primaries."""
    if membership.role != Role.DESIGNATED_OFFICIAL:
        raise ValidationError(_("Only designated officials have an order."))
    if rank not in Membership.Rank.values:
        raise ValidationError({"rank": _("Choose primary or backup.")})
    if membership.rank == rank:
        return membership
    if rank == Membership.Rank.PRIMARY:
        former = _primary_official(membership.school)
        if former is not None:
            _set_rank(former, actor=actor, rank=Membership.Rank.BACKUP)
    _set_rank(membership, actor=actor, rank=rank)
    return membership


def _set_rank(membership: Membership, *, actor: User, rank: int) -> None:
    membership.rank = rank
    membership.save(update_fields=["rank"])
    record(
        "role.rank_changed",
        actor=actor,
        district=membership.district,
        school=membership.school,
        subject=membership.user,
        data={"role": membership.role, "membership": str(membership.pk), "rank": rank},
    )


@transaction.atomic
def password_link_sent(*, staff: User, actor: User) -> None:
    """Record that an administrator sent a staff member the link to set their password."""
    if not staff.is_active:
        raise ValidationError(_("This account is deactivated: reactivate it first."))
    record("staff.password_link_sent", actor=actor, district=staff.district, subject=staff)
