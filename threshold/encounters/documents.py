"""Documents an officer presents: checked by the document checker (threshold.protocol.documents),
kept as a photo without its metadata, and reviewed by the designated official, who confirms the
checker's findings or corrects them. What the engine is given is the reviewed reading."""

from __future__ import annotations

import io
import warnings
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from threshold.accounts.models import User
from threshold.audit.services import record
from threshold.encounters import guidance
from threshold.encounters.models import Encounter, EncounterDocument
from threshold.notify import services as notify
from threshold.protocol.documents import OcrFailed, OcrUnavailable, check_document
from threshold.protocol.vocab import DocType, FacialCheck, Nondisclosure
from threshold.visitors import clock
from threshold.visitors import queries as visitor_queries

MAX_PIXELS = 50_000_000
KEPT_SIZE = (2400, 2400)


class DocumentUnreadable(ValidationError):
    """Neither a photo that opens nor any text."""


def _kept_jpeg(data: bytes) -> bytes:
    """The photo as kept: upright, at most 2400 px, JPEG, without the camera's metadata."""
    unreadable = DocumentUnreadable(_("The photo could not be read. Take it again."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise unreadable
                image = ImageOps.exif_transpose(opened).convert("RGB")
                image.thumbnail(KEPT_SIZE)
                out = io.BytesIO()
                image.save(out, format="JPEG", quality=85)
    except DocumentUnreadable:
        raise
    except Exception:
        raise unreadable from None
    return out.getvalue()


def _check(encounter: Encounter, source: str | bytes, moment: datetime) -> dict[str, Any]:
    school = encounter.school
    # The checker compares dates and hours as the school's clock shows them.
    zone = clock.zone(visitor_queries.desk_settings(school))
    now = timezone.localtime(moment, zone).replace(tzinfo=None)
    try:
        findings = check_document(source, school=school.name, address=school.address, now=now)
        return findings.as_dict()
    except (OcrUnavailable, OcrFailed):
        findings = check_document("", school=school.name, address=school.address, now=now)
        found = findings.as_dict()
        found["findings"].insert(
            0,
            {
                "check": "source",
                "result": "UNKNOWN",
                "text": "the photo could not be read by text recognition on this server; "
                "read the document itself",
            },
        )
        return found


def _reassess(encounter: Encounter, actor: User, now: datetime) -> None:
    encounter.facts = guidance.facts_of(encounter)
    guidance.parsed(encounter.facts)
    Encounter.objects.filter(pk=encounter.pk).update(
        facts=encounter.facts, updated_at=now, updated_by=actor
    )
    encounter.updated_at, encounter.updated_by = now, actor
    decision = guidance.decision_for(encounter)
    notify.inform_per_pack(encounter=encounter, codes=decision.notify, actor=actor, now=now)


@transaction.atomic
def add_document(
    *,
    encounter: Encounter,
    actor: User,
    photo: bytes | None = None,
    text: str = "",
    now: datetime | None = None,
) -> EncounterDocument:
    """A document the officer shows, photographed or typed: checked, kept, and given to the
    engine (the checker's reading until the official reviews it)."""
    now = now or timezone.now()
    locked = (
        Encounter.objects.select_for_update()
        .select_related("school__district")
        .get(pk=encounter.pk)
    )
    if not locked.is_open:
        raise ValidationError(_("This encounter is closed: nothing more can be recorded."))
    text = text.replace("\x00", "").strip()
    if photo is None and not text:
        raise DocumentUnreadable(_("Take a photo of the document, or type its text."))
    kept = _kept_jpeg(photo) if photo is not None else None
    found = _check(locked, photo if photo is not None else text, now)
    document = EncounterDocument.objects.create(
        encounter=locked,
        added_at=now,
        added_by=actor,
        image=kept,
        text=text,
        findings=found,
        doc_type=found["type"],
        facial_check=found["facial_check"],
        nondisclosure=found["nondisclosure"],
    )
    record(
        "encounter.document_added",
        actor=actor,
        district=locked.school.district,
        school=locked.school,
        subject=document,
        data={
            "encounter": str(locked.pk),
            "source": "photo" if photo is not None else "typed",
            "type": document.doc_type,
            "facial_check": document.facial_check,
            "nondisclosure": document.nondisclosure,
        },
    )
    _reassess(locked, actor, now)
    return document


@transaction.atomic
def review_document(
    *,
    document: EncounterDocument,
    actor: User,
    doc_type: str,
    facial_check: str,
    nondisclosure: str,
    now: datetime | None = None,
) -> EncounterDocument:
    """The designated official confirms the checker's reading (the same values) or corrects it."""
    if doc_type not in DocType.__members__.values():
        raise ValidationError({"doc_type": _("Choose the kind of document.")})
    if facial_check not in FacialCheck.__members__.values():
        raise ValidationError({"facial_check": _("Choose what the check found.")})
    if nondisclosure not in Nondisclosure.__members__.values():
        raise ValidationError({"nondisclosure": _("Choose the confidentiality terms.")})
    now = now or timezone.now()
    locked = EncounterDocument.objects.select_for_update().get(pk=document.pk)
    encounter = Encounter.objects.select_related("school__district").get(pk=locked.encounter_id)
    if not encounter.is_open:
        raise ValidationError(_("This encounter is closed: nothing more can be recorded."))
    was = locked.as_fact()
    checker = {
        "type": locked.findings.get("type"),
        "facial_check": locked.findings.get("facial_check"),
        "nondisclosure": locked.findings.get("nondisclosure"),
    }
    locked.doc_type, locked.facial_check, locked.nondisclosure = (
        doc_type,
        facial_check,
        nondisclosure,
    )
    locked.corrected = locked.as_fact() != checker
    locked.reviewed_at, locked.reviewed_by = now, actor
    locked.save()
    record(
        "encounter.document_reviewed",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=locked,
        data={
            "encounter": str(encounter.pk),
            "corrected": locked.corrected,
            "was": was,
            "now": locked.as_fact(),
        },
    )
    _reassess(encounter, actor, now)
    return locked
