"""Every change to a district's watchlists. Each writes its audit event in the same transaction;
events name entries, visitors and visits by id, never by name.

A change to a list's entries moves the list's version: every app process compares that version
with the one its screening index was built from, and rebuilds the index when they differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts.models import District, School, User
from threshold.audit.services import record
from threshold.visitors.identity import fold
from threshold.visitors.services import _jpeg as badge_jpeg
from threshold.watchlists.models import (
    DISTRICT_REASONS,
    ApprovedVisitor,
    Entry,
    EntryPhoto,
    Watchlist,
)

MAX_ALIASES = 20
# What notes and references must never hold (DESIGN.md, privacy by design): a person's status,
# origin or national numbers. A district writes what an official needs to act, nothing more.
FORBIDDEN_NOTES = re.compile(
    r"immigra|citizen|undocumented|illegal alien|\balien\b|\bvisas?\b|green card|passport|"
    r"deport|nationality|national origin|country of (birth|origin)|born in|place of birth|"
    r"social security|\bssn\b|\b\d{3}-\d{2}-\d{4}\b|\bA-?\d{8,9}\b",
    re.IGNORECASE,
)
ENTRY_FIELDS = (
    "reason",
    "family_name",
    "given_name",
    "aliases",
    "date_of_birth",
    "reference",
    "notes",
    "valid_from",
    "valid_until",
    "all_schools",
)


@dataclass(frozen=True)
class EntryDetails:
    """What an administrator says about a listed person."""

    reason: str
    family_name: str
    given_name: str = ""
    aliases: tuple[str, ...] = ()
    date_of_birth: date | None = None
    reference: str = ""
    notes: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    all_schools: bool = True
    schools: tuple[School, ...] = field(default=())


# Lists ------------------------------------------------------------------------------------------


def watchlist_of(district: District, kind: str) -> Watchlist:
    """The district's list of this kind, made on first use (locked for the caller's change)."""
    found, _created = Watchlist.objects.select_for_update().get_or_create(
        district=district,
        kind=kind,
        defaults={"max_age_days": Watchlist.DEFAULT_MAX_AGE[Watchlist.Kind(kind)]},
    )
    return found


def _list_changed(watchlist: Watchlist, now: datetime) -> None:
    """The entries changed: every process's index of the district is rebuilt on next use."""
    Watchlist.objects.filter(pk=watchlist.pk).update(
        version=F("version") + 1, changed_at=now, current_as_of=now
    )
    watchlist.refresh_from_db(fields=["version", "changed_at", "current_as_of"])


@transaction.atomic
def watchlist_confirm_current(*, watchlist: Watchlist, actor: User) -> Watchlist:
    """An administrator checked the list against its source today: it is current again."""
    now = timezone.now()
    Watchlist.objects.filter(pk=watchlist.pk).update(current_as_of=now)
    watchlist.current_as_of = now
    record(
        "watchlist.confirmed_current",
        actor=actor,
        district=watchlist.district,
        subject=watchlist,
        data={"kind": watchlist.kind},
    )
    return watchlist


@transaction.atomic
def watchlist_set_max_age(*, watchlist: Watchlist, actor: User, days: int) -> Watchlist:
    """How old the list may be before its results are no longer clear."""
    if not 1 <= days <= 365:
        raise ValidationError({"max_age_days": _("Enter a number of days from 1 to 365.")})
    if days == watchlist.max_age_days:
        return watchlist
    before = watchlist.max_age_days
    Watchlist.objects.filter(pk=watchlist.pk).update(max_age_days=days)
    watchlist.max_age_days = days
    record(
        "watchlist.settings_changed",
        actor=actor,
        district=watchlist.district,
        subject=watchlist,
        data={"kind": watchlist.kind, "max_age_days": days, "was": before},
    )
    return watchlist


# Entries ----------------------------------------------------------------------------------------


def check_notes(text: str, *, field_name: str) -> None:
    """Refuse notes that hold a person's status, origin or national numbers."""
    if FORBIDDEN_NOTES.search(text):
        raise ValidationError(
            {
                field_name: _(
                    "Leave out immigration status, citizenship, country of birth and "
                    "identity numbers: Threshold never keeps them."
                )
            }
        )


def clean_aliases(aliases: Iterable[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(" ".join(a.split()) for a in aliases if a.strip()))
    if len(cleaned) > MAX_ALIASES:
        raise ValidationError({"aliases": _("Give at most 20 other names.")})
    if any(len(alias) > 200 for alias in cleaned):
        raise ValidationError({"aliases": _("An other name is longer than 200 characters.")})
    return cleaned


def _search_name(entry: Entry) -> str:
    return fold(" ".join([entry.given_name, entry.family_name, *entry.aliases]))[:1200]


def _check_details(district: District, details: EntryDetails, *, today: date) -> None:
    if details.reason not in dict(DISTRICT_REASONS):
        raise ValidationError({"reason": _("Choose why the person is on the list.")})
    if not details.family_name.strip():
        raise ValidationError({"family_name": _("Enter the person's family name.")})
    check_notes(details.notes, field_name="notes")
    check_notes(details.reference, field_name="reference")
    born = details.date_of_birth
    if born is not None and not date(1900, 1, 1) <= born <= today:
        raise ValidationError({"date_of_birth": _("Enter a date of birth in the past.")})
    start = details.valid_from or today
    if details.valid_until is not None and details.valid_until < start:
        raise ValidationError({"valid_until": _("The end date comes before the start date.")})
    if not details.all_schools:
        if not details.schools:
            raise ValidationError({"schools": _("Choose the schools, or every school.")})
        if any(school.district_id != district.pk for school in details.schools):
            raise ValidationError({"schools": _("Choose schools of this district.")})


def _apply(entry: Entry, details: EntryDetails, *, today: date) -> list[str]:
    values: dict[str, Any] = {
        "reason": details.reason,
        "family_name": " ".join(details.family_name.split()),
        "given_name": " ".join(details.given_name.split()),
        "aliases": list(clean_aliases(details.aliases)),
        "date_of_birth": details.date_of_birth,
        "reference": details.reference.strip(),
        "notes": details.notes.strip(),
        "valid_from": details.valid_from or entry.valid_from or today,
        "valid_until": details.valid_until,
        "all_schools": details.all_schools,
    }
    changed = sorted(name for name, value in values.items() if getattr(entry, name) != value)
    for name in changed:
        setattr(entry, name, values[name])
    entry.search_name = _search_name(entry)
    return changed


def _set_schools(entry: Entry, details: EntryDetails) -> bool:
    wanted = [] if details.all_schools else list(details.schools)
    current = set(entry.schools.values_list("pk", flat=True))
    if {school.pk for school in wanted} == current:
        return False
    entry.schools.set(wanted)
    return True


def _set_photo(entry: Entry, photo: bytes | None, remove: bool, now: datetime) -> str | None:
    if photo is not None:
        EntryPhoto.objects.update_or_create(
            entry=entry, defaults={"jpeg": badge_jpeg(photo), "added_at": now}
        )
        return "photo"
    if remove and EntryPhoto.objects.filter(entry=entry).delete()[0]:
        return "photo"
    return None


@transaction.atomic
def entry_create(
    *,
    district: District,
    actor: User,
    details: EntryDetails,
    photo: bytes | None = None,
    now: datetime | None = None,
) -> Entry:
    """Add a person to the district's own list."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    _check_details(district, details, today=today)
    watchlist = watchlist_of(district, Watchlist.Kind.DISTRICT)
    entry = Entry(
        watchlist=watchlist, district=district, created_by=actor, created_at=now, updated_at=now
    )
    _apply(entry, details, today=today)
    entry.full_clean(exclude=["watchlist", "district", "created_by", "schools"])
    entry.save()
    _set_schools(entry, details)
    _set_photo(entry, photo, False, now)
    _list_changed(watchlist, now)
    record(
        "watchlist.entry_added",
        actor=actor,
        district=district,
        subject=entry,
        data={"reason": entry.reason, "photo": photo is not None},
    )
    return entry


def _editable(entry: Entry) -> None:
    if entry.watchlist.kind != Watchlist.Kind.DISTRICT:
        raise ValidationError(
            _("Entries of the state registry change only with the next registry import.")
        )


@transaction.atomic
def entry_update(
    *,
    entry: Entry,
    actor: User,
    details: EntryDetails,
    photo: bytes | None = None,
    remove_photo: bool = False,
    now: datetime | None = None,
) -> Entry:
    """Change what the list says about a person."""
    now = now or timezone.now()
    _editable(entry)
    _check_details(entry.district, details, today=timezone.localdate(now))
    changed = _apply(entry, details, today=timezone.localdate(now))
    entry.full_clean(exclude=["watchlist", "district", "created_by", "schools"])
    if _set_schools(entry, details):
        changed.append("schools")
    photo_change = _set_photo(entry, photo, remove_photo, now)
    if photo_change:
        changed.append(photo_change)
    if not changed:
        return entry
    entry.updated_at = now
    entry.save()
    _list_changed(entry.watchlist, now)
    record(
        "watchlist.entry_changed",
        actor=actor,
        district=entry.district,
        subject=entry,
        data={"fields": sorted(changed)},
    )
    return entry


@transaction.atomic
def entry_deactivate(*, entry: Entry, actor: User, now: datetime | None = None) -> Entry:
    """Take a person off the list now (entered by mistake, or no longer applies)."""
    now = now or timezone.now()
    _editable(entry)
    if not entry.is_active:
        return entry
    entry.is_active, entry.ended_at, entry.updated_at = False, now, now
    entry.save(update_fields=["is_active", "ended_at", "updated_at"])
    _list_changed(entry.watchlist, now)
    record("watchlist.entry_deactivated", actor=actor, district=entry.district, subject=entry)
    return entry


@transaction.atomic
def entry_reactivate(*, entry: Entry, actor: User, now: datetime | None = None) -> Entry:
    now = now or timezone.now()
    _editable(entry)
    if entry.is_active:
        return entry
    entry.is_active, entry.ended_at, entry.updated_at = True, None, now
    entry.save(update_fields=["is_active", "ended_at", "updated_at"])
    _list_changed(entry.watchlist, now)
    record("watchlist.entry_reactivated", actor=actor, district=entry.district, subject=entry)
    return entry


@transaction.atomic
def entry_end(*, entry: Entry, actor: User, now: datetime | None = None) -> Entry:
    """The order has ended: the entry stops applying today, and is kept as ended."""
    now = now or timezone.now()
    _editable(entry)
    yesterday = timezone.localdate(now) - timedelta(days=1)
    if entry.valid_until is not None and entry.valid_until <= yesterday:
        return entry
    entry.valid_until = yesterday
    entry.valid_from = min(entry.valid_from, yesterday)
    entry.ended_at, entry.updated_at = now, now
    entry.save(update_fields=["valid_from", "valid_until", "ended_at", "updated_at"])
    _list_changed(entry.watchlist, now)
    record("watchlist.entry_ended", actor=actor, district=entry.district, subject=entry)
    return entry


# Approved visitors -------------------------------------------------------------------------------


@transaction.atomic
def visitor_approve(
    *, visitor: Any, entry: Entry, actor: User, alert: Any = None
) -> ApprovedVisitor:
    """This visitor is not the listed person they resemble: do not raise the pair again."""
    if visitor.district_id != entry.district_id:
        raise ValueError("the visitor and the entry belong to different districts")
    approval, created = ApprovedVisitor.objects.get_or_create(
        visitor=visitor,
        entry=entry,
        defaults={"district_id": entry.district_id, "approved_by": actor},
    )
    if created:
        record(
            "watchlist.visitor_approved",
            actor=actor,
            district=entry.district,
            subject=approval,
            data={
                "visitor": str(visitor.pk),
                "entry": str(entry.pk),
                "alert": str(alert.pk) if alert is not None else None,
            },
        )
    return approval


@transaction.atomic
def approval_remove(*, approval: ApprovedVisitor, actor: User) -> None:
    """The pair is raised again at the visitor's next check-in."""
    data = {"visitor": str(approval.visitor_id), "entry": str(approval.entry_id)}
    district = approval.entry.district
    record(
        "watchlist.approval_removed", actor=actor, district=district, subject=approval, data=data
    )
    approval.delete()
