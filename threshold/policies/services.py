"""Adopting a policy pack for a district, and recording counsel's sign-off."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import District, User
from threshold.audit.services import record
from threshold.policies.models import PackAdoption, PackSignOff
from threshold.protocol import OptionError, PackError, PackNotFound, load_pack


@transaction.atomic
def pack_adopt(
    *,
    district: District,
    actor: User,
    pack_id: str,
    version: str,
    options: Mapping[str, object],
) -> PackAdoption:
    """Make a pack version, with these option values, the one the district's schools follow."""
    try:
        pack = load_pack(pack_id, version)
        values = pack.resolve_options(options)
    except (PackNotFound, PackError):
        raise ValidationError(_("That policy pack version is not available.")) from None
    except OptionError as error:
        raise ValidationError(str(error)) from None
    # Lock the district's adoptions so that two administrators cannot both be "current".
    list(PackAdoption.objects.select_for_update().filter(district=district, is_current=True))
    PackAdoption.objects.filter(district=district, is_current=True).update(is_current=False)
    adoption = PackAdoption.objects.create(
        district=district,
        pack_id=pack.id,
        pack_version=pack.version,
        pack_digest=pack.digest,
        options=values,
        adopted_by=actor,
    )
    record(
        "policy.pack_adopted",
        actor=actor,
        district=district,
        subject=adoption,
        data={
            "pack": pack.id,
            "version": pack.version,
            "digest": pack.digest,
            "options": dict(values),
        },
    )
    # Drills completed under the previous pack whose answers this one changes are due again.
    from threshold.training.services import reopen_after_pack_change

    reopen_after_pack_change(district=district, adoption=adoption, actor=actor)
    return adoption


@transaction.atomic
def pack_sign_off(
    *,
    adoption: PackAdoption,
    actor: User,
    counsel_name: str,
    signed_on: date,
    scope: str,
) -> PackSignOff:
    """Record that counsel reviewed the district's pack in force, with its options."""
    adoption = PackAdoption.objects.select_for_update().get(pk=adoption.pk)
    if not adoption.is_current:
        raise ValidationError(_("Only the pack in force can be signed off."))
    if PackSignOff.objects.filter(adoption=adoption).exists():
        raise ValidationError(_("This adoption is signed off already."))
    try:
        shipped = load_pack(adoption.pack_id, adoption.pack_version)
    except (PackNotFound, PackError):
        raise ValidationError(
            _("The adopted pack is no longer available: adopt one again.")
        ) from None
    if shipped.digest != adoption.pack_digest:
        raise ValidationError(
            _("The pack's text changed since it was adopted: adopt it again, then sign off.")
        )
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("The review date cannot be in the future.")})
    signoff = PackSignOff(
        adoption=adoption,
        counsel_name=counsel_name.strip(),
        signed_on=signed_on,
        scope=scope.strip(),
        recorded_by=actor,
    )
    signoff.full_clean()
    signoff.save()
    record(
        "policy.pack_signed_off",
        actor=actor,
        district=adoption.district,
        subject=adoption,
        data={
            "pack": adoption.pack_id,
            "version": adoption.pack_version,
            "digest": adoption.pack_digest,
            "signed_on": signed_on.isoformat(),
        },
    )
    return signoff
