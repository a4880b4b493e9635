"""Changes to a district's notices to families, each with its audit event.

A text is usable (sent to a family, shown on the public page) only in a language whose current
version has been reviewed. Changing a text withdraws the review; a review names the version it
approves, so a reviewer never approves words that changed after they read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from threshold.accounts.models import District, School, User
from threshold.audit.services import record
from threshold.notices import texts
from threshold.notices.models import (
    PLACEHOLDERS,
    FamilyContact,
    FamilyDelivery,
    Kind,
    Mailing,
    NoticeText,
)
from threshold.notices.render import Rendered, TextProblem, check, format_day, render

DEFAULTS: dict[str, dict[str, texts.Default]] = {
    Kind.LETTER: texts.LETTER,
    Kind.PROCEDURES: texts.PROCEDURES,
    Kind.RECORDS_NOTICE: texts.RECORDS_NOTICE,
    Kind.VISIT_NOTICE: texts.VISIT_NOTICE,
}


@transaction.atomic
def add_defaults(
    *, district: District, actor: User | None, reviewed: bool = False
) -> list[NoticeText]:
    """Add the starting text of every kind and language the district lacks; never touch a text
    it has. `reviewed` is only for the demo district, whose texts its administrator approves."""
    have = set(NoticeText.objects.filter(district=district).values_list("kind", "language"))
    now = timezone.now()
    added = []
    for kind, by_language in DEFAULTS.items():
        for language, default in by_language.items():
            if (kind, language) in have:
                continue
            added.append(
                NoticeText(
                    district=district,
                    kind=kind,
                    language=language,
                    subject=default.subject,
                    body=default.body,
                    updated_at=now,
                    reviewed_version=1 if reviewed else None,
                    reviewed_at=now if reviewed else None,
                    reviewed_by=actor if reviewed else None,
                )
            )
    if added:
        NoticeText.objects.bulk_create(added)
        record(
            "notice.defaults_added",
            actor=actor,
            district=district,
            subject=district,
            data={"count": len(added), "reviewed": reviewed},
        )
    return added


@transaction.atomic
def text_update(*, text: NoticeText, actor: User, subject: str, body: str) -> NoticeText:
    """Change a text: a new version, not reviewed until someone reviews it."""
    subject, body = subject.strip(), body.strip()
    check(subject, body, PLACEHOLDERS[text.kind])
    locked = NoticeText.objects.select_for_update().get(pk=text.pk)
    if locked.subject == subject and locked.body == body:
        return locked
    locked.subject, locked.body = subject, body
    locked.version += 1
    locked.updated_at, locked.updated_by = timezone.now(), actor
    locked.save()
    record(
        "notice.text_changed",
        actor=actor,
        district=locked.district,
        subject=locked,
        data={"kind": locked.kind, "language": locked.language, "version": locked.version},
    )
    return locked


@transaction.atomic
def text_review(*, text: NoticeText, actor: User, version: int) -> NoticeText:
    """Approve the version the reviewer read; refused if it changed meanwhile."""
    locked = NoticeText.objects.select_for_update().get(pk=text.pk)
    if locked.version != version:
        raise TextProblem(
            _("The text changed after you opened it. Read the new version, then review it.")
        )
    if locked.reviewed:
        return locked
    locked.reviewed_version = locked.version
    locked.reviewed_at, locked.reviewed_by = timezone.now(), actor
    locked.save(update_fields=["reviewed_version", "reviewed_at", "reviewed_by"])
    record(
        "notice.text_reviewed",
        actor=actor,
        district=locked.district,
        subject=locked,
        data={"kind": locked.kind, "language": locked.language, "version": locked.version},
    )
    return locked


def free_slug(district: District) -> str:
    """A public address from the district's name that no other district uses."""
    base = slugify(district.name)[:50] or "district"
    slug, number = base, 2
    while FamilyContact.objects.filter(public_slug=slug).exclude(district=district).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def contact_update(
    *,
    district: District,
    actor: User,
    public_slug: str,
    contact_name: str,
    contact_phone: str,
    contact_email: str,
    website: str = "",
) -> FamilyContact:
    if FamilyContact.objects.filter(public_slug=public_slug).exclude(district=district).exists():
        raise TextProblem(_("Another district uses this address. Choose another."))
    contact, _created = FamilyContact.objects.select_for_update().get_or_create(
        district=district,
        defaults={
            "public_slug": public_slug,
            "contact_name": contact_name,
            "contact_phone": contact_phone,
            "contact_email": contact_email,
            "website": website,
        },
    )
    fields = {
        "public_slug": public_slug,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "contact_email": contact_email,
        "website": website,
    }
    changed = sorted(name for name, value in fields.items() if getattr(contact, name) != value)
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    if changed or _created:
        record(
            "notice.contact_changed",
            actor=actor,
            district=district,
            subject=district,
            data={"fields": changed or sorted(fields)},
        )
    return contact


def district_values(district: District, contact: FamilyContact | None) -> dict[str, str]:
    """What every notice of the district fills in."""
    return {
        "district": district.name,
        "contact_name": contact.contact_name if contact else "",
        "contact_phone": contact.contact_phone if contact else "",
        "contact_email": contact.contact_email if contact else "",
        "website": contact.website if contact else "",
    }


def usable_text(district: District, kind: str, language: str) -> NoticeText | None:
    """The text to send or publish, or None when that language is not reviewed: an unreviewed
    translation is never sent or published."""
    text = NoticeText.objects.filter(district=district, kind=kind, language=language).first()
    return text if text is not None and text.reviewed else None


def rendered(text: NoticeText, values: Mapping[str, str]) -> Rendered:
    return render(language=text.language, subject=text.subject, body=text.body, values=values)


def reviewed_on(text: NoticeText) -> datetime | None:
    return text.reviewed_at if text.reviewed else None


# Sending to families -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    guardian: Any  # records.Guardian, or None for an eligible student writing for themselves
    student: Any  # records.Student when the student is the recipient
    language: str


@dataclass(frozen=True)
class Plan:
    """Who a mailing would reach, before it is sent: for the confirmation page."""

    recipients: list[Recipient]
    languages: dict[str, int]  # language the e-mail goes in -> families
    fallback: dict[str, int]  # a family's language with no reviewed text -> families (in English)
    skipped: int  # students with no address for any parent (nor their own, at 18)


def _texts_for(
    district: District, kind: str, recipients: list[Recipient]
) -> dict[str, NoticeText | None]:
    """For each language of the recipients, the reviewed text they get: theirs, else English,
    else None. One read per kind, however many families."""
    reviewed = {
        text.language: text
        for text in NoticeText.objects.filter(district=district, kind=kind)
        if text.reviewed
    }
    return {r.language: reviewed.get(r.language) or reviewed.get("en") for r in recipients}


def letter_plan(*, district: District, school: School | None = None) -> Plan:
    """Every family of the district's (or one school's) enrolled students, once per address:
    a parent of three children gets one letter, not three."""
    from threshold.records.models import Student

    today = timezone.localdate()
    students = Student.objects.filter(district=district, is_active=True).prefetch_related(
        "guardians"
    )
    if school is not None:
        students = students.filter(school=school)
    seen: set[str] = set()
    recipients: list[Recipient] = []
    skipped = 0
    for student in students.order_by("pk"):
        guardians = list(student.guardians.all())
        found = False
        if student.email and student.is_eligible(today):
            language = guardians[0].preferred_language if guardians else "en"
            _add(recipients, seen, student.email, Recipient(None, student, language))
            found = True
        for guardian in guardians:
            if guardian.email:
                _add(
                    recipients,
                    seen,
                    guardian.email,
                    Recipient(guardian, None, guardian.preferred_language),
                )
                found = True
        skipped += not found
    return _plan(district, Kind.LETTER, recipients, skipped)


def student_plan(*, student: Any, kind: str) -> Plan:
    """The family of one student for a notice about that student: the student alone once the
    rights are theirs (18, or marked eligible), else each parent or guardian with an address."""
    today = timezone.localdate()
    guardians = list(student.guardians.all())
    seen: set[str] = set()
    recipients: list[Recipient] = []
    if student.is_eligible(today):
        if student.email:
            language = guardians[0].preferred_language if guardians else "en"
            _add(recipients, seen, student.email, Recipient(None, student, language))
    else:
        for guardian in guardians:
            if guardian.email:
                _add(
                    recipients,
                    seen,
                    guardian.email,
                    Recipient(guardian, None, guardian.preferred_language),
                )
    return _plan(student.district, kind, recipients, 0 if recipients else 1)


class NoticeForbidden(Exception):
    """An order forbids telling the family: nothing may be sent."""


def order_forbids_notice(encounter: Any) -> bool:
    """Whether an order forbids telling the family about this visit: a document shown under a
    court's or the issuing agency's non-disclosure order, or a records matter kept restricted."""
    ordered = {"ORDERED_BY_COURT", "ORDERED_BY_AGENCY"}
    if any(doc.nondisclosure in ordered for doc in encounter.documents.all()):
        return True
    request = getattr(encounter, "records_request", None)
    return bool(request is not None and request.restricted)


@transaction.atomic
def encounter_notice_send(*, encounter: Any, actor: User) -> Mailing:
    """The designated official's or counsel's approval of the notice after this visit, and its
    sending. Once per visit; refused without a student or while an order forbids notice."""
    from threshold.encounters.models import Encounter

    locked = Encounter.objects.select_for_update().get(pk=encounter.pk)
    if Mailing.objects.filter(encounter=locked).exists():
        raise TextProblem(_("The family of this visit's student has been sent the notice."))
    if locked.student_id is None or locked.closed_at is None:
        raise TextProblem(_("Only a closed visit that concerned a student has a family notice."))
    mailing = visit_notice_send(
        student=encounter.student,
        school=encounter.school,
        visit_date=timezone.localdate(encounter.started_at),
        actor=actor,
        order_forbids_notice=order_forbids_notice(encounter),
        encounter=locked,
    )
    return mailing


@transaction.atomic
def visit_notice_send(
    *,
    student: Any,
    school: School,
    visit_date: date,
    actor: User,
    order_forbids_notice: bool,
    encounter: Any = None,
) -> Mailing:
    """The notice after an officer's visit that concerned one student, to that student's family
    (or to the student, once the rights are theirs). Sent only when the designated official or
    counsel approves it, which the caller checks, and never while an order forbids notice."""
    if order_forbids_notice:
        raise NoticeForbidden(_("An order forbids telling the family: no notice may be sent."))
    plan = student_plan(student=student, kind=Kind.VISIT_NOTICE)
    return mailing_send(
        district=student.district,
        actor=actor,
        kind=Kind.VISIT_NOTICE,
        plan=plan,
        school=school,
        values={"student": f"{student.given_name} {student.family_name}", "school": school.name},
        dated={"visit_date": visit_date},
        encounter=encounter,
    )


def _add(recipients: list[Recipient], seen: set[str], email: str, recipient: Recipient) -> None:
    """Add the recipient unless the address is already there (case aside)."""
    key = email.strip().lower()
    if key not in seen:
        seen.add(key)
        recipients.append(recipient)


def _plan(district: District, kind: str, recipients: list[Recipient], skipped: int) -> Plan:
    languages: dict[str, int] = {}
    fallback: dict[str, int] = {}
    texts = _texts_for(district, kind, recipients)
    for recipient in recipients:
        text = texts[recipient.language]
        used = text.language if text is not None else "none"
        languages[used] = languages.get(used, 0) + 1
        if text is not None and used != recipient.language:
            fallback[recipient.language] = fallback.get(recipient.language, 0) + 1
    return Plan(recipients, languages, fallback, skipped)


@transaction.atomic
def mailing_send(
    *,
    district: District,
    actor: User,
    kind: str,
    plan: Plan,
    school: School | None = None,
    values: Mapping[str, str] | None = None,
    dated: Mapping[str, date] | None = None,
    encounter: Any = None,
) -> Mailing:
    """Send the reviewed text of `kind` to each recipient of the plan, each in their language
    (or in English where theirs has no reviewed text). Refused, with nothing written, when a
    recipient would get no reviewed text at all. `values` are what this notice fills in about the
    one student it concerns (empty for the district letter); `dated` its dates, each written as
    the family's language writes dates."""
    if not plan.recipients:
        raise TextProblem(_("No family has an e-mail address on the roster: nothing to send."))
    chosen = _texts_for(district, kind, plan.recipients)
    if any(text is None for text in chosen.values()):
        raise TextProblem(
            _(
                "This notice has no reviewed text in English or in a family's language: "
                "review it under Notices to families first."
            )
        )
    texts = {t.language: t for t in chosen.values() if t is not None}
    mailing = Mailing.objects.create(
        district=district,
        kind=kind,
        school=school,
        texts={
            language: {"subject": t.subject, "body": t.body, "version": t.version}
            for language, t in texts.items()
        },
        values=district_values(district, FamilyContact.objects.filter(district=district).first()),
        created_by=actor,
        skipped=plan.skipped,
        encounter=encounter,
    )
    deliveries = []
    for recipient in plan.recipients:
        language = chosen[recipient.language].language  # type: ignore[union-attr]
        own = dict(values or {})
        own.update({name: format_day(day, language) for name, day in (dated or {}).items()})
        deliveries.append(
            FamilyDelivery(
                mailing=mailing,
                guardian=recipient.guardian,
                student=recipient.student,
                language=language,
                values=own,
            )
        )
    FamilyDelivery.objects.bulk_create(deliveries)
    record(
        "notice.mailing_sent",
        actor=actor,
        district=district,
        school=school,
        subject=mailing,
        data={
            "kind": kind,
            "families": len(deliveries),
            "languages": plan.languages,
            "versions": {language: t.version for language, t in texts.items()},
            "skipped": plan.skipped,
            **({"encounter": str(encounter.pk)} if encounter is not None else {}),
        },
    )
    district_id = str(district.pk)
    ids = [str(delivery.pk) for delivery in deliveries]

    def enqueue() -> None:
        from threshold.notices.tasks import deliver_to_family

        for delivery_id in ids:
            deliver_to_family.enqueue(delivery_id=delivery_id, district_id=district_id)

    transaction.on_commit(enqueue)
    return mailing


class Undeliverable(Exception):
    """The family has no address any more: trying again will not help."""


def family_deliver(*, delivery_id: str, last_attempt: bool = False) -> str:
    """Send one family's e-mail, at most once. Raises when sending fails, so that the worker
    tries again later; the state says what happened."""
    with transaction.atomic():
        delivery = (
            FamilyDelivery.objects.select_for_update(of=("self",))
            .select_related("mailing", "guardian", "student")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "no such delivery"
        if delivery.state == FamilyDelivery.State.SENT:
            return "already sent"
        delivery.attempts += 1
        FamilyDelivery.objects.filter(pk=delivery.pk).update(attempts=delivery.attempts)
    person = delivery.guardian or delivery.student
    address = person.email if person is not None else ""
    if not address:
        FamilyDelivery.objects.filter(pk=delivery.pk).update(
            state=FamilyDelivery.State.FAILED, last_error="no address", values={}
        )
        return "undeliverable"
    text = delivery.mailing.texts[delivery.language]
    rendered = render(
        language=delivery.language,
        subject=text["subject"],
        body=text["body"],
        values={**delivery.mailing.values, **delivery.values},
    )
    try:
        EmailMessage(subject=rendered.subject, body=rendered.plain, to=[address]).send()
    except Exception as error:
        failed: dict[str, Any] = {"values": {}} if last_attempt else {}
        FamilyDelivery.objects.filter(pk=delivery.pk).update(
            last_error=type(error).__name__[:100],
            state=FamilyDelivery.State.FAILED if last_attempt else FamilyDelivery.State.PENDING,
            **failed,
        )
        raise
    # What the notice said about the child is kept only until it is sent (least data): the
    # words sent stay in the mailing, the family's details in the roster.
    FamilyDelivery.objects.filter(pk=delivery.pk).update(
        state=FamilyDelivery.State.SENT, sent_at=timezone.now(), last_error="", values={}
    )
    return "sent"
