"""Changes to a district's notices to families, each with its audit event.

A text is usable (sent to a family, shown on the public page) only in a language whose current
version has been reviewed. Changing a text withdraws the review; a review names the version it
approves, so a reviewer never approves words that changed after they read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from threshold.accounts.models import District, User
from threshold.audit.services import record
from threshold.notices import texts
from threshold.notices.models import PLACEHOLDERS, FamilyContact, Kind, NoticeText
from threshold.notices.render import Rendered, TextProblem, check, render

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
