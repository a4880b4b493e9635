"""Every change at the front desk, and the sensitive reads that are recorded. Each writes its audit
event in the same transaction; events name visits and visitors by id, never by name."""

from __future__ import annotations

import base64
import io
import secrets
import warnings
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from threshold.accounts.models import Area, District, School, User
from threshold.audit.services import record
from threshold.visitors import clock, queries
from threshold.visitors.identity import Identity, fold
from threshold.visitors.models import Visit, Visitor, VisitorPhoto, VisitorSettings
from threshold.visitors.screening import screen, screened

PHOTO_SIZE = (240, 320)
MAX_PHOTO_PIXELS = 50_000_000  # a 50-megapixel camera; larger is not a photo of a person
SETTINGS_FIELDS = (
    "time_zone",
    "end_of_day",
    "badge_hours",
    "badge_size",
    "photos",
    "retention_days",
)


class AlreadyCheckedOut(ValidationError):
    """The visit had already ended (another desk, the badge, or the end of the day)."""


@dataclass(frozen=True)
class VisitDetails:
    """What the desk asks about a visit."""

    visitor_type: str
    purpose: str = ""
    host: str = ""
    area: Area | None = None


def _new_code() -> str:
    # 80 random bits in base 32 (A-Z, 2-7): a QR code in its compact alphanumeric mode, and
    # letters that survive a scanner typing with caps lock on.
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def _jpeg(data: bytes) -> bytes:
    """A small JPEG for the badge, without the camera's metadata."""
    unreadable = ValidationError({"photo": _("The photo could not be read. Take it again.")})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PHOTO_PIXELS:
                    raise unreadable
                opened.draft("RGB", (PHOTO_SIZE[0] * 2, PHOTO_SIZE[1] * 2))
                image = ImageOps.exif_transpose(opened).convert("RGB")
                image.thumbnail(PHOTO_SIZE)
                out = io.BytesIO()
                image.save(out, format="JPEG", quality=80)
    except ValidationError:
        raise
    except Exception:
        # Pillow raises many kinds of exception for a corrupt or hostile file: all mean this.
        raise unreadable from None
    return out.getvalue()


def _set_name(visitor: Visitor, person: Identity) -> None:
    visitor.family_name = person.family_name.strip()
    visitor.given_names = person.given_names.strip()
    visitor.search_name = fold(f"{visitor.given_names} {visitor.family_name}")


def _check_details(school: School, details: VisitDetails) -> None:
    if details.visitor_type not in Visit.Type.values:
        raise ValidationError({"visitor_type": _("Choose the kind of visitor.")})
    if details.area is not None and details.area.school_id != school.pk:
        raise ValidationError({"area": _("Choose an area of this school.")})


def _new_visitor(*, district: District, person: Identity, actor: User, now: datetime) -> Visitor:
    if not person.family_name.strip():
        raise ValidationError({"family_name": _("Enter the visitor's family name.")})
    visitor = Visitor(
        district=district,
        date_of_birth=person.date_of_birth,
        document_last4=person.document_last4[-4:],
        created_at=now,
        last_visit_at=now,
    )
    _set_name(visitor, person)
    visitor.full_clean()
    visitor.save()
    record("visitor.created", actor=actor, district=district, subject=visitor)
    return visitor


def _refresh_visitor(
    *, visitor: Visitor, scanned: Identity | None, actor: User, now: datetime
) -> None:
    """A returning visitor: note the visit, and take a newer card's details when scanned."""
    changed: list[str] = []
    if scanned is not None:
        if scanned.document_last4 and scanned.document_last4 != visitor.document_last4:
            visitor.document_last4 = scanned.document_last4[-4:]
            changed.append("document_last4")
        if (scanned.family_name, scanned.given_names) != (visitor.family_name, visitor.given_names):
            _set_name(visitor, scanned)
            changed.append("name")
        if visitor.date_of_birth is None and scanned.date_of_birth is not None:
            visitor.date_of_birth = scanned.date_of_birth
            changed.append("date_of_birth")
    visitor.last_visit_at = now
    columns = {"last_visit_at"}
    for name in changed:
        columns |= {"family_name", "given_names", "search_name"} if name == "name" else {name}
    visitor.save(update_fields=sorted(columns))
    if changed:
        record(
            "visitor.updated",
            actor=actor,
            district=visitor.district,
            subject=visitor,
            data={"fields": changed},
        )


def _close_earlier_visits(*, school: School, visitor: Visitor, actor: User, now: datetime) -> None:
    """Someone checking in again is no longer on the earlier visit (they left without signing
    out): the earlier one ends now, and shows on the report of visits never signed out."""
    for earlier in Visit.objects.filter(
        school=school, visitor=visitor, checked_out_at__isnull=True
    ):
        earlier.checked_out_at = now
        earlier.checked_out_by = actor
        earlier.departure = Visit.Departure.CHECKED_IN_AGAIN
        earlier.save(update_fields=["checked_out_at", "checked_out_by", "departure"])
        record(
            "visit.checked_out",
            actor=actor,
            district=school.district,
            school=school,
            subject=earlier,
            data={"how": Visit.Departure.CHECKED_IN_AGAIN.value},
        )


@transaction.atomic
def visit_check_in(
    *,
    school: School,
    actor: User,
    details: VisitDetails,
    id_check: str,
    visitor: Visitor | None = None,
    person: Identity | None = None,
    photo: bytes | None = None,
    now: datetime | None = None,
) -> Visit:
    """Check a visitor in at a school: a returning `visitor` (with the `person` of a new scan, if
    any), or a new visitor made from `person`. Screening runs before the visit is written."""
    now = now or timezone.now()
    _check_details(school, details)
    if id_check not in Visit.IdCheck.values:
        raise ValueError(f"unknown identity check {id_check!r}")
    district = school.district
    if visitor is None:
        if person is None:
            raise ValueError("give a returning visitor or the person to record")
        visitor = _new_visitor(district=district, person=person, actor=actor, now=now)
    else:
        if visitor.district_id != school.district_id:
            raise ValueError("the visitor belongs to another district")
        scanned = person if id_check == Visit.IdCheck.SCANNED else None
        _refresh_visitor(visitor=visitor, scanned=scanned, actor=actor, now=now)
        _close_earlier_visits(school=school, visitor=visitor, actor=actor, now=now)
    desk = queries.desk_settings(school)
    if photo is not None and not desk.photos:
        raise ValidationError({"photo": _("This district does not take visitors' photos.")})
    area = details.area
    visit = Visit.objects.create(
        school=school,
        visitor=visitor,
        visitor_type=details.visitor_type,
        purpose=details.purpose.strip(),
        host=details.host.strip(),
        area=area,
        destination=area.name if area else "",
        destination_public=area.is_public if area else None,
        id_check=id_check,
        screening=screen(visitor=visitor, school=school),
        checked_in_at=now,
        checked_in_by=actor,
        badge_expires_at=clock.badge_expiry(desk, now),
        checkout_code=_new_code(),
    )
    if photo is not None:
        VisitorPhoto.objects.update_or_create(
            visitor=visitor, defaults={"jpeg": _jpeg(photo), "taken_at": now}
        )
    record(
        "visit.checked_in",
        actor=actor,
        district=district,
        school=school,
        subject=visit,
        data={
            "visitor": str(visitor.pk),
            "visitor_type": visit.visitor_type,
            "id_check": visit.id_check,
            "area": str(area.pk) if area else None,
            "public_area": visit.destination_public,
            "screening": visit.screening,
            "photo": photo is not None,
        },
    )
    screened(visit=visit, actor=actor)
    return visit


@transaction.atomic
def visit_check_out(
    *, visit: Visit, actor: User, how: str = Visit.Departure.DESK, now: datetime | None = None
) -> Visit:
    """End a visit at the desk or by the badge's QR code. A visit ends once."""
    if how not in (Visit.Departure.DESK, Visit.Departure.BADGE):
        raise ValueError(f"a person checks a visitor out at the desk or by badge, not {how!r}")
    now = now or timezone.now()
    # One conditional update: two desks checking the same visitor out cannot both succeed.
    ended = Visit.objects.filter(pk=visit.pk, checked_out_at__isnull=True).update(
        checked_out_at=now, checked_out_by=actor, departure=how
    )
    if not ended:
        raise AlreadyCheckedOut(_("This visitor had already checked out."))
    visit.checked_out_at, visit.checked_out_by, visit.departure = now, actor, how
    record(
        "visit.checked_out",
        actor=actor,
        district=visit.school.district,
        school=visit.school,
        subject=visit,
        data={"how": how},
    )
    return visit


def _end_of_day_moment(visit: Visit, desk: VisitorSettings) -> datetime:
    """When an open visit ends for the day: at the first end of the school day after check-in;
    for a visit that began after the day's end (an evening event), when its badge expires."""
    local = visit.checked_in_at.astimezone(clock.zone(desk))
    if local.time() >= desk.end_of_day:
        return visit.badge_expires_at
    return clock.next_end_of_day(desk, visit.checked_in_at)


def sign_out_end_of_day(*, district: District, now: datetime | None = None) -> int:
    """Sign out, for the district, every visit whose day has ended; each one is audited."""
    now = now or timezone.now()
    desk = queries.settings_for(district.pk)
    signed_out = 0
    with transaction.atomic():
        open_visits = Visit.objects.select_related("school").filter(
            school__district=district, checked_out_at__isnull=True, checked_in_at__lt=now
        )
        for visit in open_visits:
            moment = _end_of_day_moment(visit, desk)
            if moment > now:
                continue
            ended = Visit.objects.filter(pk=visit.pk, checked_out_at__isnull=True).update(
                checked_out_at=moment, departure=Visit.Departure.END_OF_DAY
            )
            if ended:
                record(
                    "visit.auto_signed_out",
                    actor=None,
                    district=district,
                    school=visit.school,
                    subject=visit,
                )
                signed_out += 1
    return signed_out


@transaction.atomic
def badge_reprint(*, visit: Visit, actor: User) -> Visit:
    """Print a visitor's badge again (lost, smudged, jammed in the printer)."""
    if not visit.on_site:
        raise ValidationError(_("This visitor has checked out: their badge is no longer valid."))
    Visit.objects.filter(pk=visit.pk).update(badge_reprints=F("badge_reprints") + 1)
    visit.badge_reprints += 1
    record(
        "badge.reprinted",
        actor=actor,
        district=visit.school.district,
        school=visit.school,
        subject=visit,
        data={"reprints": visit.badge_reprints},
    )
    return visit


# Sensitive reads ---------------------------------------------------------------------------------


@transaction.atomic
def roster_viewed(*, school: School, actor: User) -> None:
    """Who is on campus was opened (its live refreshes are part of the same viewing)."""
    record("roster.viewed", actor=actor, district=school.district, school=school, subject=school)


@transaction.atomic
def roster_exported(*, school: School, actor: User, file_format: str, count: int) -> None:
    record(
        "roster.exported",
        actor=actor,
        district=school.district,
        school=school,
        subject=school,
        data={"format": file_format, "visits": count},
    )


@transaction.atomic
def visits_searched(*, school: School, actor: User, report: str, filters: list[str]) -> None:
    """The visit history or a report of it was read; the filters are named, never their values."""
    record(
        "visits.searched",
        actor=actor,
        district=school.district,
        school=school,
        subject=school,
        data={"report": report, "filters": sorted(filters)},
    )


# The district's settings -----------------------------------------------------------------------


@transaction.atomic
def visitor_settings_update(*, district: District, actor: User, **fields: Any) -> VisitorSettings:
    """Change how the district's front desks run. Turning photos off removes the photos taken."""
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    desk, _created = VisitorSettings.objects.select_for_update().get_or_create(district=district)
    changed = sorted(name for name, value in fields.items() if getattr(desk, name) != value)
    if not changed:
        return desk
    for name in changed:
        setattr(desk, name, fields[name])
    desk.updated_at = timezone.now()
    desk.full_clean()
    desk.save()
    data: dict[str, Any] = {"fields": changed}
    if "photos" in changed and not desk.photos:
        removed, _detail = VisitorPhoto.objects.filter(visitor__district=district).delete()
        data["photos_removed"] = removed
    record("visitors.settings_changed", actor=actor, district=district, data=data)
    return desk
