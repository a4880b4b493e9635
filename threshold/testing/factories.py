"""Explicit factories for tests: each makes one row, with the fields a test names."""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from threshold.accounts.models import Area, District, Membership, School, User
from threshold.accounts.roles import is_school_role

PASSWORD = "correct horse battery staple"  # noqa: S105 (test accounts only)
_counter = itertools.count(1)
_password_hash: str | None = None


def password_hash() -> str:
    """Argon2 is slow by design: hash the shared test password once per run."""
    global _password_hash
    if _password_hash is None:
        _password_hash = make_password(PASSWORD)
    return _password_hash


def district(**fields: Any) -> District:
    n = next(_counter)
    values = {"name": f"District {n}", "state": "CT", **fields}
    return District.objects.create(**values)


def school(district: District, **fields: Any) -> School:
    n = next(_counter)
    values = {
        "name": f"School {n}",
        "level": School.Level.ELEMENTARY,
        "street": f"{n} Main Street",
        "city": "Hartford",
        "state": "CT",
        "postal_code": "06103",
        **fields,
    }
    return School.objects.create(district=district, **values)


def area(school: School, *, name: str = "Lobby", is_public: bool = True) -> Area:
    return Area.objects.create(school=school, name=name, is_public=is_public)


def user(district: District | None, **fields: Any) -> User:
    n = next(_counter)
    values = {"email": f"person{n}@example.org", "full_name": f"Person {n}", **fields}
    return User.objects.create(district=district, password=password_hash(), **values)


def membership(user: User, role: str, *, school: School | None = None, rank: int = 1) -> Membership:
    if user.district is None:
        raise ValueError("give the user a district first")
    if is_school_role(role) and school is None:
        raise ValueError(f"{role} needs a school")
    return Membership.objects.create(
        user=user, district=user.district, school=school, role=role, rank=rank
    )


def staff_with_role(
    district: District, role: str, *, school: School | None = None, **fields: Any
) -> User:
    with transaction.atomic():
        person = user(district, **fields)
        membership(person, role, school=school)
    return person


# Visitors ---------------------------------------------------------------------------------------


def visitor(district: District, **fields: Any) -> Any:
    from threshold.visitors.identity import fold
    from threshold.visitors.models import Visitor

    n = next(_counter)
    values = {"family_name": f"Visitor{n}", "given_names": "Pat", **fields}
    values.setdefault("search_name", fold(f"{values['given_names']} {values['family_name']}"))
    return Visitor.objects.create(district=district, **values)


_new_visitor = visitor


def visit(school: School, *, checked_in_by: User, visitor: Any = None, **fields: Any) -> Any:
    """An open visit (checked in an hour ago, badge valid for eleven more hours)."""
    import base64
    import secrets
    from datetime import timedelta

    from django.utils import timezone

    from threshold.visitors.models import Visit

    now = timezone.now()
    values = {
        "visitor_type": Visit.Type.PARENT,
        "id_check": Visit.IdCheck.BY_HAND,
        "checked_in_at": now - timedelta(hours=1),
        "badge_expires_at": now + timedelta(hours=11),
        "checkout_code": base64.b32encode(secrets.token_bytes(10)).decode(),
        **fields,
    }
    return Visit.objects.create(
        school=school,
        visitor=visitor or _new_visitor(school.district),
        checked_in_by=checked_in_by,
        **values,
    )


# API devices ------------------------------------------------------------------------------------


def device(
    school: School,
    *,
    scopes: list[str] | None = None,
    name: str = "Front desk tablet",
    revoked: bool = False,
) -> tuple[Any, str]:
    """A device of the school's API, with its own account; returns the device and its token."""
    from django.utils import timezone

    from threshold.api import tokens
    from threshold.api.models import Device, Scope

    n = next(_counter)
    account = User.objects.create(
        email=f"device{n}@devices.invalid", full_name=f"API device: {name}", is_active=False
    )
    account.set_unusable_password()
    account.save(update_fields=["password"])
    token = tokens.new_token()
    admin = user(school.district, full_name=f"Admin {n}")
    made = Device.objects.create(
        school=school,
        name=name,
        scopes=sorted(scopes if scopes is not None else Scope.values),
        account=account,
        token_hash=tokens.digest(token),
        token_hint=tokens.hint(token),
        created_by=admin,
        revoked_at=timezone.now() if revoked else None,
        revoked_by=admin if revoked else None,
    )
    return made, token


# Watchlists -------------------------------------------------------------------------------------


def watchlist(district: District, *, kind: str = "district", **fields: Any) -> Any:
    """A district's list, current as of now unless told otherwise."""
    from django.utils import timezone

    from threshold.watchlists.models import Watchlist

    now = timezone.now()
    values = {
        "max_age_days": Watchlist.DEFAULT_MAX_AGE[Watchlist.Kind(kind)],
        "changed_at": now,
        "current_as_of": now,
        "version": 1,
        **fields,
    }
    found, created = Watchlist.objects.get_or_create(district=district, kind=kind, defaults=values)
    if not created and fields:
        Watchlist.objects.filter(pk=found.pk).update(**fields)
        found.refresh_from_db()
    return found


def watchlist_entry(
    district: District,
    *,
    kind: str = "district",
    schools: list[School] | None = None,
    photo: bytes | None = None,
    **fields: Any,
) -> Any:
    """An active entry on the district's list (made if needed); the list's version moves, as a
    service's change would move it."""
    from django.db.models import F

    from threshold.visitors.identity import fold
    from threshold.watchlists.models import Entry, EntryPhoto, Watchlist

    listed = watchlist(district, kind=kind)
    values = {
        "family_name": "Smith",
        "given_name": "Bob",
        "reason": "registry" if kind == "registry" else "custody",
        **fields,
    }
    values.setdefault(
        "search_name",
        fold(" ".join([values["given_name"], values["family_name"], *values.get("aliases", [])])),
    )
    if schools:
        values["all_schools"] = False
    entry = Entry.objects.create(watchlist=listed, district=district, **values)
    if schools:
        entry.schools.set(schools)
    if photo is not None:
        EntryPhoto.objects.create(entry=entry, jpeg=photo)
    Watchlist.objects.filter(pk=listed.pk).update(version=F("version") + 1)
    return entry
