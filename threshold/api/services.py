"""Making and revoking devices' tokens (audited), and finding the device a token belongs to."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import School, User
from threshold.api import tokens
from threshold.api.models import Device, Scope
from threshold.audit.services import record

NAME_MAX = 100
# How stale "last used" may be: a request writes it only when it is older than this, so that a
# busy device costs one write a minute rather than one per request.
LAST_USED_PRECISION = timedelta(minutes=1)


def _account(device_id: uuid.UUID, name: str) -> User:
    """The device's own account: what `checked_in_by` and audit events name. Inactive and without
    a password (nobody signs in with it), and of no district (no staff list shows it)."""
    account = User(
        email=f"device-{device_id}@devices.invalid",
        full_name=f"API device: {name}"[:200],
        district=None,
        is_active=False,
    )
    account.set_unusable_password()
    account.save()
    return account


@transaction.atomic
def device_create(
    *,
    school: School,
    actor: User,
    name: str,
    scopes: Iterable[str],
    now: datetime | None = None,
) -> tuple[Device, str]:
    """Make a device for one school with the given scopes. Returns the device and its token: the
    token exists only in this return value, so the caller shows it once and forgets it."""
    now = now or timezone.now()
    if actor.district_id != school.district_id:
        raise ValueError("a district administrator makes devices for their own district's schools")
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Name the device, for example “Front desk tablet”.")})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("Keep the name under 100 characters.")})
    chosen = sorted(set(scopes))
    unknown = set(chosen) - set(Scope.values)
    if unknown:
        raise ValueError(f"unknown scopes: {sorted(unknown)}")
    if not chosen:
        raise ValidationError({"scopes": _("Choose at least one thing the device may do.")})
    device_id = uuid.uuid4()
    token = tokens.new_token()
    device = Device.objects.create(
        id=device_id,
        school=school,
        name=name,
        scopes=chosen,
        account=_account(device_id, name),
        token_hash=tokens.digest(token),
        token_hint=tokens.hint(token),
        created_at=now,
        created_by=actor,
    )
    record(
        "device.created",
        actor=actor,
        district=school.district,
        school=school,
        subject=device,
        data={"scopes": chosen, "account": str(device.account_id)},
    )
    return device, token


@transaction.atomic
def device_revoke(*, device: Device, actor: User, now: datetime | None = None) -> Device:
    """Revoke a device's token: from this moment every request with it answers 401. For good: a
    device that should work again gets a new token (a new device)."""
    now = now or timezone.now()
    revoked = Device.objects.filter(pk=device.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=actor
    )
    if not revoked:
        raise ValidationError(_("This device's token was already revoked."))
    device.revoked_at, device.revoked_by = now, actor
    record(
        "device.revoked",
        actor=actor,
        district=device.school.district,
        school=device.school,
        subject=device,
    )
    return device


def device_for_token(token: str, *, now: datetime | None = None) -> Device | None:
    """The active device a token belongs to, with its school, district (and the district's desk
    settings) and account; None for a token that is malformed, unknown or revoked. One query, and
    a write at most once a minute."""
    if not tokens.well_formed(token):
        return None
    presented = tokens.digest(token)
    try:
        device = Device.objects.select_related("school__district__visitor_settings", "account").get(
            token_hash=presented, revoked_at__isnull=True
        )
    except Device.DoesNotExist:
        return None
    # The lookup is by the hash of what was presented, which an attacker cannot steer byte by
    # byte; comparing in constant time as well costs nothing.
    if not tokens.same_digest(device.token_hash, presented):
        return None
    now = now or timezone.now()
    if device.last_used_at is None or now - device.last_used_at >= LAST_USED_PRECISION:
        Device.objects.filter(pk=device.pk).update(last_used_at=now)
        device.last_used_at = now
    return device
