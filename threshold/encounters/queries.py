"""Reading an encounter's state for the desk's and the official's screens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch

from threshold.encounters.models import Encounter
from threshold.notify.models import Delivery, Notification


@dataclass(frozen=True)
class Told:
    notification: Notification
    deliveries: list[Delivery]


def told(encounter: Encounter) -> list[Told]:
    """Everyone summoned or informed, with each delivery's state, in the order they were told."""
    rows = (
        Notification.objects.filter(encounter=encounter)
        .select_related("recipient")
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("channel")))
        .order_by("created_at", "recipient__full_name")
    )
    return [Told(row, list(row.deliveries.all())) for row in rows]


def elapsed(since: datetime, now: datetime) -> str:
    """Minutes and seconds, as a stopwatch shows them: 0:35, 12:04."""
    seconds = max(int((now - since).total_seconds()), 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


def open_at(school_ids: list[object]) -> list[Encounter]:
    return list(
        Encounter.objects.filter(school_id__in=school_ids, state=Encounter.State.OPEN)
        .select_related("school")
        .order_by("-started_at")
    )


@dataclass(frozen=True)
class Recorded:
    """What the guided steps recorded, in words for either screen."""

    agency: str
    given: list[tuple[str, str]]
    card_kept: bool
    refused: list[str]
    requests: list[str]
    place: str
    purpose: str
    subject: str
    exigency: str
    exigency_basis: str
    verification: str
    verification_called: str


def recorded(encounter: Encounter) -> Recorded:
    from threshold.policies import labels

    def say(table: Mapping[str, object], code: str) -> str:
        return str(table.get(code, code)) if code else ""

    given = [
        (str(labels.IDENTIFICATION[code]), str(getattr(encounter, field)))
        for code, field in (
            ("NAME", "officer_name"),
            ("BADGE_OR_ID_NUMBER", "officer_badge"),
            ("PHONE", "officer_phone"),
        )
        if getattr(encounter, field)
    ]
    return Recorded(
        agency=say(labels.AGENCY, encounter.agency),
        given=given,
        card_kept=encounter.card_kept,
        refused=[say(labels.IDENTIFICATION, code) for code in encounter.refused],
        requests=[say(labels.REQUEST, code) for code in encounter.requests],
        place=say(labels.PLACE, encounter.place) if encounter.place != "NOT_APPLICABLE" else "",
        purpose=encounter.purpose,
        subject=say(labels.SUBJECT, encounter.subject),
        exigency=say(labels.EXIGENCY, encounter.exigency) if encounter.exigency != "NONE" else "",
        exigency_basis=encounter.exigency_basis,
        verification=encounter.get_verification_result_display()
        if encounter.verification_result
        else "",
        verification_called=encounter.verification_called,
    )


@dataclass(frozen=True)
class Shown:
    """A presented document as the screens show it."""

    document: object
    label: str
    facial: str
    nondisclosure: str
    checker_label: str
    findings: list[dict[str, str]]
    has_photo: bool


def documents(encounter: Encounter) -> list[Shown]:
    from threshold.encounters.models import EncounterDocument
    from threshold.policies import labels

    shown = []
    for document in EncounterDocument.objects.filter(encounter=encounter).defer("image"):
        found = document.findings or {}
        shown.append(
            Shown(
                document=document,
                label=str(labels.DOCUMENT.get(document.doc_type, document.doc_type)),
                facial=str(labels.FACIAL_CHECK.get(document.facial_check, document.facial_check)),
                nondisclosure=str(
                    labels.NONDISCLOSURE.get(document.nondisclosure, document.nondisclosure)
                ),
                checker_label=str(found.get("label", "")),
                findings=list(found.get("findings", [])),
                has_photo=EncounterDocument.objects.filter(
                    pk=document.pk, image__isnull=False
                ).exists(),
            )
        )
    return shown


def counsel_to_call(encounter: Encounter) -> list[tuple[str, str, str]]:
    """District counsel with a phone number: (name, number as written, number to dial)."""
    from threshold.accounts.models import Membership
    from threshold.accounts.roles import Role
    from threshold.notify.sms import BadNumber, international

    found = []
    for membership in Membership.objects.filter(
        district_id=encounter.school.district_id,
        role=Role.DISTRICT_COUNSEL,
        school__isnull=True,
        user__is_active=True,
    ).select_related("user"):
        person = membership.user
        if not person.phone:
            continue
        try:
            dial = international(person.phone)
        except BadNumber:
            dial = "".join(c for c in person.phone if c.isdigit() or c == "+")
        found.append((person.full_name, person.phone, dial))
    return found


def verification_numbers(encounter: Encounter) -> list[tuple[str, str, str]]:
    """The school's numbers for verifying an officer: (who answers, as written, to dial)."""
    from threshold.encounters.models import VerificationNumber
    from threshold.notify.sms import BadNumber, international

    found = []
    for number in VerificationNumber.objects.filter(school_id=encounter.school_id):
        try:
            dial = international(number.phone)
        except BadNumber:
            dial = "".join(c for c in number.phone if c.isdigit() or c == "+")
        found.append((number.label, number.phone, dial))
    return found
