"""The records intake for an encounter: the records app's `request_intake` with what the guided
steps recorded (set as `hooks.RECORDS_INTAKE` when the app loads)."""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from threshold.accounts.models import User
from threshold.encounters.models import Encounter
from threshold.records import services as records
from threshold.records.models import RecordsRequest


def _document(encounter: Encounter) -> records.PresentedDocument | None:
    """The document the request rests on: the last one reviewed (or checked) that names a kind."""
    shown = [d for d in encounter.documents.order_by("added_at") if d.doc_type]
    if not shown:
        return None
    chosen = shown[-1]
    return records.PresentedDocument(
        doc_class=chosen.doc_type,
        facial_check=chosen.facial_check,
        nondisclosure=chosen.nondisclosure,
    )


def _stated_interest(encounter: Encounter) -> str:
    """The interest the record of disclosures shows (34 CFR 99.32(a)(3)): the officer's own words,
    else the document the request rests on."""
    from threshold.policies import labels

    if encounter.purpose.strip():
        return encounter.purpose
    document = _document(encounter)
    if document is None:
        return str(_("In person, without a document"))
    return str(_("As the document presented states: %(document)s")) % {
        "document": labels.say(labels.DOCUMENT, document.doc_class)
    }


def intake(encounter: Encounter, actor: User, details: dict[str, Any]) -> RecordsRequest:
    """Record the officer's request for student information in the records intake; when the
    records were given or taken (a warrant's seizure, a release the pack allows), record that
    too, so that the record of disclosures shows it."""
    from threshold.policies import labels

    requester = records.Requester(
        agency=encounter.facts.get("requester", {}).get("agency") or "UNVERIFIED",
        name=encounter.officer_name,
        organization=str(labels.say(labels.AGENCY, encounter.agency)) if encounter.agency else "",
        badge=encounter.officer_badge[:64],
        phone=encounter.officer_phone[:30],
        business_card=encounter.card_kept,
    )
    request = records.request_intake(
        district=encounter.school.district,
        actor=actor,
        channel="IN_PERSON",
        requester=requester,
        requested=details["requested"],
        student=encounter.student,
        school=encounter.school,
        document=_document(encounter),
        description=encounter.purpose,
        stated_interest=_stated_interest(encounter),
        received_at=details["received_at"],
    )
    taken = [code for code, result in details["results"].items() if result != "denied"]
    if taken and details["records_taken"]:
        # The records app may refuse a release on this request (a notice is due first, or
        # nothing may be released): the request then stays in the records officer's queue, and
        # the encounter's outcome says what was taken.
        with contextlib.suppress(ValidationError):
            request = records.disclosure_record(
                request=request,
                actor=actor,
                what=details["records_taken"],
                disclosed_to="",
                redisclosure_conditions="",
                now=details["now"],
            )
    return request
