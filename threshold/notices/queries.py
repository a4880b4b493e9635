"""Reads for the notices pages. Callers pass a district already looked up through access."""

from __future__ import annotations

from dataclasses import dataclass

from threshold.accounts.models import District
from threshold.notices.models import PUBLIC_KINDS, FamilyContact, Kind, NoticeText
from threshold.notices.texts import LANGUAGES


@dataclass(frozen=True)
class KindRow:
    kind: str
    label: str
    texts: list[NoticeText]


def texts_by_kind(district: District) -> list[KindRow]:
    found = NoticeText.objects.filter(district=district).select_related("reviewed_by")
    by_key = {(text.kind, text.language): text for text in found}
    rows = []
    for kind, label in Kind.choices:
        texts = [by_key[kind, lang] for lang in LANGUAGES if (kind, lang) in by_key]
        rows.append(KindRow(kind, str(label), texts))
    return rows


def contact_of(district: District) -> FamilyContact | None:
    return FamilyContact.objects.filter(district=district).first()


@dataclass(frozen=True)
class PublicPage:
    contact: FamilyContact
    languages: list[str]  # reviewed languages, in the page's order
    texts: list[NoticeText]  # the chosen language's reviewed public texts


def public_page(slug: str, language: str | None) -> PublicPage | None:
    """The public page of a district, or None when it has nothing reviewed to show."""
    contact = FamilyContact.objects.select_related("district").filter(public_slug=slug).first()
    if contact is None:
        return None
    public = [
        text
        for text in NoticeText.objects.filter(district=contact.district, kind__in=PUBLIC_KINDS)
        if text.reviewed
    ]
    languages = [lang for lang in LANGUAGES if any(t.language == lang for t in public)]
    if not languages:
        return None
    chosen = language or languages[0]
    if chosen not in languages:
        return None
    order = {kind: index for index, kind in enumerate(PUBLIC_KINDS)}
    texts = sorted((t for t in public if t.language == chosen), key=lambda t: order[t.kind])
    return PublicPage(contact, languages, texts)
